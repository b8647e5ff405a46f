package de.lagebild.catalogue.internal.offers;

import de.lagebild.catalogue.internal.store.CatalogueRows;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferContent;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OrganizationRow;
import de.lagebild.catalogue.internal.store.LocationRepository;
import de.lagebild.catalogue.internal.store.OfferRepository;
import de.lagebild.catalogue.internal.store.OrganizationRepository;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Providers' self-service and the offer form: "Meine Angebote" lists the offers of the provider's
 * organisations with their state and any comment from the review; new offers and edits go through
 * {@link Catalogue}, which decides whether they are saved or proposed. Coordinators use the same
 * form with direct effect.
 */
@Controller
class OfferEditController {

  private final Catalogue catalogue;
  private final Staleness staleness;
  private final OfferReview review;
  private final OfferEditing editing;
  private final LocationRepository locationRepository;
  private final OfferRepository offerRepository;
  private final OrganizationRepository organizationRepository;
  private final MessageSource messages;

  OfferEditController(
      Catalogue catalogue,
      Staleness staleness,
      OfferReview review,
      OfferEditing editing,
      LocationRepository locationRepository,
      OfferRepository offerRepository,
      OrganizationRepository organizationRepository,
      MessageSource messages) {
    this.catalogue = catalogue;
    this.staleness = staleness;
    this.review = review;
    this.editing = editing;
    this.locationRepository = locationRepository;
    this.offerRepository = offerRepository;
    this.organizationRepository = organizationRepository;
    this.messages = messages;
  }

  record Mine(OrganizationRow organization, List<CatalogueRows.OfferView> offers) {}

  @GetMapping("/{tenant}/anbieter")
  @AllowRoles({Role.PROVIDER, Role.ADMIN, Role.COORDINATOR})
  String mine(@PathVariable("tenant") String tenant, Model model) {
    Set<UUID> organizations = catalogue.editableOrganizations();
    List<Mine> mine = new ArrayList<>();
    List<CatalogueRows.OfferView> offers =
        catalogue.views(
            offerRepository.offersOf(
                organizations.isEmpty() ? List.of(UUID.randomUUID()) : organizations));
    for (OrganizationRow o : organizationRepository.organizations()) {
      if (organizations.contains(o.id())) {
        mine.add(
            new Mine(
                o,
                offers.stream().filter(v -> v.offer().organizationId().equals(o.id())).toList()));
      }
    }
    Map<UUID, CatalogueRows.ChangeRow> latest = new HashMap<>();
    for (CatalogueRows.OfferView v : offers) {
      review.changesOf(v.id()).stream().findFirst().ifPresent(c -> latest.put(v.id(), c));
    }
    model.addAttribute("mine", mine);
    model.addAttribute("latest", latest);
    model.addAttribute("staleAfterDays", staleness.staleAfter().toDays());
    model.addAttribute("now", catalogue.now());
    return "catalogue/offers/mine";
  }

  @GetMapping("/{tenant}/angebote/neu")
  @AllowRoles({Role.PROVIDER, Role.ADMIN, Role.COORDINATOR})
  String create(
      @PathVariable("tenant") String tenant,
      @RequestParam("organisation") UUID organization,
      Model model) {
    if (!catalogue.editableOrganizations().contains(organization)) {
      throw new NotFoundException();
    }
    return form(model, organization, null, OfferForm.empty(), List.of());
  }

  @PostMapping("/{tenant}/angebote/neu")
  @AllowRoles({Role.PROVIDER, Role.ADMIN, Role.COORDINATOR})
  String createSave(
      @PathVariable("tenant") String tenant,
      @RequestParam("organisation") UUID organization,
      @RequestParam(name = "aktion", defaultValue = "pruefen") String action,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    List<OfferRules.Problem> problems = new ArrayList<>();
    OfferContent content = OfferForm.read(request, problems);
    if (!problems.isEmpty()) {
      response.setStatus(422);
      return form(model, organization, null, content, problems);
    }
    try {
      UUID id =
          editing.create(
              organization, content, "entwurf".equals(action), "veroeffentlichen".equals(action));
      redirect.addFlashAttribute(
          "success", Catalogue.isCoordinator() ? "catalogue.saved" : "catalogue.submitted");
      return "redirect:/"
          + tenant
          + (Catalogue.isCoordinator() ? "/angebote/verwaltung" : "/anbieter")
          + "#o-"
          + id;
    } catch (OfferEditing.InvalidOffer e) {
      response.setStatus(422);
      return form(model, organization, null, content, e.problems());
    }
  }

