package de.lagebild.catalogue.internal.imports;

import de.lagebild.atlas.AreaLookup;
import de.lagebild.catalogue.internal.offers.Catalogue;
import de.lagebild.catalogue.internal.offers.Labels;
import de.lagebild.catalogue.internal.offers.OfferRules;
import de.lagebild.catalogue.internal.store.CatalogueRows;
import de.lagebild.catalogue.internal.store.CatalogueRows.CategoryRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.LocationRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferContent;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OrganizationRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.Status;
import de.lagebild.catalogue.internal.store.LocationRepository;
import de.lagebild.catalogue.internal.store.OfferRepository;
import de.lagebild.catalogue.internal.store.OrganizationRepository;
import de.lagebild.exchange.CsvText;
import de.lagebild.exchange.TextDecoder;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.Text;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk import of offers with their addresses from a table (CSV with semicolon or comma, UTF-8 or
 * Windows-1252, or the first sheet of an XLSX): one row per offer, columns found by their German
 * headers. Preview first – every row with the organisation and location it will use (found by name,
 * else new), problems with line, field and reason, duplicate rows (the same offer of the same
 * provider at the same address, in the file or already in the catalogue) – then one transaction.
 * Duplicates are skipped unless merging is asked for (then the later row updates the offer).
 */
@Service
class OfferImport {

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

  record Preview(List<Row> rows, List<Problem> problems, List<String> columns, String format) {
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

  private static final Map<String, String[]> HEADERS = new LinkedHashMap<>();

