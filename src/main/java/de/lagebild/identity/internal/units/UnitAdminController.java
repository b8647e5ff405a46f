package de.lagebild.identity.internal.units;

import de.lagebild.identity.ResponsibleUnit;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import de.lagebild.platform.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Organisational units (Fachdienste, Jobcenter, Träger) that are responsible for measures. */
@Controller
class UnitAdminController {

  private final UnitRepository units;
  private final UnitAdministration administration;

  UnitAdminController(UnitRepository units, UnitAdministration administration) {
    this.units = units;
    this.administration = administration;
  }

  @GetMapping("/{tenant}/verwaltung/einheiten")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String list(@PathVariable("tenant") String tenant, Model model) {
    model.addAttribute("units", units.findAll());
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new UnitForm());
    }
    return "identity/units/units";
  }

  @PostMapping("/{tenant}/verwaltung/einheiten")
  @AllowRoles(Role.ADMIN)
  String create(
      @PathVariable("tenant") String tenant,
      @Validated @ModelAttribute("form") UnitForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    if (!errors.hasErrors()) {
      try {
        administration.create(
            form.getName().strip(),
            Text.blankToNull(form.getShortName()),
            Text.blankToNull(form.getDescription()));
        redirect.addFlashAttribute("success", "unit.created");
        return "redirect:/" + tenant + "/verwaltung/einheiten";
      } catch (DomainException e) {
        errors.reject(e.messageKey(), e.arguments(), e.messageKey());
      }
    }
    return list(tenant, model);
  }

  @GetMapping("/{tenant}/verwaltung/einheiten/{id}")
  @AllowRoles(Role.ADMIN)
  String edit(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id, Model model) {
    ResponsibleUnit unit = units.findById(id).orElseThrow(NotFoundException::new);
    model.addAttribute("unit", unit);
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", UnitForm.of(unit));
    }
    return "identity/units/unit-edit";
  }

  @PostMapping("/{tenant}/verwaltung/einheiten/{id}")
  @AllowRoles(Role.ADMIN)
  String update(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @Validated @ModelAttribute("form") UnitForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    if (!errors.hasErrors()) {
      try {
        administration.update(
            new ResponsibleUnit(
                id,
                form.getName().strip(),
                Text.blankToNull(form.getShortName()),
                Text.blankToNull(form.getDescription()),
                form.isActive(),
                form.getVersion()));
        redirect.addFlashAttribute("success", "unit.updated");
        return "redirect:/" + tenant + "/verwaltung/einheiten";
      } catch (NotFoundException e) {
        throw e;
      } catch (DomainException e) {
        errors.reject(e.messageKey(), e.arguments(), e.messageKey());
      }
    }
    return edit(tenant, id, model);
  }

  static class UnitForm {
    @NotBlank(message = "{validation.required}")
    @Size(max = 200, message = "{validation.tooLong}")
    private String name;

    @Size(max = 60, message = "{validation.tooLong}")
    private String shortName;

    @Size(max = 2000, message = "{validation.tooLong}")
    private String description;

    private boolean active = true;
    private int version;

    static UnitForm of(ResponsibleUnit u) {
      UnitForm f = new UnitForm();
      f.name = u.name();
      f.shortName = u.shortName();
      f.description = u.description();
      f.active = u.active();
      f.version = u.version();
      return f;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getShortName() {
      return shortName;
    }

    public void setShortName(String shortName) {
      this.shortName = shortName;
    }

    public String getDescription() {
      return description;
    }

    public void setDescription(String description) {
      this.description = description;
    }

    public boolean isActive() {
      return active;
    }

    public void setActive(boolean active) {
      this.active = active;
    }

    public int getVersion() {
      return version;
    }

    public void setVersion(int version) {
      this.version = version;
    }
  }
}