  @GetMapping("/{tenant}/angebote/{id}/bearbeiten")
  @AllowRoles({Role.PROVIDER, Role.ADMIN, Role.COORDINATOR})
  String edit(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id, Model model) {
    OfferRow o = catalogue.editable(id);
    return form(model, o.organizationId(), o, o.content(), List.of());
  }

  @PostMapping("/{tenant}/angebote/{id}/bearbeiten")
  @AllowRoles({Role.PROVIDER, Role.ADMIN, Role.COORDINATOR})
  String editSave(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @RequestParam("version") int version,
      @RequestParam(name = "aktion", defaultValue = "pruefen") String action,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    OfferRow o = catalogue.editable(id);
    List<OfferRules.Problem> problems = new ArrayList<>();
    OfferContent content = OfferForm.read(request, problems);
    if (!problems.isEmpty()) {
      response.setStatus(422);
      return form(model, o.organizationId(), o, content, problems);
    }
    try {
      OfferEditing.Outcome outcome = editing.update(id, version, content, "entwurf".equals(action));
      redirect.addFlashAttribute(
          "success",
          outcome == OfferEditing.Outcome.SAVED ? "catalogue.saved" : "catalogue.submitted");
      return "redirect:/"
          + tenant
          + (Catalogue.isCoordinator() ? "/angebote/verwaltung" : "/anbieter")
          + "#o-"
          + id;
    } catch (OfferEditing.InvalidOffer e) {
      response.setStatus(422);
      return form(model, o.organizationId(), o, content, e.problems());
    }
  }

  @PostMapping("/{tenant}/angebote/{id}/bestaetigen")
  @AllowRoles({Role.PROVIDER, Role.ADMIN, Role.COORDINATOR})
  String confirm(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      RedirectAttributes redirect) {
    editing.confirmCurrent(id);
    redirect.addFlashAttribute("success", "catalogue.confirmed");
    return "redirect:/"
        + tenant
        + (Catalogue.isCoordinator() ? "/angebote/verwaltung#aktualitaet" : "/anbieter");
  }

  private String form(
      Model model,
      UUID organization,
      OfferRow offer,
      OfferContent content,
      List<OfferRules.Problem> problems) {
    model.addAttribute(
        "organization",
        organizationRepository.organization(organization).orElseThrow(NotFoundException::new));
    model.addAttribute("offer", offer);
    model.addAttribute("c", content);
    model.addAttribute(
        "problems",
        problems.stream()
            .map(
                p ->
                    new Shown(
                        p.field(),
                        label(p.field()),
                        messages.getMessage(
                            p.messageKey(),
                            new Object[] {p.detail()},
                            p.messageKey(),
                            Locale.GERMAN)))
            .toList());
    model.addAttribute(
        "locations",
        locationRepository.locations().stream()
            .filter(l -> l.organizationId().equals(organization))
            .toList());
    model.addAttribute("categories", catalogue.categoryMap().values());
    model.addAttribute("languages", CatalogueRows.LANGUAGES);
    model.addAttribute("groups", CatalogueRows.TARGET_GROUPS);
    model.addAttribute("lifeSituations", CatalogueRows.LIFE_SITUATIONS);
    model.addAttribute("scheduleRows", OfferForm.scheduleRows(content));
    model.addAttribute("contactRows", OfferForm.contactRows(content));
    model.addAttribute("coordinator", Catalogue.isCoordinator());
    model.addAttribute(
        "pending",
        offer == null
            ? null
            : review.changesOf(offer.id()).stream()
                .filter(c -> "SUBMITTED".equals(c.state()))
                .findFirst()
                .orElse(null));
    return "catalogue/offers/edit";
  }

  /** A problem as the form shows it: the field's id (for the link), its label and the message. */
  record Shown(String field, String label, String message) {}

  private String label(String field) {
    return messages.getMessage("catalogue.field." + field, null, field, Locale.GERMAN);
  }
}
