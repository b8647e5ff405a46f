package de.lagebild.strategy.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.exchange.TextDecoder;
import de.lagebild.platform.DomainException;
import de.lagebild.strategy.internal.export.StrategyTableExport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Generated hostile input for the three readers (text formats, DOCX, own CSV/XLSX layout): the real
 * fixtures, mutated by a seeded random generator (characters replaced by tabs, quotes, tags,
 * control and non-BMP characters; ranges deleted; lines duplicated, swapped and cut; XML inside the
 * Office files damaged; raw bytes flipped). Every case must end in a tree or a {@link
 * DomainException} with a German message – never in any other exception. The seed is fixed, so a
 * failure is reproducible; the counts are printed.
 *
 * <p>jqwik is not used: its releases run on JUnit Platform 1, this build on Platform 6, and its
 * maintainers ask that it not be used by coding agents. Jazzer is not on the reachable Maven
 * mirror.
 */
@org.junit.jupiter.api.Tag("slow")
class ImportFuzzTests {

  static final long SEED = 20261123L;
  static final String ALPHABET =
      "\t\t\t\n\n\r;:,.\"'<>&/ -=+@0123456789aäöüßZ\u0000\u00a0\uFEFF\u2028😀ÄMaßnahme";

  record Outcome(int cases, int trees, int refused) {}

  static String mutate(String text, Random random) {
    StringBuilder s = new StringBuilder(text);
    int n = 1 + random.nextInt(10);
    for (int i = 0; i < n && !s.isEmpty(); i++) {
      int at = random.nextInt(s.length());
      switch (random.nextInt(7)) {
        case 0 -> s.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        case 1 -> s.delete(at, Math.min(s.length(), at + random.nextInt(200)));
        case 2 -> s.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        case 3 -> {
          int end = s.indexOf("\n", at);
          if (end > 0) {
            int start = s.lastIndexOf("\n", at) + 1;
            s.insert(start, s.substring(start, end + 1));
          }
        }
        case 4 -> s.setLength(at);
        case 5 -> s.insert(at, "<p>" + "\t".repeat(random.nextInt(6)) + "</li>");
        default -> {
          int other = random.nextInt(s.length());
          char c = s.charAt(at);
          s.setCharAt(at, s.charAt(other));
          s.setCharAt(other, c);
        }
      }
    }
    return s.toString();
  }

  static Outcome run(int cases, Supplier<Object> input, Function<Object, ImportedTree> reader) {
    int trees = 0;
    int refused = 0;
    for (int i = 0; i < cases; i++) {
      Object in = input.get();
      try {
        ImportedTree t = reader.apply(in);
        assertThat(t).isNotNull();
        // the preview walks the whole tree: it must be consistent too
        t.getGoalCount();
        t.getMeasureCount();
        t.countsPerLevel();
        trees++;
      } catch (DomainException e) {
        refused++;
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError("case " + i + " threw " + e + " for input: " + preview(in), e);
      }
    }
    return new Outcome(cases, trees, refused);
  }

  static String preview(Object in) {
    String s = in instanceof byte[] b ? b.length + " bytes" : String.valueOf(in);
    return s.length() > 400 ? s.substring(0, 400) + "…" : s;
  }

