package de.lagebild.catalogue.internal.hsds;

import de.lagebild.catalogue.internal.offers.Catalogue;
import de.lagebild.catalogue.internal.search.SearchQuery;
import de.lagebild.catalogue.internal.store.CatalogueRows;
import de.lagebild.catalogue.internal.store.CatalogueRows.CategoryRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferView;
import de.lagebild.catalogue.internal.store.CatalogueRows.OrganizationRow;
import de.lagebild.catalogue.internal.store.LocationRepository;
import de.lagebild.catalogue.internal.store.OfferRepository;
import de.lagebild.catalogue.internal.store.OrganizationRepository;
import de.lagebild.platform.AllowPublic;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The published catalogue in the Human Services Data Specification (HSDS 3.0, Open Referral) –
 * read-only, without login for public tenants: {@code /services} (paged, with the search words and
 * filters of the public page), {@code /services/{id}}, {@code /organizations}, {@code /locations}.
 * Field names and the paging envelope follow the HSDS 3.0 API reference; German codes map to HSDS
 * values (weekdays as RFC 5545 BYDAY, languages as ISO 639 codes, categories as taxonomy terms of
 * the tenant's own taxonomy).
 */
@RestController
class HsdsApiController {

  private final Catalogue catalogue;
  private final LocationRepository locationRepository;
  private final OfferRepository offerRepository;
  private final OrganizationRepository organizationRepository;
  private final HsdsImport imports;

  HsdsApiController(
      Catalogue catalogue,
      LocationRepository locationRepository,
      OfferRepository offerRepository,
      OrganizationRepository organizationRepository,
      HsdsImport imports) {
    this.catalogue = catalogue;
    this.locationRepository = locationRepository;
    this.offerRepository = offerRepository;
    this.organizationRepository = organizationRepository;
    this.imports = imports;
  }

  /**
   * {@code POST /api/v1/{tenant}/hsds-imports}: HSDS 3.0 services (a page of {@code /services} or
   * an array) into the catalogue; {@code dryRun=true} (default) writes nothing; new offers are
   * drafts unless {@code publish=true}.
   */
  @PostMapping(path = "/api/v1/{tenant}/hsds-imports", produces = MediaType.APPLICATION_JSON_VALUE)
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  HsdsImport.Result importServices(
      @PathVariable("tenant") String tenant,
      @RequestBody(required = false) String body,
      @RequestParam(name = "dryRun", defaultValue = "true") boolean dryRun,
      @RequestParam(name = "publish", defaultValue = "false") boolean publish) {
    return imports.run(body == null ? "" : body, dryRun, publish);
  }

  /**
   * The same with a file: HSDS JSON (an array, a page, a single service or an organisation with its
   * services) or the HSDS tabular data package as a ZIP (datapackage.json and CSV files).
   */
  @PostMapping(
      path = "/api/v1/{tenant}/hsds-imports",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  HsdsImport.Result importFile(
      @PathVariable("tenant") String tenant,
      @RequestParam("file") org.springframework.web.multipart.MultipartFile file,
      @RequestParam(name = "dryRun", defaultValue = "true") boolean dryRun,
      @RequestParam(name = "publish", defaultValue = "false") boolean publish)
      throws java.io.IOException {
    byte[] bytes = file.getBytes();
    if (HsdsTabular.isZip(bytes)) {
      return imports.run(HsdsTabular.read(bytes), dryRun, publish);
    }
    return imports.run(de.lagebild.exchange.TextDecoder.decode(bytes).text(), dryRun, publish);
  }

  @GetMapping(path = "/api/v1/{tenant}/services", produces = MediaType.APPLICATION_JSON_VALUE)
  @AllowPublic
  Map<String, Object> services(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "search", required = false) String text,
      @RequestParam(name = "age", required = false) String age,
      @RequestParam(name = "language", required = false) String language,
      @RequestParam(name = "target_group", required = false) String group,
      @RequestParam(name = "life_situation", required = false) String life,
      @RequestParam(name = "taxonomy_term_id", required = false) UUID category,
      @RequestParam(name = "free", defaultValue = "false") boolean free,
      @RequestParam(name = "page", defaultValue = "1") int page,
      @RequestParam(name = "per_page", defaultValue = "50") int perPage) {
    int size = Math.max(1, Math.min(perPage, 500));
    int p = Math.max(1, page);
    Catalogue.Page result =
        catalogue.search(
            SearchQuery.of(text, age, language, group, life, category, free, null),
            (p - 1) * size,
            size);
    return envelope(
        result.offers().stream().map(HsdsMapping::service).toList(), result.total(), p, size);
  }

  /**
   * {@code GET /api/v1/{tenant}/hsds-export}: every published offer as an array of HSDS 3.0
   * services with their organisation, locations, schedules and taxonomy terms – the file another
   * catalogue (or Lagebild's HSDS import) reads. Offered as a download ({@code
   * angebote-hsds.json}).
   */
  @GetMapping(path = "/api/v1/{tenant}/hsds-export", produces = MediaType.APPLICATION_JSON_VALUE)
  @AllowPublic
  ResponseEntity<List<Map<String, Object>>> export(@PathVariable("tenant") String tenant) {
    List<Map<String, Object>> services = published();
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(tenant + "-angebote-hsds.json")
                .build()
                .toString())
        .body(services);
  }

  /**
   * {@code GET /api/v1/{tenant}/hsds-export.zip}: the same as the HSDS 3.0 tabular data package
   * (datapackage.json and one CSV per table), the form spreadsheets and data portals read.
   */
  @GetMapping(path = "/api/v1/{tenant}/hsds-export.zip", produces = "application/zip")
  @AllowPublic
  ResponseEntity<byte[]> exportTabular(@PathVariable("tenant") String tenant) {
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(tenant + "-angebote-hsds.zip")
                .build()
                .toString())
        .body(HsdsTabular.write(published()));
  }

  private List<Map<String, Object>> published() {
    return catalogue.views(offerRepository.offers(CatalogueRows.Status.PUBLISHED)).stream()
        .sorted(
            Comparator.comparing(
                    (OfferView v) -> v.content().name(), Collator.getInstance(Locale.GERMAN))
                .thenComparing(OfferView::id))
        .map(HsdsMapping::service)
        .toList();
  }

  @GetMapping(path = "/api/v1/{tenant}/services/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @AllowPublic
  Map<String, Object> service(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id) {
    return HsdsMapping.service(catalogue.published(id));
  }

  @GetMapping(path = "/api/v1/{tenant}/organizations", produces = MediaType.APPLICATION_JSON_VALUE)
  @AllowPublic
  Map<String, Object> organizations(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "page", defaultValue = "1") int page,
      @RequestParam(name = "per_page", defaultValue = "50") int perPage) {
    Set<UUID> active = offerRepository.publishedOrganizationIds();
    List<Map<String, Object>> all =
        organizationRepository.organizations().stream()
            .filter(o -> active.contains(o.id()))
            .map(HsdsMapping::organization)
            .toList();
    return page(all, page, perPage);
  }

  /**
   * {@code GET /api/v1/{tenant}/organizations/{id}}: one organisation with published offers, with
   * its services.
   */
  @GetMapping(
      path = "/api/v1/{tenant}/organizations/{id}",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @AllowPublic
  public Map<String, Object> organization(
      @PathVariable("tenant") String tenant, @PathVariable("id") UUID id) {
    if (!offerRepository.publishedOrganizationIds().contains(id)) {
      throw new NotFoundException();
    }
    OrganizationRow o = organizationRepository.organization(id).orElseThrow(NotFoundException::new);
    Map<String, Object> m = HsdsMapping.organization(o);
    List<Map<String, Object>> locations = new ArrayList<>();
    Set<UUID> used = offerRepository.publishedLocationIds();
    locationRepository.locations().stream()
        .filter(l -> l.organizationId().equals(id) && used.contains(l.id()))
        .forEach(l -> locations.add(HsdsMapping.location(l)));
    m.put("locations", locations);
    return m;
  }

  /**
   * {@code GET /api/v1/{tenant}/taxonomy_terms}: the tenant's categories as HSDS taxonomy terms
   * (tree order).
   */
  @GetMapping(path = "/api/v1/{tenant}/taxonomy_terms", produces = MediaType.APPLICATION_JSON_VALUE)
  @AllowPublic
  Map<String, Object> taxonomyTerms(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "page", defaultValue = "1") int page,
      @RequestParam(name = "per_page", defaultValue = "50") int perPage) {
    return page(
        catalogue.categoryMap().values().stream().map(HsdsMapping::term).toList(), page, perPage);
  }

  @GetMapping(
      path = "/api/v1/{tenant}/taxonomy_terms/{id}",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @AllowPublic
  Map<String, Object> taxonomyTerm(
      @PathVariable("tenant") String tenant, @PathVariable("id") UUID id) {
    CategoryRow c = catalogue.categoryMap().get(id);
    if (c == null) {
      throw new NotFoundException();
    }
    return HsdsMapping.term(c);
  }

  /**
   * {@code GET /api/v1/{tenant}/hsds}: what this HSDS API is (version and the specification it
   * follows).
   */
  @GetMapping(path = "/api/v1/{tenant}/hsds", produces = MediaType.APPLICATION_JSON_VALUE)
  @AllowPublic
  Map<String, Object> about(@PathVariable("tenant") String tenant) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", "3.0");
    m.put("profile", "Human Services Data Specification 3.0 (Open Referral)");
    m.put("openapi_url", "/v3/api-docs");
    m.put(
        "endpoints",
        List.of(
            "services",
            "services/{id}",
            "organizations",
            "organizations/{id}",
            "locations",
            "taxonomy_terms",
            "taxonomy_terms/{id}",
            "hsds-export"));
    return m;
  }

  @GetMapping(path = "/api/v1/{tenant}/locations", produces = MediaType.APPLICATION_JSON_VALUE)
  @AllowPublic
  Map<String, Object> locations(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "page", defaultValue = "1") int page,
      @RequestParam(name = "per_page", defaultValue = "50") int perPage) {
    Set<UUID> used = offerRepository.publishedLocationIds();
    List<Map<String, Object>> all =
        locationRepository.locations().stream()
            .filter(l -> used.contains(l.id()))
            .map(HsdsMapping::location)
            .toList();
    return page(all, page, perPage);
  }

  private static Map<String, Object> page(List<Map<String, Object>> all, int page, int perPage) {
    int size = Math.max(1, Math.min(perPage, 500));
    int p = Math.max(1, page);
    int from = Math.min(all.size(), (p - 1) * size);
    return envelope(all.subList(from, Math.min(all.size(), from + size)), all.size(), p, size);
  }

  static Map<String, Object> envelope(
      List<Map<String, Object>> contents, long total, int page, int size) {
    int pages = (int) Math.max(1, (total + size - 1) / size);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("total_items", total);
    m.put("total_pages", pages);
    m.put("page_number", page);
    m.put("size", contents.size());
    m.put("first_page", page == 1);
    m.put("last_page", page >= pages);
    m.put("empty", contents.isEmpty());
    m.put("contents", contents);
    return m;
  }
}
