package de.lagebild.catalogue.internal.admin;

import de.lagebild.catalogue.internal.offers.Catalogue;
import de.lagebild.catalogue.internal.offers.OfferEditing;
import de.lagebild.catalogue.internal.offers.OfferReview;
import de.lagebild.catalogue.internal.offers.Staleness;
import de.lagebild.catalogue.internal.store.CatalogueRows;
import de.lagebild.catalogue.internal.store.CatalogueRows.CategoryRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferContent;
import de.lagebild.catalogue.internal.store.CatalogueRows.Status;
import de.lagebild.catalogue.internal.store.LocationRepository;
import de.lagebild.catalogue.internal.store.OfferAccessRepository;
import de.lagebild.catalogue.internal.store.OfferRepository;
import de.lagebild.catalogue.internal.store.OrganizationRepository;
import de.lagebild.exchange.CsvOutput;
import de.lagebild.identity.TenantDirectory;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.Role;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's page of the catalogue: the review queue (what changed), the staleness list, all
 * offers with their status and access counts (also as CSV), categories, providers, locations and
 * accounts; and the offer status.
 */
@Controller
class CatalogueAdminController {

  private final Catalogue catalogue;
  private final Staleness staleness;
  private final OfferReview review;
  private final OfferEditing editing;
  private final LocationRepository locationRepository;
  private final OfferAccessRepository accessRepository;
  private final OfferRepository offerRepository;
  private final OrganizationRepository organizationRepository;
  private final TenantDirectory directory;
  private final MessageSource messages;

  CatalogueAdminController(
      Catalogue catalogue,
      Staleness staleness,
      OfferReview review,
      OfferEditing editing,
      LocationRepository locationRepository,
      OfferAccessRepository accessRepository,
      OfferRepository offerRepository,
      OrganizationRepository organizationRepository,
      TenantDirectory directory,
      MessageSource messages) {
    this.catalogue = catalogue;
    this.staleness = staleness;
    this.review = review;
    this.editing = editing;
    this.locationRepository = locationRepository;
    this.accessRepository = accessRepository;
    this.offerRepository = offerRepository;
    this.organizationRepository = organizationRepository;
    this.directory = directory;
    this.messages = messages;
  }

  record Review(OfferReview.ReviewItem item, List<String> changed) {}

