package de.lagebild.catalogue.internal.hsds;

import de.lagebild.atlas.AreaLookup;
import de.lagebild.catalogue.internal.offers.Catalogue;
import de.lagebild.catalogue.internal.offers.Labels;
import de.lagebild.catalogue.internal.offers.OfferRules;
import de.lagebild.catalogue.internal.store.CatalogueRows;
import de.lagebild.catalogue.internal.store.CatalogueRows.ContactRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.LocationRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferContent;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OrganizationRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.ScheduleRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.Status;
import de.lagebild.catalogue.internal.store.LocationRepository;
import de.lagebild.catalogue.internal.store.OfferRepository;
import de.lagebild.catalogue.internal.store.OrganizationRepository;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.DomainException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Import of HSDS 3.0 services (as the {@code /services} endpoint of Lagebild or another HSDS API
 * gives them: a page envelope with {@code contents}, or a plain array): each service with its
 * organisation, locations, schedules, languages, costs, contacts and taxonomy terms (matched to the
 * tenant's categories by name). Checked by the same rules as the form; a dry run reports what would
 * be created; the commit is one transaction.
 *
 * <p>Why this class is long: one pass over each service matches its organisation and places,
 * repairs what a foreign file gets wrong (postcodes, coordinates, quoted numbers) and reports it –
 * for the dry run and the commit alike, so that what was shown is what is written.
 */
@Service
class HsdsImport {

  /** A problem of a service; warnings (parts left out) do not stop the commit, errors do. */
  record Problem(int service, String field, String message, boolean error) {
    Problem(int service, String field, String message) {
      this(service, field, message, true);
    }
  }

  record Result(
      boolean dryRun,
      int services,
      int organizations,
      int locations,
      int skipped,
      List<Problem> problems) {}

  private static final List<String> BYDAY = List.of(HsdsMapping.BYDAY);

  private final LocationRepository locationRepository;
  private final OfferRepository offerRepository;
  private final OrganizationRepository organizationRepository;
  private final Catalogue catalogue;
  private final AreaLookup areas;
  private final AuditLog audit;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();

  HsdsImport(
      LocationRepository locationRepository,
      OfferRepository offerRepository,
      OrganizationRepository organizationRepository,
      Catalogue catalogue,
      AreaLookup areas,
      AuditLog audit,
      Clock clock) {
    this.locationRepository = locationRepository;
    this.offerRepository = offerRepository;
    this.organizationRepository = organizationRepository;
    this.catalogue = catalogue;
    this.areas = areas;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  Result run(String body, boolean dryRun, boolean publish) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (RuntimeException e) {
      throw new DomainException("catalogue.hsds.unreadable");
    }
    return run(servicesOf(root), dryRun, publish);
  }

  /**
   * The services of an HSDS document: an array, a page with {@code contents}, a single service
   * ({@code service_full.json}) or an organisation with its {@code services} ({@code
   * organization_full.json}, each service then belongs to it).
   */
  static JsonNode servicesOf(JsonNode root) {
    if (root == null) {
      throw new DomainException("catalogue.hsds.noServices");
    }
    if (root.isArray()) {
      return root;
    }
    if (root.path("contents").isArray()) {
      return root.path("contents");
    }
    ArrayNode list = JsonMapper.builder().build().createArrayNode();
    if (root.path("services").isArray() && root.has("name")) {
      ObjectNode org = ((ObjectNode) root).deepCopy();
      org.remove("services");
      for (JsonNode s : root.path("services")) {
        ObjectNode copy = ((ObjectNode) s).deepCopy();
        if (!copy.path("organization").isObject()) {
          copy.set("organization", org);
        }
        list.add(copy);
      }
      return list;
    }
    if (root.isObject() && root.has("name")) {
      list.add(root);
      return list;
    }
    throw new DomainException("catalogue.hsds.noServices");
  }

  @Transactional
  Result run(JsonNode services, boolean dryRun, boolean publish) {
    if (!services.isArray()) {
      throw new DomainException("catalogue.hsds.noServices");
    }
    Map<String, UUID> organizations = new HashMap<>();
    organizationRepository.organizations().forEach(o -> organizations.put(key(o.name()), o.id()));
    Map<String, UUID> categories = new HashMap<>();
    catalogue.categoryMap().values().forEach(c -> categories.put(key(c.name()), c.id()));
    Set<String> existing = new HashSet<>();
    offerRepository
        .offers()
        .forEach(o -> existing.add(o.organizationId() + "|" + key(o.content().name())));
    List<Problem> problems = new ArrayList<>();
    List<LocationRow> knownLocations = new ArrayList<>(locationRepository.locations());
    Instant now = clock.instant();
    int created = 0;
    int newOrgs = 0;
    int newLocations = 0;
    int skipped = 0;
    int index = 0;
    for (JsonNode s : services) {
      index++;
      final int number = index;
      String name = text(s, "name");
      if (name == null) {
        problems.add(new Problem(index, "name", "Der Dienst hat keinen Namen."));
        continue;
      }
      JsonNode org = s.path("organization");
      String orgName = text(org, "name");
      if (orgName == null) {
        problems.add(new Problem(index, "organization", "„" + name + "“ hat keine Organisation."));
        continue;
      }
      UUID orgId = organizations.get(key(orgName));
      if (orgId == null) {
        orgId = UUID.randomUUID();
        if (!dryRun) {
          organizationRepository.insertOrganization(
              new OrganizationRow(
                  orgId,
                  orgName,
                  text(org, "description"),
                  text(org, "email"),
                  number(org),
                  text(org, "website"),
                  0),
              now);
        }
        organizations.put(key(orgName), orgId);
        newOrgs++;
      }
      if (existing.contains(orgId + "|" + key(name))) {
        skipped++;
        continue;
      }
      List<UUID> locations = new ArrayList<>();
      for (JsonNode sal : s.path("service_at_locations")) {
        JsonNode l = sal.path("location");
        JsonNode a = l.path("addresses").path(0);
        BigDecimal lat = l.path("latitude").isNumber() ? l.path("latitude").decimalValue() : null;
        BigDecimal lon = l.path("longitude").isNumber() ? l.path("longitude").decimalValue() : null;
        LocationRow row =
            new LocationRow(
                UUID.randomUUID(),
                orgId,
                text(l, "name") == null ? orgName : text(l, "name"),
                text(a, "address_1"),
                text(a, "postal_code"),
                text(a, "city"),
                lat,
                lon,
                text(l.path("accessibility").path(0), "description"),
                null,
                0);
        List<OfferRules.Problem> lp = OfferRules.check(row);
        if (!lp.isEmpty()) {
          // a foreign postcode or impossible coordinates: the place without them, with a warning
          boolean postcode = lp.stream().anyMatch(p -> p.field().equals("postalCode"));
          boolean coordinates =
              lp.stream()
                  .anyMatch(p -> p.field().equals("latitude") || p.field().equals("longitude"));
          LocationRow repaired =
              new LocationRow(
                  row.id(),
                  row.organizationId(),
                  row.name(),
                  row.street(),
                  postcode ? null : row.postalCode(),
                  row.city(),
                  coordinates ? null : row.latitude(),
                  coordinates ? null : row.longitude(),
                  row.accessibility(),
                  null,
                  0);
          List<OfferRules.Problem> still = OfferRules.check(repaired);
          lp.forEach(
              p ->
                  problems.add(
                      new Problem(
                          number,
                          "location",
                          Labels.problem(p)
                              + (still.isEmpty()
                                  ? " Der Ort wird ohne diese Angabe übernommen."
                                  : " Der Ort wird nicht übernommen."),
                          false)));
          if (!still.isEmpty()) {
            continue;
          }
          row = repaired;
          lat = row.latitude();
          lon = row.longitude();
        }
        UUID known = findLocation(knownLocations, orgId, row);
        if (known == null) {
          UUID area =
              row.hasCoordinates()
                  ? areas
                      .areaAt(lat.doubleValue(), lon.doubleValue())
                      .map(r -> r.id().value())
                      .orElse(null)
                  : null;
          if (!dryRun) {
            locationRepository.insertLocation(
                new LocationRow(
                    row.id(),
                    orgId,
                    row.name(),
                    row.street(),
                    row.postalCode(),
                    row.city(),
                    lat,
                    lon,
                    row.accessibility(),
                    area,
                    0));
          }
          known = row.id();
          knownLocations.add(row);
          newLocations++;
        }
        locations.add(known);
      }
      List<ScheduleRow> schedules = new ArrayList<>();
      for (JsonNode sc : s.path("schedules")) {
        for (String day : String.valueOf(text(sc, "byday")).split(",")) {
          int d = BYDAY.indexOf(day.strip().toUpperCase(Locale.ROOT)) + 1;
          if (d > 0) {
            schedules.add(
                new ScheduleRow(
                    d,
                    hhmm(text(sc, "opens_at")),
                    hhmm(text(sc, "closes_at")),
                    text(sc, "description")));
          }
        }
      }
      List<String> languages = new ArrayList<>();
      for (JsonNode l : s.path("languages")) {
        String code = text(l, "code");
        if (code != null && CatalogueRows.LANGUAGES.contains(code.toLowerCase(Locale.ROOT))) {
          languages.add(code.toLowerCase(Locale.ROOT));
        }
      }
      List<UUID> cats = new ArrayList<>();
      Integer places = null;
      for (JsonNode a : s.path("attributes")) {
        String termName = key(text(a.path("taxonomy_term"), "name"));
        if (PLACES_NAMES.contains(termName)) {
          String value = text(a, "value");
          if (value != null && value.matches("\\d{1,9}")) {
            places = Integer.valueOf(value);
          } else if (value != null) {
            problems.add(
                new Problem(
                    number,
                    "attributes",
                    "Die Plätze „" + value + "“ sind keine ganze Zahl; ohne Plätze übernommen.",
                    false));
          }
          continue;
        }
        UUID c = categories.get(termName);
        if (c != null) {
          cats.add(c);
        }
      }
      JsonNode cost = s.path("cost_options").path(0);
      String costCode =
          cost.isMissingNode()
              ? "ON_REQUEST"
              : cost.path("amount").isNumber() && cost.path("amount").asDouble() == 0
                  ? "FREE"
                  : "FEE";
      List<ContactRow> contacts = new ArrayList<>();
      for (JsonNode k : s.path("contacts")) {
        if (text(k, "name") != null) {
          contacts.add(
              new ContactRow(text(k, "name"), text(k, "title"), text(k, "email"), number(k)));
        }
      }
      OfferContent content =
          OfferRules.clean(
              new OfferContent(
                  name,
                  text(s, "description"),
                  costCode,
                  text(cost, "amount_description"),
                  s.path("minimum_age").isNumber() ? s.path("minimum_age").asInt() : null,
                  s.path("maximum_age").isNumber() ? s.path("maximum_age").asInt() : null,
                  languages.isEmpty() ? List.of("de") : languages,
                  List.of(),
                  List.of(),
                  text(s, "url"),
                  text(s, "email"),
                  number(s),
                  text(s, "application_process"),
                  cats,
                  locations,
                  schedules,
                  contacts,
                  places));
      List<OfferRules.Problem> rp =
          OfferRules.check(content, Set.copyOf(categories.values()), Set.copyOf(locations));
      if (!rp.isEmpty()) {
        rp.forEach(p -> problems.add(new Problem(number, p.field(), Labels.problem(p))));
        continue;
      }
      if (!dryRun) {
        offerRepository.insertOffer(
            new OfferRow(
                UUID.randomUUID(),
                orgId,
                publish ? Status.PUBLISHED : Status.DRAFT,
                false,
                publish ? now : null,
                publish ? Catalogue.actor() : null,
                now,
                0,
                content),
            now);
      }
      existing.add(orgId + "|" + key(name));
      created++;
    }
    List<Problem> errors = problems.stream().filter(Problem::error).toList();
    if (!dryRun && !errors.isEmpty()) {
      // nothing half written: one transaction, rolled back by the exception
      throw new DomainException(
          "catalogue.hsds.problems",
          errors.size(),
          errors.get(0).service(),
          errors.get(0).message());
    }
    if (!dryRun) {
      audit.record(
          "IMPORT",
          "Offers",
          UUID.randomUUID(),
          "HSDS-Import: " + created + " Angebote",
          null,
          Map.of("created", created));
    }
    return new Result(dryRun, created, newOrgs, newLocations, skipped, problems);
  }

  private static UUID findLocation(List<LocationRow> locations, UUID org, LocationRow row) {
    return locations.stream()
        .filter(
            l ->
                l.organizationId().equals(org)
                    && key(l.name()).equals(key(row.name()))
                    && key(l.street()).equals(key(row.street())))
        .findFirst()
        .map(LocationRow::id)
        .orElse(null);
  }

  /** The first phone number of an object, without the quotes some exports put around it. */
  static String number(JsonNode n) {
    String v = text(n.path("phones").path(0), "number");
    return v == null ? null : v.replaceAll("^\"+|\"+$", "").strip();
  }

  private static String hhmm(String t) {
    return t == null ? "" : t.length() >= 5 ? t.substring(0, 5) : t;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isMissingNode() || v.isNull() || v.asString().isBlank() ? null : v.asString().strip();
  }

  /** Attribute names that carry an offer's places (Lagebild writes „Plätze“). */
  private static final Set<String> PLACES_NAMES =
      Set.of("plätze", "plaetze", "platzzahl", "kapazität", "capacity", "places");

  private static String key(String s) {
    return s == null ? "" : s.strip().toLowerCase(Locale.GERMAN);
  }
}
