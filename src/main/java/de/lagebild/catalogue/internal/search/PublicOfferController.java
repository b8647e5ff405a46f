package de.lagebild.catalogue.internal.search;

import de.lagebild.atlas.AreaLookup;
import de.lagebild.catalogue.internal.offers.Catalogue;
import de.lagebild.catalogue.internal.offers.Schedules;
import de.lagebild.catalogue.internal.store.CatalogueRows;
import de.lagebild.catalogue.internal.store.CatalogueRows.LocationRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferView;
import de.lagebild.exchange.GeoJsonOutput;
import de.lagebild.platform.AllowPublic;
import de.lagebild.platform.RenderedPages;
import de.lagebild.platform.TenantContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public guide to offers ({@code /{tenant}/angebote}): search with filters, a map of the
 * places, a page per offer with everything needed to go there, print view and a PDF brochure. No
 * cookies beyond the session a logged-in user already has; the page of an offer counts one view per
 * month, nothing about the visitor.
 */
@Controller
class PublicOfferController {

  static final int PAGE = 20;

  private final Catalogue catalogue;
  private final AreaLookup areas;
  private final Clock clock;
  private final RenderedPages pages;

  PublicOfferController(Catalogue catalogue, AreaLookup areas, Clock clock, RenderedPages pages) {
    this.catalogue = catalogue;
    this.areas = areas;
    this.clock = clock;
    this.pages = pages;
  }

