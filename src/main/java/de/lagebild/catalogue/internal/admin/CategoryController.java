package de.lagebild.catalogue.internal.admin;

import de.lagebild.catalogue.internal.offers.Catalogue;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.Role;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The tenant's categories of offers: add, rename, move up or down, delete (when unused). */
@Controller
class CategoryController {

  private final Catalogue catalogue;
  private final CatalogueAdministration administration;

  CategoryController(Catalogue catalogue, CatalogueAdministration administration) {
    this.catalogue = catalogue;
    this.administration = administration;
  }

  @PostMapping("/{tenant}/angebote/verwaltung/kategorien")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String addCategory(
      @PathVariable("tenant") String tenant,
      @RequestParam("name") String name,
      @RequestParam(name = "parent", required = false) UUID parent,
      RedirectAttributes redirect) {
    administration.addCategory(name, parent);
    redirect.addFlashAttribute("success", "catalogue.category.added");
    return "redirect:/" + tenant + "/angebote/verwaltung#kategorien";
  }

  @PostMapping("/{tenant}/angebote/verwaltung/kategorien/{id}/umbenennen")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String renameCategory(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @RequestParam("name") String name,
      RedirectAttributes redirect) {
    administration.renameCategory(id, name);
    redirect.addFlashAttribute("success", "catalogue.category.renamed");
    return "redirect:/" + tenant + "/angebote/verwaltung#kategorien";
  }

  /**
   * Moves a category one place up or down among the categories of the same parent (the order of the
   * filter list, the brochure and the coordinator page). Buttons instead of drag and drop, so it
   * works with the keyboard.
   */
  @PostMapping("/{tenant}/angebote/verwaltung/kategorien/{id}/verschieben")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String moveCategory(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @RequestParam("richtung") String direction,
      RedirectAttributes redirect) {
    administration.moveCategory(id, direction);
    redirect.addFlashAttribute("success", "catalogue.category.moved");
    return "redirect:/" + tenant + "/angebote/verwaltung#kategorien";
  }

  @PostMapping("/{tenant}/angebote/verwaltung/kategorien/{id}/loeschen")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String deleteCategory(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      RedirectAttributes redirect) {
    administration.deleteCategory(id);
    redirect.addFlashAttribute("success", "catalogue.category.deleted");
    return "redirect:/" + tenant + "/angebote/verwaltung#kategorien";
  }
}