  @Test
  void theTextReadersSurviveGeneratedInput() throws IOException {
    Random random = new Random(SEED);
    String seed =
        new String(
            ImportReadersTests.resource("/demo/seeds/nordhausen-bericht-zielerreichung-2022.txt"),
            StandardCharsets.UTF_8);
    String keyValue =
        new String(
            ImportReadersTests.resource("/imports/zielvereinbarung.txt"), StandardCharsets.UTF_8);
    String csv =
        String.join(";", StrategyTableExport.FIXED)
            + ";Juni 2022: Status;Juni 2022: Fortschritt;"
            + "Juni 2022: Einschätzung\r\n"
            + "g1;;Ziel;1;Leitziel;1;Teilhabe;;;;;;;;;;;;;;;;;;;;\r\n"
            + "m1;g1;Maßnahme;;Maßnahme;1.1;Kita;\"Text; mit \"\"Zitat\"\"\";Jugendamt;Jugendamt;;Zahl;;FAMILIE;PRIMARY;"
            + "100 €;;2021;Ende 2022;;1;;;;IN_PROGRESS;50;\"Zeile 1\n• Punkt\"\r\n";
    Map<String, Outcome> results = new LinkedHashMap<>();
    results.put(
        "Tabellenformat (Text)",
        run(3000, () -> mutate(seed, random), in -> TableFormatReader.read((String) in)));
    results.put(
        "Zielvereinbarung (Schlüssel-Wert)",
        run(3000, () -> mutate(keyValue, random), in -> KeyValueReader.read((String) in)));
    results.put(
        "Lagebild-CSV",
        run(3000, () -> mutate(csv, random), in -> OwnLayoutReader.readCsv((String) in)));
    // bytes: encodings, BOMs, binary noise through the decoder into the detection
    results.put(
        "Bytes → Zeichensatz → Format",
        run(
            2000,
            () -> {
              byte[] b =
                  mutate(random.nextBoolean() ? keyValue : seed.substring(0, 3000), random)
                      .getBytes(
                          random.nextBoolean() ? StandardCharsets.UTF_8 : TextDecoder.WINDOWS_1252);
              for (int i = random.nextInt(3); i > 0 && b.length > 0; i--) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
              }
              return b;
            },
            in -> {
              String text = TextDecoder.decode((byte[]) in).text();
              return OwnLayoutReader.looksLike(text)
                  ? OwnLayoutReader.readCsv(text)
                  : KeyValueReader.looksLike(text)
                      ? KeyValueReader.read(text)
                      : TableFormatReader.read(text);
            }));
    report(results);
  }

  @Test
  void theOfficeReadersSurviveDamagedFiles() throws IOException {
    Random random = new Random(SEED + 1);
    byte[] docx = ImportReadersTests.generatedDocx(true);
    String documentXml = entry(docx, "word/document.xml");
    Map<String, Outcome> results = new LinkedHashMap<>();
    results.put(
        "DOCX (XML beschädigt)",
        run(
            300,
            () -> replaceEntry(docx, "word/document.xml", mutate(documentXml, random)),
            in -> DocxTableReader.read((byte[]) in)));
    results.put(
        "DOCX (Bytes gekippt)",
        run(300, () -> flip(docx, random), in -> DocxTableReader.read((byte[]) in)));
    byte[] xlsx = sampleXlsx();
    String sheetXml = entry(xlsx, "xl/worksheets/sheet1.xml");
    results.put(
        "XLSX (XML beschädigt)",
        run(
            300,
            () -> replaceEntry(xlsx, "xl/worksheets/sheet1.xml", mutate(sheetXml, random)),
            in -> OwnLayoutReader.readXlsx((byte[]) in)));
    results.put(
        "XLSX (Bytes gekippt)",
        run(300, () -> flip(xlsx, random), in -> OwnLayoutReader.readXlsx((byte[]) in)));
    report(results);
  }

  static void report(Map<String, Outcome> results) {
    results.forEach(
        (name, o) -> {
          System.out.printf(
              "Fuzzing %-36s %5d Fälle: %5d gelesen, %5d mit Meldung abgelehnt, 0 unerwartete Fehler%n",
              name, o.cases(), o.trees(), o.refused());
          assertThat(o.trees() + o.refused()).isEqualTo(o.cases());
        });
  }

  static byte[] flip(byte[] bytes, Random random) {
    byte[] copy = bytes.clone();
    for (int i = 1 + random.nextInt(8); i > 0; i--) {
      copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
    }
    return copy;
  }

  static byte[] sampleXlsx() throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var sheet = wb.createSheet("Strategie");
      List<List<String>> rows = new ArrayList<>();
      rows.add(StrategyTableExport.FIXED);
      rows.add(List.of("g1", "", "Ziel", "1", "Leitziel", "1", "Teilhabe"));
      rows.add(List.of("m1", "g1", "Maßnahme", "", "Maßnahme", "1.1", "Kita", "", "Jugendamt"));
      for (int r = 0; r < rows.size(); r++) {
        var row = sheet.createRow(r);
        for (int c = 0; c < rows.get(r).size(); c++) {
          row.createCell(c).setCellValue(rows.get(r).get(c));
        }
      }
      wb.write(out);
      return out.toByteArray();
    }
  }

  static String entry(byte[] zip, String name) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().equals(name)) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new IllegalArgumentException(name);
  }

  static byte[] replaceEntry(byte[] zip, String name, String content) {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(
            e.getName().equals(name)
                ? content.getBytes(StandardCharsets.UTF_8)
                : in.readAllBytes());
        out.closeEntry();
      }
      out.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
