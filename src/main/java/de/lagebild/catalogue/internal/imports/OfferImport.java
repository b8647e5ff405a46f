package de.lagebild.catalogue.internal.imports;

import static de.lagebild.catalogue.internal.imports.OfferSheet.key;

import de.lagebild.atlas.AreaLookup;
import de.lagebild.catalogue.internal.offers.Catalogue;
import de.lagebild.catalogue.internal.offers.Labels;
import de.lagebild.catalogue.internal.offers.OfferRules;
import de.lagebild.catalogue.internal.store.CatalogueRows.CategoryRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.LocationRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferContent;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OrganizationRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.Status;
import de.lagebild.catalogue.internal.store.LocationRepository;
import de.lagebild.catalogue.internal.store.OfferRepository;
import de.lagebild.catalogue.internal.store.OrganizationRepository;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.Text;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk import of offers with their addresses from a table (CSV with semicolon or comma, UTF-8 or
 * Windows-1252, or the first sheet of an XLSX): one row per offer, columns found by their German
 * headers. Preview first – every row with the organisation and location it will use (found by name,
 * else new), problems with line, field and reason, duplicate rows (the same offer of the same
 * provider at the same address, in the file or already in the catalogue) – then one transaction.
 * Duplicates are skipped unless merging is asked for (then the later row updates the offer).
 *
 * <p>Why this class is long: preview and commit match organisations, locations and duplicates by
 * the same keys; the commit re-runs the preview so that what was shown is what is written. Reading
 * cells is in {@link OfferSheet}.
 */
@Service
class OfferImport {

  /** A problem in the file: line, German field name, reason; warnings do not stop the commit. */
  record Problem(int line, String field, String message, boolean error) {}

  record Row(
      int line,
      String organization,
      boolean newOrganization,
      String location,
      boolean newLocation,
      OfferContent content,
      LocationRow address,
      Integer duplicateOfLine,
      UUID duplicateOfOffer) {}

  /** The column chosen for each field (field → header; blank: none) and a provider for all rows. */
  record Options(Map<String, String> mapping, String defaultOrganization) {
    static final Options NONE = new Options(Map.of(), null);

    Options {
      mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
      defaultOrganization =
          defaultOrganization == null || defaultOrganization.isBlank()
              ? null
              : defaultOrganization.strip();
    }
  }

  record Preview(
      List<Row> rows,
      List<Problem> problems,
      List<String> columns,
      String format,
      Map<String, String> mapping,
      Map<String, String> samples,
      int lines) {
    public boolean hasErrors() {
      return problems.stream().anyMatch(Problem::error);
    }

    public long duplicates() {
      return rows.stream()
          .filter(r -> r.duplicateOfLine() != null || r.duplicateOfOffer() != null)
          .count();
    }
  }

  record Summary(int created, int merged, int skipped, int organizations, int locations) {}

  private final LocationRepository locationRepository;
  private final OfferRepository offerRepository;
  private final OrganizationRepository organizationRepository;
  private final Catalogue catalogue;
  private final AreaLookup areas;
  private final AuditLog audit;
  private final Clock clock;

