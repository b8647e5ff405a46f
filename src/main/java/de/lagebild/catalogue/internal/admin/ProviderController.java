package de.lagebild.catalogue.internal.admin;

import de.lagebild.atlas.AreaLookup;
import de.lagebild.catalogue.internal.offers.Catalogue;
import de.lagebild.catalogue.internal.offers.OfferRules;
import de.lagebild.catalogue.internal.store.CatalogueRows.OrganizationRow;
import de.lagebild.catalogue.internal.store.OrganizationRepository;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.Role;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Providers: organisations, their locations (coordinates typed or picked on a map of the Kreis
 * outlines) and the provider accounts that keep their offers; e-mail reminders about stale offers.
 */
@Controller
class ProviderController {

  private final Catalogue catalogue;
  private final OrganizationRepository organizationRepository;
  private final Reminders reminders;
  private final AreaLookup areas;
  private final MessageSource messages;
  private final CatalogueAdministration administration;

  ProviderController(
      Catalogue catalogue,
      OrganizationRepository organizationRepository,
      Reminders reminders,
      AreaLookup areas,
      MessageSource messages,
      CatalogueAdministration administration) {
    this.catalogue = catalogue;
    this.organizationRepository = organizationRepository;
    this.reminders = reminders;
    this.areas = areas;
    this.messages = messages;
    this.administration = administration;
  }

  @PostMapping("/{tenant}/angebote/verwaltung/erinnern/{organization}")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String remind(
      @PathVariable("tenant") String tenant,
      @PathVariable("organization") UUID organization,
      RedirectAttributes redirect) {
    int n = reminders.remind(organization);
    redirect.addFlashAttribute(
        "info",
        messages.getMessage(
            "catalogue.reminder.sent",
            new Object[] {
              organizationRepository
                  .organization(organization)
                  .map(OrganizationRow::name)
                  .orElse(""),
              n
            },
            Locale.GERMAN));
    return "redirect:/" + tenant + "/angebote/verwaltung#aktualitaet";
  }

  @PostMapping("/{tenant}/angebote/verwaltung/organisationen")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String addOrganization(
      @PathVariable("tenant") String tenant,
      @RequestParam("name") String name,
      @RequestParam(name = "email", required = false) String email,
      @RequestParam(name = "phone", required = false) String phone,
      @RequestParam(name = "website", required = false) String website,
      RedirectAttributes redirect) {
    try {
      administration.addOrganization(name, email, phone, website);
    } catch (CatalogueAdministration.Invalid e) {
      throw invalid(e.problems);
    }
    redirect.addFlashAttribute("success", "catalogue.organization.added");
    return "redirect:/" + tenant + "/angebote/verwaltung#anbieter";
  }

  /** A new location; coordinates typed (comma or dot), checked, and placed in its atlas area. */
  @PostMapping("/{tenant}/angebote/verwaltung/orte")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String addLocation(
      @PathVariable("tenant") String tenant,
      @RequestParam("organisation") UUID organization,
      @RequestParam("name") String name,
      @RequestParam(name = "street", required = false) String street,
      @RequestParam(name = "postalCode", required = false) String postalCode,
      @RequestParam(name = "city", required = false) String city,
      @RequestParam(name = "latitude", required = false) String latitude,
      @RequestParam(name = "longitude", required = false) String longitude,
      @RequestParam(name = "accessibility", required = false) String accessibility,
      RedirectAttributes redirect) {
    try {
      administration.addLocation(
          organization, name, street, postalCode, city, latitude, longitude, accessibility);
    } catch (CatalogueAdministration.Invalid e) {
      throw invalid(e.problems);
    }
    redirect.addFlashAttribute("success", "catalogue.location.added");
    return "redirect:/" + tenant + "/angebote/verwaltung#anbieter";
  }

  @PostMapping("/{tenant}/angebote/verwaltung/anbieter-konten")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String link(
      @PathVariable("tenant") String tenant,
      @RequestParam("user") UUID user,
      @RequestParam("organisation") UUID organization,
      RedirectAttributes redirect) {
    administration.linkProvider(user, organization);
    redirect.addFlashAttribute("success", "catalogue.provider.linked");
    return "redirect:/" + tenant + "/angebote/verwaltung#anbieter";
  }

  /** The outlines of the Kreise, for orientation on the map that picks a location's coordinates. */
  @GetMapping(path = "/{tenant}/angebote/verwaltung/umrisse", produces = "application/geo+json")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  @ResponseBody
  String outlines(@PathVariable("tenant") String tenant) {
    return areas.outlines();
  }

  /** The problems in one German sentence per field, for the error page. */
  private DomainException invalid(List<OfferRules.Problem> problems) {
    return new DomainException(
        "catalogue.invalidList",
        String.join(
            " ",
            problems.stream()
                .map(
                    x ->
                        messages.getMessage(
                                "catalogue.field." + x.field(), null, x.field(), Locale.GERMAN)
                            + ": "
                            + messages.getMessage(
                                x.messageKey(),
                                new Object[] {x.detail()},
                                x.messageKey(),
                                Locale.GERMAN))
                .toList()));
  }
}