  @GetMapping("/{tenant}/angebote/verwaltung")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String page(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "stand", required = false) String shown,
      Model model) {
    List<Review> reviews =
        review.reviewQueue().stream()
            .map(
                i ->
                    new Review(
                        i,
                        i.isNew()
                            ? List.of()
                            : changed(i.offer().content(), i.change().proposed())))
            .toList();
    model.addAttribute("reviews", reviews);
    List<Staleness.Stale> stale = staleness.stale();
    model.addAttribute("stale", stale);
    model.addAttribute("staleAfterDays", staleness.staleAfter().toDays());
    List<CatalogueRows.OfferRow> all = offerRepository.offers();
    Status only =
        Arrays.stream(Status.values())
            .filter(st -> st.name().equals(shown))
            .findFirst()
            .orElse(null);
    Map<Status, Long> perStatus = new EnumMap<>(Status.class);
    for (Status st : Status.values()) {
      perStatus.put(st, all.stream().filter(o -> o.status() == st).count());
    }
    model.addAttribute("perStatus", perStatus);
    model.addAttribute("allOffers", all.size());
    model.addAttribute("shownStatus", only);
    model.addAttribute(
        "offers",
        catalogue.views(
            only == null ? all : all.stream().filter(o -> o.status() == only).toList()));
    Collection<CategoryRow> categories = catalogue.categoryMap().values();
    model.addAttribute("categories", categories);
    // the first and the last category of each parent (no "up" or "down" button for them)
    Map<UUID, List<UUID>> byParent = new LinkedHashMap<>();
    categories.forEach(
        c ->
            byParent
                .computeIfAbsent(
                    c.parentId() == null ? NO_PARENT : c.parentId(), k -> new ArrayList<>())
                .add(c.id()));
    model.addAttribute("firstCategories", byParent.values().stream().map(l -> l.get(0)).toList());
    model.addAttribute(
        "lastCategories", byParent.values().stream().map(l -> l.get(l.size() - 1)).toList());
    model.addAttribute("organizations", organizationRepository.organizations());
    model.addAttribute("locations", locationRepository.locations());
    model.addAttribute("providers", directory.members(Role.PROVIDER));
    model.addAttribute("statuses", Status.values());
    String month = YearMonth.now(ZoneId.of("Europe/Berlin")).toString();
    model.addAttribute("month", month);
    model.addAttribute("views", accessRepository.viewsIn(month));
    return "catalogue/admin/admin";
  }

  /** The fields a proposal changes, by their German labels. */
  List<String> changed(OfferContent a, OfferContent b) {
    List<String> fields = new ArrayList<>();
    check(fields, "name", a.name(), b.name());
    check(fields, "description", a.description(), b.description());
    check(fields, "cost", a.cost() + a.costNote(), b.cost() + b.costNote());
    check(fields, "ageFrom", a.ageFrom(), b.ageFrom());
    check(fields, "ageTo", a.ageTo(), b.ageTo());
    check(fields, "places", a.places(), b.places());
    check(fields, "languages", a.languages(), b.languages());
    check(fields, "targetGroups", a.targetGroups(), b.targetGroups());
    check(fields, "lifeSituations", a.lifeSituations(), b.lifeSituations());
    check(fields, "categories", a.categories(), b.categories());
    check(fields, "locations", a.locations(), b.locations());
    check(fields, "schedules", a.schedules(), b.schedules());
    check(fields, "contacts", a.contacts(), b.contacts());
    check(fields, "url", a.url(), b.url());
    check(fields, "email", a.email() + a.phone(), b.email() + b.phone());
    return fields;
  }

  private void check(List<String> fields, String field, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      fields.add(messages.getMessage("catalogue.field." + field, null, field, Locale.GERMAN));
    }
  }

  @PostMapping("/{tenant}/angebote/{id}/status")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String status(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @RequestParam("status") String status,
      RedirectAttributes redirect) {
    editing.setStatus(id, status);
    redirect.addFlashAttribute("success", "catalogue.statusChanged");
    return "redirect:/" + tenant + "/angebote/verwaltung#alle";
  }

  private static final UUID NO_PARENT = new UUID(0, 0);

  /**
   * The access counts of every offer for the last {@code monate} months (1–36, default 12) as a CSV
   * file for spreadsheets and reports: offer, provider, status, one column per month, sum.
   * Semicolons, UTF-8 with BOM (Excel opens it with umlauts intact). Counts only – nothing about
   * visitors is stored.
   */
  @GetMapping(
      path = "/{tenant}/angebote/verwaltung/aufrufe.csv",
      produces = "text/csv;charset=UTF-8")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  ResponseEntity<byte[]> viewsCsv(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "monate", defaultValue = "12") int months) {
    int n = Math.max(1, Math.min(36, months));
    YearMonth now = YearMonth.now(ZoneId.of("Europe/Berlin"));
    List<String> columns = new ArrayList<>();
    for (int i = n - 1; i >= 0; i--) {
      columns.add(now.minusMonths(i).toString());
    }
    Map<UUID, Map<String, Integer>> views = accessRepository.viewsSince(columns.get(0));
    List<List<String>> table = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("Angebot", "Anbieter", "Stand"));
    header.addAll(columns);
    header.add("Summe");
    table.add(header);
    for (CatalogueRows.OfferView v : catalogue.views(offerRepository.offers())) {
      Map<String, Integer> byMonth = views.getOrDefault(v.id(), Map.of());
      List<String> row =
          new ArrayList<>(
              List.of(
                  v.content().name(),
                  v.organization() == null ? "" : v.organization().name(),
                  messages.getMessage(
                      "catalogue.status." + v.offer().status(), null, Locale.GERMAN)));
      int sum = 0;
      for (String month : columns) {
        int c = byMonth.getOrDefault(month, 0);
        sum += c;
        row.add(Integer.toString(c));
      }
      row.add(Integer.toString(sum));
      table.add(row);
    }
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(tenant + "-angebote-aufrufe-" + now + ".csv")
                .build()
                .toString())
        .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
        .body(CsvOutput.bytes(table));
  }
}