  OfferImport(
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

  Preview preview(byte[] bytes) {
    return preview(bytes, Options.NONE);
  }

  Preview preview(byte[] bytes, Options options) {
    OfferSheet sheet = OfferSheet.read(bytes, options.mapping());
    List<Problem> problems =
        new ArrayList<>(sheet.missingColumns(options.defaultOrganization() != null));
    if (!problems.isEmpty()) {
      return new Preview(
          List.of(),
          problems,
          sheet.header(),
          sheet.format(),
          sheet.mapping(),
          sheet.samples(),
          sheet.table().size() - 1);
    }
    List<List<String>> table = sheet.table();
    Map<String, OrganizationRow> organizations = new HashMap<>();
    organizationRepository.organizations().forEach(o -> organizations.put(key(o.name()), o));
    Map<UUID, CategoryRow> categoryMap = catalogue.categoryMap();
    Map<String, UUID> categoriesByName = new HashMap<>();
    categoryMap.values().forEach(c -> categoriesByName.put(key(c.name()), c.id()));
    Map<String, Integer> seen = new HashMap<>();
    Map<String, UUID> existing = new HashMap<>();
    Map<UUID, String> orgNames = new HashMap<>();
    organizations.values().forEach(o -> orgNames.put(o.id(), o.name()));
    for (OfferRow o : offerRepository.offers()) {
      String org = orgNames.get(o.organizationId());
      if (org != null) {
        existing.put(key(org) + "|" + key(o.content().name()), o.id());
      }
    }
    List<LocationRow> knownLocations = locationRepository.locations();
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < table.size(); i++) {
      List<String> r = table.get(i);
      int line = i + 1;
      if (r.stream().allMatch(String::isBlank)) {
        continue;
      }
      String name = sheet.get(r, "name");
      String orgName = sheet.get(r, "organization");
      if (orgName.isEmpty() && options.defaultOrganization() != null) {
        orgName = options.defaultOrganization();
      }
      if (name.isEmpty()) {
        // a row without a name is no offer: skipped and listed, the good rows import
        problems.add(
            new Problem(
                line,
                "Angebot",
                "Der Name des Angebots fehlt – die Zeile wird übersprungen.",
                false));
        continue;
      }
      if (orgName.isEmpty()) {
        problems.add(
            new Problem(
                line,
                "Anbieter",
                "Der Anbieter fehlt. Ordnen Sie in der Spaltenzuordnung die Spalte des Trägers zu"
                    + " oder nennen Sie einen Anbieter für Zeilen ohne Anbieter.",
                true));
        continue;
      }
      List<OfferRules.Problem> rowProblems = new ArrayList<>();
      BigDecimal lat = OfferRules.coordinate(sheet.get(r, "latitude"), "latitude", rowProblems);
      BigDecimal lon = OfferRules.coordinate(sheet.get(r, "longitude"), "longitude", rowProblems);
      String city = sheet.get(r, "city");
      String postalCode = sheet.get(r, "postalCode");
      java.util.regex.Matcher plzOrt =
          java.util.regex.Pattern.compile("^(\\d{5})\\s+(.+)$").matcher(city);
      if (postalCode.isEmpty() && plzOrt.matches()) {
        // one column "PLZ/Ort" with "99734 Nordhausen"
        postalCode = plzOrt.group(1);
        city = plzOrt.group(2).strip();
      }
      LocationRow address =
          new LocationRow(
              UUID.randomUUID(),
              null,
              city.isEmpty() ? orgName : orgName + ", " + city,
              Text.blankToNull(
                  (sheet.get(r, "street") + " " + sheet.get(r, "houseNumber")).strip()),
              Text.blankToNull(postalCode),
              Text.blankToNull(city),
              lat,
              lon,
              Text.blankToNull(sheet.get(r, "accessibility")),
              null,
              0);
      rowProblems.addAll(OfferRules.check(address));
      Integer from = OfferSheet.number(sheet.get(r, "ageFrom"), line, "Alter von", problems);
      Integer to = OfferSheet.number(sheet.get(r, "ageTo"), line, "Alter bis", problems);
      Integer places = OfferSheet.number(sheet.get(r, "places"), line, "Plätze", problems);
      List<UUID> categories = new ArrayList<>();
      for (String c : OfferSheet.split(sheet.get(r, "categories"))) {
        UUID id = categoriesByName.get(key(c));
        if (id == null) {
          problems.add(
              new Problem(line, "Kategorie", "Die Kategorie „" + c + "“ gibt es nicht.", true));
        } else {
          categories.add(id);
        }
      }
      OfferContent content =
          OfferRules.clean(
              new OfferContent(
                  name,
                  sheet.get(r, "description"),
                  OfferSheet.cost(sheet.get(r, "cost"), line, problems),
                  null,
                  from,
                  to,
                  OfferSheet.languages(sheet.get(r, "languages"), line, problems),
                  OfferSheet.groups(sheet.get(r, "targetGroups"), line, problems),
                  List.of(),
                  OfferSheet.url(sheet.get(r, "url"), line, problems),
                  Text.blankToNull(sheet.get(r, "email")),
                  Text.blankToNull(sheet.get(r, "phone")),
                  null,
                  categories,
                  List.of(),
                  List.of(),
                  List.of(),
                  places));
      rowProblems.addAll(OfferRules.check(content, categoryMap.keySet(), Set.of()));
      for (OfferRules.Problem p : rowProblems) {
        problems.add(new Problem(line, Labels.fieldLabel(p.field()), Labels.problem(p), true));
      }
      OrganizationRow org = organizations.get(key(orgName));
      String dupKey =
          key(orgName) + "|" + key(name) + "|" + key(address.street()) + "|" + key(address.city());
      Integer dupLine = seen.putIfAbsent(dupKey, line);
      UUID dupOffer = existing.get(key(orgName) + "|" + key(name));
      if (dupLine != null) {
        problems.add(
            new Problem(
                line,
                "Angebot",
                "Zeile "
                    + line
                    + " gleicht Zeile "
                    + dupLine
                    + " (gleiches Angebot, gleicher Anbieter, gleiche Adresse).",
                false));
      } else if (dupOffer != null) {
        problems.add(
            new Problem(
                line,
                "Angebot",
                "„" + name + "“ von „" + orgName + "“ gibt es schon im Verzeichnis.",
                false));
      }
      Optional<LocationRow> knownLocation =
          org == null
              ? Optional.empty()
              : knownLocations.stream()
                  .filter(
                      l ->
                          l.organizationId().equals(org.id())
                              && key(l.street()).equals(key(address.street()))
                              && key(l.city()).equals(key(address.city())))
                  .findFirst();
      rows.add(
          new Row(
              line,
              org == null ? orgName : org.name(),
              org == null,
              knownLocation.map(LocationRow::name).orElse(address.name()),
              knownLocation.isEmpty(),
              content,
              address,
              dupLine,
              dupOffer));
    }
    return new Preview(
        rows,
        problems,
        sheet.header(),
        sheet.format(),
        sheet.mapping(),
        sheet.samples(),
        table.size() - 1);
  }