  /**
   * The search page. Visitors without login get it from {@link RenderedPages} when the same address
   * was rendered at the same catalogue revision today.
   */
  @GetMapping("/{tenant}/angebote")
  @AllowPublic
  ResponseEntity<byte[]> search(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "q", required = false) String text,
      @RequestParam(name = "alter", required = false) String age,
      @RequestParam(name = "sprache", required = false) String language,
      @RequestParam(name = "zielgruppe", required = false) String group,
      @RequestParam(name = "lebenslage", required = false) String life,
      @RequestParam(name = "kategorie", required = false) UUID category,
      @RequestParam(name = "kostenlos", defaultValue = "false") boolean free,
      @RequestParam(name = "gebiet", required = false) UUID area,
      @RequestParam(name = "seite", defaultValue = "1") int page,
      Model model,
      jakarta.servlet.http.HttpServletRequest request,
      jakarta.servlet.http.HttpServletResponse response) {
    long[] revision = new long[1];
    return pages.forVisitorsIf(
        () -> revision[0] = catalogue.revision(),
        model,
        request,
        response,
        () -> {
          OfferSearch.Query q =
              SearchQuery.of(text, age, language, group, life, category, free, area);
          int p = Math.max(1, Math.min(page, 1000));
          Catalogue.Page result = catalogue.search(q, (p - 1) * PAGE, PAGE, true);
          model.addAttribute("result", result);
          model.addAttribute("facets", result.facets().counts());
          model.addAttribute("q", q);
          model.addAttribute("age", age);
          model.addAttribute("categories", catalogue.categories());
          model.addAttribute("languages", CatalogueRows.LANGUAGES);
          model.addAttribute("groups", CatalogueRows.TARGET_GROUPS);
          model.addAttribute("lifeSituations", CatalogueRows.LIFE_SITUATIONS);
          model.addAttribute("areas", catalogue.areasWithOffers());
          model.addAttribute(
              "filterQuery", filterQuery(text, age, language, group, life, category, free, area));
          // kept only when the page shows exactly that revision (not the old index answering
          // while a rebuild runs, not a write that came between)
          return new RenderedPages.Fill(
              "catalogue/search/search", result.current() && result.revision() == revision[0]);
        });
  }

  /** The places of the offers found, as GeoJSON points for the map (up to 2,000 offers). */
  @GetMapping(path = "/{tenant}/angebote/karte", produces = "application/geo+json")
  @AllowPublic
  @ResponseBody
  String map(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "q", required = false) String text,
      @RequestParam(name = "alter", required = false) String age,
      @RequestParam(name = "sprache", required = false) String language,
      @RequestParam(name = "zielgruppe", required = false) String group,
      @RequestParam(name = "lebenslage", required = false) String life,
      @RequestParam(name = "kategorie", required = false) UUID category,
      @RequestParam(name = "kostenlos", defaultValue = "false") boolean free,
      @RequestParam(name = "gebiet", required = false) UUID area) {
    Catalogue.Page result =
        catalogue.search(
            SearchQuery.of(text, age, language, group, life, category, free, area), 0, 2000);
    return GeoJsonOutput.collection(
        out -> {
          for (OfferView v : result.offers()) {
            for (LocationRow l : v.locations()) {
              if (l.hasCoordinates()) {
                out.point(
                    java.util.Map.of(
                        "id", v.id().toString(),
                        "name", v.content().name(),
                        "place", l.name() + ", " + l.address()),
                    l.longitude(),
                    l.latitude());
              }
            }
          }
        });
  }

  /** The outlines of the Kreise, as a background for the map of offers (no tile server needed). */
  @GetMapping(path = "/{tenant}/angebote/umrisse", produces = "application/geo+json")
  @AllowPublic
  @ResponseBody
  String outlines(@PathVariable("tenant") String tenant) {
    return areas.outlines();
  }

  @GetMapping("/{tenant}/angebote/{id}")
  @AllowPublic
  String offer(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id, Model model) {
    OfferView v = catalogue.published(id);
    catalogue.countView(id);
    model.addAttribute("v", v);
    model.addAttribute("schedules", Schedules.lines(v.content().schedules()));
    return "catalogue/search/offer";
  }

  /** A brochure of the offers found (or of one category) as PDF, at most 200 offers. */
  @GetMapping("/{tenant}/angebote/broschuere")
  @AllowPublic
  ResponseEntity<byte[]> brochure(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "q", required = false) String text,
      @RequestParam(name = "alter", required = false) String age,
      @RequestParam(name = "sprache", required = false) String language,
      @RequestParam(name = "zielgruppe", required = false) String group,
      @RequestParam(name = "lebenslage", required = false) String life,
      @RequestParam(name = "kategorie", required = false) UUID category,
      @RequestParam(name = "kostenlos", defaultValue = "false") boolean free,
      @RequestParam(name = "gebiet", required = false) UUID area,
      @RequestParam(name = "angebot", required = false) List<UUID> chosen)
      throws IOException {
    List<OfferView> offers;
    if (chosen != null && !chosen.isEmpty()) {
      offers = new ArrayList<>();
      for (UUID id : chosen.stream().distinct().limit(200).toList()) {
        offers.add(catalogue.published(id));
      }
    } else {
      offers =
          catalogue
              .search(
                  SearchQuery.of(text, age, language, group, life, category, free, area), 0, 200)
              .offers();
    }
    String title =
        category != null && catalogue.categoryMap().containsKey(category)
            ? catalogue.categoryMap().get(category).name()
            : "Angebote";
    String tenantName = TenantContext.access().map(a -> a.name()).orElse("");
    byte[] pdf =
        Brochure.write(
            title, tenantName, offers, LocalDate.now(clock.withZone(ZoneId.of("Europe/Berlin"))));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            "Content-Disposition",
            ContentDisposition.attachment()
                .filename(
                    title.toLowerCase(Locale.GERMAN).replaceAll("[^a-z0-9äöüß]+", "-")
                        + "-broschuere.pdf",
                    StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(pdf);
  }

  static String filterQuery(
      String text,
      String age,
      String language,
      String group,
      String life,
      UUID category,
      boolean free,
      UUID area) {
    UriComponentsBuilder b = UriComponentsBuilder.newInstance();
    add(b, "q", text);
    add(b, "alter", age);
    add(b, "sprache", language);
    add(b, "zielgruppe", group);
    add(b, "lebenslage", life);
    add(b, "kategorie", category == null ? null : category.toString());
    add(b, "kostenlos", free ? "true" : null);
    add(b, "gebiet", area == null ? null : area.toString());
    String query = b.build().encode().getQuery();
    return query == null ? "" : query;
  }

  private static void add(UriComponentsBuilder b, String name, String value) {
    if (value != null && !value.isBlank()) {
      b.queryParam(name, value.strip());
    }
  }
}
