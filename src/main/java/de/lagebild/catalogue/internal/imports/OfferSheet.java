package de.lagebild.catalogue.internal.imports;

import de.lagebild.catalogue.internal.offers.Labels;
import de.lagebild.catalogue.internal.store.CatalogueRows;
import de.lagebild.exchange.CsvText;
import de.lagebild.exchange.TextDecoder;
import de.lagebild.platform.DomainException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An offer table as read from the file: the cells (CSV in UTF-8 or Windows-1252 with semicolon or
 * comma, or the first sheet of an XLSX), the columns found by their German headers, and the readers
 * of single cells (ages, cost, languages, target groups) that turn free text into codes or name the
 * line, field and reason why they cannot.
 */
record OfferSheet(
    List<List<String>> table, List<String> header, Map<String, Integer> columns, String format) {

  private static final Map<String, String[]> HEADERS = new LinkedHashMap<>();

  static {
    // German headers first, then those of open-data lists (English, OpenStreetMap tags)
    HEADERS.put(
        "name",
        new String[] {
          "angebot",
          "name",
          "titel",
          "bezeichnung",
          "einrichtung",
          "name der einrichtung",
          "facility"
        });
    HEADERS.put(
        "organization",
        new String[] {
          "anbieter",
          "träger",
          "traeger",
          "organisation",
          "trägername",
          "institution",
          "provider",
          "operator",
          "organization"
        });
    HEADERS.put("description", new String[] {"beschreibung", "text", "description"});
    HEADERS.put(
        "street",
        new String[] {
          "straße", "strasse", "adresse", "anschrift", "address", "addr:street", "street"
        });
    HEADERS.put("houseNumber", new String[] {"hausnummer", "hnr", "addr:housenumber"});
    HEADERS.put(
        "postalCode",
        new String[] {"plz", "postleitzahl", "postcode", "zip", "postal_code", "addr:postcode"});
    HEADERS.put("city", new String[] {"ort", "stadt", "gemeinde", "city", "town", "addr:city"});
    HEADERS.put("latitude", new String[] {"breite", "breitengrad", "latitude", "lat"});
    HEADERS.put(
        "longitude", new String[] {"länge", "laenge", "längengrad", "longitude", "lon", "lng"});
    HEADERS.put("phone", new String[] {"telefon", "tel", "phone", "contact:phone"});
    HEADERS.put("email", new String[] {"e-mail", "email", "mail", "contact:email"});
    HEADERS.put(
        "url",
        new String[] {
          "internet", "website", "webseite", "url", "homepage", "www", "contact:website"
        });
    HEADERS.put("ageFrom", new String[] {"alter von", "ab alter", "mindestalter"});
    HEADERS.put("ageTo", new String[] {"alter bis", "höchstalter"});
    HEADERS.put(
        "places",
        new String[] {
          "plätze", "platzzahl", "anzahl plätze", "kapazität", "kapazitaet", "capacity"
        });
    HEADERS.put("cost", new String[] {"kosten"});
    HEADERS.put("languages", new String[] {"sprachen", "sprache"});
    HEADERS.put("targetGroups", new String[] {"zielgruppen", "zielgruppe"});
    HEADERS.put("categories", new String[] {"kategorie", "kategorien"});
    HEADERS.put("accessibility", new String[] {"barrierefreiheit", "wheelchair"});
  }

  /** The fields a column can fill, in the order the mapping form shows them. */
  static List<String> fields() {
    return List.copyOf(HEADERS.keySet());
  }

  /** Up to two values of each column, for choosing columns in the preview. */
  Map<String, String> samples() {
    Map<String, String> out = new LinkedHashMap<>();
    for (int c = 0; c < header.size(); c++) {
      List<String> values = new ArrayList<>();
      for (int r = 1; r < table.size() && values.size() < 2; r++) {
        String v = c < table.get(r).size() ? table.get(r).get(c).strip() : "";
        if (!v.isEmpty()) {
          values.add(v.length() > 30 ? v.substring(0, 30) + "…" : v);
        }
      }
      out.put(table.get(0).get(c).strip(), String.join(", ", values));
    }
    return out;
  }

  /** The column header each field is read from (null: none). */
  Map<String, String> mapping() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String f : HEADERS.keySet()) {
      Integer i = columns.get(f);
      out.put(f, i == null ? null : table.get(0).get(i).strip());
    }
    return out;
  }

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

  String get(List<String> row, String field) {
    Map<String, Integer> col = columns;
    Integer i = col.get(field);
    return i == null || i >= row.size() ? "" : row.get(i).strip();
  }

  /**
   * A web address as open-data lists write it, repaired with a warning: {@code www.example.de} gets
   * {@code https://}, {@code https:\\www…} gets forward slashes. Anything else stays as written
   * (the offer rules check it).
   */
  static String url(String s, int line, List<OfferImport.Problem> problems) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String raw = s.strip();
    String fixed = raw;
    if (fixed.matches("(?i)https?:\\\\.*")) {
      fixed = fixed.replace('\\', '/');
    }
    if (!fixed.matches("(?i)^[a-z][a-z0-9+.-]*:.*")
        && fixed.matches("(?i)^[a-z0-9äöü-]+(\\.[a-z0-9äöü-]+)+(/\\S*)?$")) {
      fixed = "https://" + fixed;
    }
    if (!fixed.equals(raw)) {
      problems.add(
          new OfferImport.Problem(
              line, "Internetseite", "„" + raw + "“ wurde als „" + fixed + "“ übernommen.", false));
    }
    return fixed;
  }

  static Integer number(String s, int line, String field, List<OfferImport.Problem> problems) {
    if (s.isEmpty()) {
      return null;
    }
    try {
      return Integer.parseInt(s.replaceAll("\\s*(Jahre|J\\.)$", ""));
    } catch (NumberFormatException e) {
      problems.add(new OfferImport.Problem(line, field, "„" + s + "“ ist keine ganze Zahl.", true));
      return null;
    }
  }

  static String cost(String s, int line, List<OfferImport.Problem> problems) {
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
        new OfferImport.Problem(
            line,
            "Kosten",
            "„" + s + "“: erwartet „kostenlos“, „kostenpflichtig“ oder " + "„auf Anfrage“.",
            true));
    return "FREE";
  }

  static List<String> languages(String s, int line, List<OfferImport.Problem> problems) {
    List<String> result = new ArrayList<>();
    for (String l : split(s)) {
      String code =
          CatalogueRows.LANGUAGES.stream()
              .filter(c -> c.equalsIgnoreCase(l) || Labels.language(c).equalsIgnoreCase(l))
              .findFirst()
              .orElse(null);
      if (code == null) {
        problems.add(
            new OfferImport.Problem(
                line, "Sprachen", "Die Sprache „" + l + "“ ist nicht bekannt.", true));
      } else {
        result.add(code);
      }
    }
    return result.isEmpty() ? List.of("de") : result;
  }

  static List<String> groups(String s, int line, List<OfferImport.Problem> problems) {
    List<String> result = new ArrayList<>();
    for (String g : split(s)) {
      String code =
          CatalogueRows.TARGET_GROUPS.stream()
              .filter(c -> c.equalsIgnoreCase(g) || Labels.group(c).equalsIgnoreCase(g))
              .findFirst()
              .orElse(null);
      if (code == null) {
        problems.add(
            new OfferImport.Problem(
                line, "Zielgruppen", "Die Zielgruppe „" + g + "“ ist nicht bekannt.", true));
      } else {
        result.add(code);
      }
    }
    return result;
  }

  static List<String> split(String s) {
    return s.isBlank()
        ? List.of()
        : Arrays.stream(s.split("[;,/]")).map(String::strip).filter(x -> !x.isEmpty()).toList();
  }

  static String key(String s) {
    return s == null ? "" : s.strip().toLowerCase(Locale.GERMAN).replaceAll("\\s+", " ");
  }

  private static String cap(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  static OfferSheet read(byte[] bytes) {
    return read(bytes, Map.of());
  }

  /**
   * The table of a file – CSV, XLSX, or GeoJSON points (properties as columns, the point's
   * coordinates as lat/lon, a polygon's centre for areas) – with each field's column proposed by
   * its header; {@code chosen} (field → header, blank for none) overrides the proposal.
   */
  static OfferSheet read(byte[] bytes, Map<String, String> chosen) {
    List<List<String>> table;
    String format;
    if (bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K') {
      table = xlsx(bytes);
      format = "XLSX";
    } else {
      TextDecoder.Decoded d = TextDecoder.decode(bytes);
      String text = d.text().strip();
      if (text.startsWith("{")) {
        table = OfferGeoJson.table(text);
        format = "GeoJSON";
      } else {
        table = csv(d.text());
        format = "CSV (" + d.charset() + ")";
      }
    }
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
            if (i >= 0 && !col.containsValue(i)) {
              col.put(field, i);
              return;
            }
          }
        });
    chosen.forEach(
        (field, column) -> {
          if (!HEADERS.containsKey(field)) {
            return;
          }
          if (column == null || column.isBlank()) {
            col.remove(field);
            return;
          }
          int i = header.indexOf(column.strip().toLowerCase(Locale.GERMAN));
          if (i < 0) {
            throw new DomainException("catalogue.import.columnMissing", column);
          }
          col.put(field, i);
        });
    return new OfferSheet(table, header, col, format);
  }

  /** The columns an offer cannot do without (name and provider), if the header lacks them. */
  List<OfferImport.Problem> missingColumns(boolean defaultOrganization) {
    List<OfferImport.Problem> problems = new ArrayList<>();
    for (String needed : defaultOrganization ? List.of("name") : List.of("name", "organization")) {
      if (!columns.containsKey(needed)) {
        problems.add(
            new OfferImport.Problem(
                1,
                HEADERS.get(needed)[0],
                "Die Spalte „"
                    + cap(HEADERS.get(needed)[0])
                    + "“ fehlt in der Kopfzeile. Wählen Sie in der Spaltenzuordnung die Spalte,"
                    + " die sie enthält"
                    + ("organization".equals(needed)
                        ? ", oder geben Sie einen Anbieter für alle Zeilen an."
                        : "."),
                true));
      }
    }
    return problems;
  }
}