  /**
   * Writes the preview in one transaction; duplicates are skipped, or merged when {@code merge}.
   */
  @Transactional
  Summary commit(byte[] bytes, boolean merge, boolean publish) {
    return commit(bytes, merge, publish, Options.NONE);
  }

  @Transactional
  Summary commit(byte[] bytes, boolean merge, boolean publish, Options options) {
    Preview p = preview(bytes, options);
    if (p.hasErrors()) {
      Problem first = p.problems().stream().filter(Problem::error).findFirst().orElseThrow();
      throw new DomainException(
          "catalogue.import.hasErrors",
          p.problems().stream().filter(Problem::error).count(),
          first.line(),
          first.field());
    }
    Instant now = clock.instant();
    Map<String, UUID> organizations = new HashMap<>();
    organizationRepository.organizations().forEach(o -> organizations.put(key(o.name()), o.id()));
    Map<Integer, UUID> offerOfLine = new HashMap<>();
    List<LocationRow> locations = new ArrayList<>(locationRepository.locations());
    int created = 0;
    int merged = 0;
    int skipped = 0;
    int newOrganizations = 0;
    int newLocations = 0;
    for (Row r : p.rows()) {
      UUID org = organizations.get(key(r.organization()));
      if (org == null) {
        org = UUID.randomUUID();
        organizationRepository.insertOrganization(
            new OrganizationRow(
                org, r.organization(), null, r.content().email(), r.content().phone(), null, 0),
            now);
        organizations.put(key(r.organization()), org);
        newOrganizations++;
      }
      UUID orgId = org;
      LocationRow a = r.address();
      UUID location =
          locations.stream()
              .filter(
                  l ->
                      l.organizationId().equals(orgId)
                          && key(l.street()).equals(key(a.street()))
                          && key(l.city()).equals(key(a.city())))
              .findFirst()
              .map(LocationRow::id)
              .orElse(null);
      if (location == null && (a.street() != null || a.city() != null || a.hasCoordinates())) {
        location = UUID.randomUUID();
        UUID area =
            a.hasCoordinates()
                ? areas
                    .areaAt(a.latitude().doubleValue(), a.longitude().doubleValue())
                    .map(ref -> ref.id().value())
                    .orElse(null)
                : null;
        LocationRow newLocation =
            new LocationRow(
                location,
                orgId,
                a.name(),
                a.street(),
                a.postalCode(),
                a.city(),
                a.latitude(),
                a.longitude(),
                a.accessibility(),
                area,
                0);
        locationRepository.insertLocation(newLocation);
        locations.add(newLocation);
        newLocations++;
      }
      OfferContent c =
          new OfferContent(
              r.content().name(),
              r.content().description(),
              r.content().cost(),
              r.content().costNote(),
              r.content().ageFrom(),
              r.content().ageTo(),
              r.content().languages(),
              r.content().targetGroups(),
              r.content().lifeSituations(),
              r.content().url(),
              r.content().email(),
              r.content().phone(),
              null,
              r.content().categories(),
              location == null ? List.of() : List.of(location),
              List.of(),
              List.of(),
              r.content().places());
      UUID target =
          r.duplicateOfLine() != null ? offerOfLine.get(r.duplicateOfLine()) : r.duplicateOfOffer();
      if (target != null) {
        if (!merge) {
          skipped++;
          continue;
        }
        OfferRow old = offerRepository.offer(target).orElseThrow();
        offerRepository.updateContent(target, old.version(), c, now);
        offerOfLine.put(r.line(), target);
        merged++;
        continue;
      }
      UUID id = UUID.randomUUID();
      offerRepository.insertOffer(
          new OfferRow(
              id,
              orgId,
              publish ? Status.PUBLISHED : Status.DRAFT,
              false,
              publish ? now : null,
              publish ? Catalogue.actor() : null,
              now,
              0,
              c),
          now);
      offerOfLine.put(r.line(), id);
      created++;
    }
    Summary s = new Summary(created, merged, skipped, newOrganizations, newLocations);
    audit.record(
        "IMPORT",
        "Offers",
        UUID.randomUUID(),
        "Angebote importiert: "
            + created
            + " neu, "
            + merged
            + " zusammengeführt, "
            + skipped
            + " Dubletten übersprungen",
        null,
        Map.of("created", created));
    return s;
  }
}