  static {
    HEADERS.put("name", new String[] {"angebot", "name", "titel", "bezeichnung"});
    HEADERS.put("organization", new String[] {"anbieter", "träger", "traeger", "organisation"});
    HEADERS.put("description", new String[] {"beschreibung", "text"});
    HEADERS.put("street", new String[] {"straße", "strasse", "adresse", "anschrift"});
    HEADERS.put("postalCode", new String[] {"plz", "postleitzahl"});
    HEADERS.put("city", new String[] {"ort", "stadt", "gemeinde"});
    HEADERS.put("latitude", new String[] {"breite", "breitengrad", "latitude", "lat"});
    HEADERS.put(
        "longitude", new String[] {"länge", "laenge", "längengrad", "longitude", "lon", "lng"});
    HEADERS.put("phone", new String[] {"telefon", "tel"});
    HEADERS.put("email", new String[] {"e-mail", "email", "mail"});
    HEADERS.put("url", new String[] {"internet", "website", "webseite", "url"});
    HEADERS.put("ageFrom", new String[] {"alter von", "ab alter", "mindestalter"});
    HEADERS.put("ageTo", new String[] {"alter bis", "höchstalter"});
    HEADERS.put("cost", new String[] {"kosten"});
    HEADERS.put("languages", new String[] {"sprachen", "sprache"});
    HEADERS.put("targetGroups", new String[] {"zielgruppen", "zielgruppe"});
    HEADERS.put("categories", new String[] {"kategorie", "kategorien"});
    HEADERS.put("accessibility", new String[] {"barrierefreiheit"});
  }

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
    List<List<String>> table;
    String format;
    if (bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K') {
      table = xlsx(bytes);
      format = "XLSX";
    } else {
      TextDecoder.Decoded d = TextDecoder.decode(bytes);
      table = csv(d.text());
      format = "CSV (" + d.charset() + ")";
    }
    List<Problem> problems = new ArrayList<>();
    if (table.isEmpty()) {
      throw new DomainException("catalogue.import.empty");
    }
    List<String> header =
        table.get(0).stream().map(h -> h.strip().toLowerCase(Locale.GERMAN)).toList();
    Map<String, Integer> col = new HashMap<>();
    HEADERS.forEach(
        (field, names) -> {
          for (String n : names) {
            int i = header.indexOf(n);
            if (i >= 0) {
              col.put(field, i);
              return;
            }
          }
        });
    for (String needed : List.of("name", "organization")) {
      if (!col.containsKey(needed)) {
        problems.add(
            new Problem(
                1,
                HEADERS.get(needed)[0],
                "Die Spalte „" + cap(HEADERS.get(needed)[0]) + "“ fehlt in der Kopfzeile.",
                true));
      }
    }
    if (!problems.isEmpty()) {
      return new Preview(List.of(), problems, header, format);
    }
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
      String name = get(r, col, "name");
      String orgName = get(r, col, "organization");
      if (name.isEmpty()) {
        problems.add(new Problem(line, "Angebot", "Der Name des Angebots fehlt.", true));
        continue;
      }
      if (orgName.isEmpty()) {
        problems.add(new Problem(line, "Anbieter", "Der Anbieter fehlt.", true));
        continue;
      }
      List<OfferRules.Problem> rowProblems = new ArrayList<>();
      BigDecimal lat = OfferRules.coordinate(get(r, col, "latitude"), "latitude", rowProblems);
      BigDecimal lon = OfferRules.coordinate(get(r, col, "longitude"), "longitude", rowProblems);
      LocationRow address =
          new LocationRow(
              UUID.randomUUID(),
              null,
              get(r, col, "city").isEmpty() ? orgName : orgName + ", " + get(r, col, "city"),
              Text.blankToNull(get(r, col, "street")),
              Text.blankToNull(get(r, col, "postalCode")),
              Text.blankToNull(get(r, col, "city")),
              lat,
              lon,
              Text.blankToNull(get(r, col, "accessibility")),
              null,
              0);
      rowProblems.addAll(OfferRules.check(address));
      Integer from = number(get(r, col, "ageFrom"), line, "Alter von", problems);
      Integer to = number(get(r, col, "ageTo"), line, "Alter bis", problems);
      List<UUID> categories = new ArrayList<>();
      for (String c : split(get(r, col, "categories"))) {
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
                  get(r, col, "description"),
                  cost(get(r, col, "cost"), line, problems),
                  null,
                  from,
                  to,
                  languages(get(r, col, "languages"), line, problems),
                  groups(get(r, col, "targetGroups"), line, problems),
                  List.of(),
                  Text.blankToNull(get(r, col, "url")),
                  Text.blankToNull(get(r, col, "email")),
                  Text.blankToNull(get(r, col, "phone")),
                  null,
                  categories,
                  List.of(),
                  List.of(),
                  List.of()));
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
    return new Preview(rows, problems, header, format);
  }

  /**
   * Writes the preview in one transaction; duplicates are skipped, or merged when {@code merge}.
   */
  @Transactional
  Summary commit(byte[] bytes, boolean merge, boolean publish) {
    Preview p = preview(bytes);
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
              List.of());
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

  // ---------------------------------------------------------------- reading

  static List<List<String>> csv(String text) {
    return CsvText.table(text);
  }

  static List<List<String>> xlsx(byte[] bytes) {
    ZipSecureFile.setMinInflateRatio(0.01);
    List<List<String>> table = new ArrayList<>();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      DataFormatter f = new DataFormatter(Locale.GERMANY);
      for (org.apache.poi.ss.usermodel.Row row : wb.getSheetAt(0)) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
          Cell cell = row.getCell(c);
          cells.add(
              cell == null
                  ? ""
                  : cell.getCellType() == CellType.FORMULA ? "" : f.formatCellValue(cell));
        }
        table.add(cells);
      }
    } catch (IOException | RuntimeException e) {
      throw new DomainException("catalogue.import.xlsx");
    }
    return table;
  }

  private static String get(List<String> row, Map<String, Integer> col, String field) {
    Integer i = col.get(field);
    return i == null || i >= row.size() ? "" : row.get(i).strip();
  }

  private static Integer number(String s, int line, String field, List<Problem> problems) {
    if (s.isEmpty()) {
      return null;
    }
    try {
      return Integer.parseInt(s.replaceAll("\\s*(Jahre|J\\.)$", ""));
    } catch (NumberFormatException e) {
      problems.add(new Problem(line, field, "„" + s + "“ ist keine ganze Zahl.", true));
      return null;
    }
  }

  private static String cost(String s, int line, List<Problem> problems) {
    String k = s.toLowerCase(Locale.GERMAN);
    if (k.isEmpty() || k.startsWith("kostenlos") || k.startsWith("frei") || k.equals("0")) {
      return "FREE";
    }
    if (k.startsWith("kostenpflichtig") || k.contains("€") || k.contains("eur")) {
      return "FEE";
    }
    if (k.contains("anfrage")) {
      return "ON_REQUEST";
    }
    problems.add(
        new Problem(
            line,
            "Kosten",
            "„" + s + "“: erwartet „kostenlos“, „kostenpflichtig“ oder " + "„auf Anfrage“.",
            true));
    return "FREE";
  }

  private static List<String> languages(String s, int line, List<Problem> problems) {
    List<String> result = new ArrayList<>();
    for (String l : split(s)) {
      String code =
          CatalogueRows.LANGUAGES.stream()
              .filter(c -> c.equalsIgnoreCase(l) || Labels.language(c).equalsIgnoreCase(l))
              .findFirst()
              .orElse(null);
      if (code == null) {
        problems.add(
            new Problem(line, "Sprachen", "Die Sprache „" + l + "“ ist nicht bekannt.", true));
      } else {
        result.add(code);
      }
    }
    return result.isEmpty() ? List.of("de") : result;
  }

  private static List<String> groups(String s, int line, List<Problem> problems) {
    List<String> result = new ArrayList<>();
    for (String g : split(s)) {
      String code =
          CatalogueRows.TARGET_GROUPS.stream()
              .filter(c -> c.equalsIgnoreCase(g) || Labels.group(c).equalsIgnoreCase(g))
              .findFirst()
              .orElse(null);
      if (code == null) {
        problems.add(
            new Problem(
                line, "Zielgruppen", "Die Zielgruppe „" + g + "“ ist nicht bekannt.", true));
      } else {
        result.add(code);
      }
    }
    return result;
  }

  private static List<String> split(String s) {
    return s.isBlank()
        ? List.of()
        : Arrays.stream(s.split("[;,/]")).map(String::strip).filter(x -> !x.isEmpty()).toList();
  }

  private static String key(String s) {
    return s == null ? "" : s.strip().toLowerCase(Locale.GERMAN).replaceAll("\\s+", " ");
  }

  private static String cap(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
