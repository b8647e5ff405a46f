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
    return new OfferSheet(table, header, col, format);
  }

  /** The columns an offer cannot do without (name and provider), if the header lacks them. */
  List<OfferImport.Problem> missingColumns() {
    List<OfferImport.Problem> problems = new ArrayList<>();
    for (String needed : List.of("name", "organization")) {
      if (!columns.containsKey(needed)) {
        problems.add(
            new OfferImport.Problem(
                1,
                HEADERS.get(needed)[0],
                "Die Spalte „" + cap(HEADERS.get(needed)[0]) + "“ fehlt in der Kopfzeile.",
                true));
      }
    }
    return problems;
  }
}
