package de.lagebild.planning.internal.surveys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes LimeSurvey exports after the published formats, for tests: a survey structure ({@code
 * .lss} as LimeSurvey 5/6 writes it – questions, subquestions and answers with their texts in
 * {@code question_l10ns} and {@code answer_l10ns}) and response exports (CSV with question codes as
 * headings, with answer codes or full answers, in UTF-8 or Windows-1252; XLSX).
 *
 * <p>The survey: SR (L) the area; Q1 (L) satisfaction with "Keine Antwort"; Q2 (M) offers used; Q3
 * (N) children in the household; Q4 (F) an array of two aspects; Q5 (T) free text.
 */
public final class LimeSurveyExport {

  static final String[] Q1 = {
    "sehr zufrieden", "eher zufrieden", "eher unzufrieden", "unzufrieden"
  };
  static final String[] Q2 = {"Kita", "Familienberatung", "Schuldnerberatung"};
  static final String[] Q4_SUBS = {"Spielplätze", "Busverbindungen"};
  static final String[] Q4 = {"gut", "mittel", "schlecht"};

  /** One response; "" is no answer, codes as LimeSurvey stores them. */
  public record Response(
      boolean complete, String area, String q1, boolean[] q2, String q3, String[] q4, String q5) {}

  final List<String> areas;

  /**
   * @param areas the answer texts of the area question (codes A1, A2 …)
   */
  public LimeSurveyExport(List<String> areas) {
    this.areas = areas;
  }

  public byte[] lss() {
    StringBuilder x = new StringBuilder();
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<document>\n")
        .append(" <LimeSurveyDocType>Survey</LimeSurveyDocType>\n <DBVersion>624</DBVersion>\n")
        .append(" <languages>\n  <language>de</language>\n </languages>\n");
    x.append(
            " <surveys><rows><row><sid><![CDATA[482915]]></sid><language><![CDATA[de]]></language>")
        .append("</row></rows></surveys>\n");
    x.append(
            " <surveys_languagesettings><rows><row><surveyls_survey_id>482915</surveyls_survey_id>")
        .append(
            "<surveyls_language>de</surveyls_language><surveyls_title><![CDATA[Familienbefragung")
        .append(" 2025]]></surveyls_title></row></rows></surveys_languagesettings>\n");
    x.append(" <groups><rows><row><gid>10</gid><sid>482915</sid><group_order>0</group_order></row>")
        .append("</rows></groups>\n");
    List<String[]> questions = new ArrayList<>();
    questions.add(new String[] {"1", "L", "SR", "<p>In welchem Gebiet wohnen Sie?</p>", "0"});
    questions.add(
        new String[] {
          "2", "L", "Q1", "Wie zufrieden sind Sie mit den Angeboten f&uuml;r Familien?", "1"
        });
    questions.add(new String[] {"3", "M", "Q2", "Welche Angebote haben Sie genutzt?", "2"});
    questions.add(new String[] {"4", "N", "Q3", "Wie viele Kinder leben in Ihrem Haushalt?", "3"});
    questions.add(new String[] {"5", "F", "Q4", "Wie beurteilen Sie in Ihrem Wohnumfeld …", "4"});
    questions.add(new String[] {"6", "T", "Q5", "Was fehlt Ihnen in Ihrem Wohnumfeld?", "5"});
    x.append(" <questions>\n  <fields><fieldname>qid</fieldname></fields>\n  <rows>\n");
    for (String[] q : questions) {
      x.append("   <row><qid><![CDATA[")
          .append(q[0])
          .append("]]></qid><parent_qid>0</parent_qid><sid>482915</sid><gid>10</gid><type>")
          .append(q[1])
          .append("</type><title><![CDATA[")
          .append(q[2])
          .append("]]></title><other>N</other><mandatory>N</mandatory><question_order>")
          .append(q[4])
          .append("</question_order><scale_id>0</scale_id><relevance>1</relevance></row>\n");
    }
    x.append("  </rows>\n </questions>\n <subquestions>\n  <rows>\n");
    int qid = 100;
    List<String[]> subTexts = new ArrayList<>();
    for (int i = 0; i < Q2.length; i++) {
      String id = String.valueOf(qid++);
      x.append(sub(id, "3", "SQ00" + (i + 1), i));
      subTexts.add(new String[] {id, Q2[i]});
    }
    for (int i = 0; i < Q4_SUBS.length; i++) {
      String id = String.valueOf(qid++);
      x.append(sub(id, "5", "SQ00" + (i + 1), i));
      subTexts.add(new String[] {id, Q4_SUBS[i]});
    }
    x.append("  </rows>\n </subquestions>\n <question_l10ns>\n  <rows>\n");
    int l10n = 1;
    for (String[] q : questions) {
      x.append("   <row><id>")
          .append(l10n++)
          .append("</id><qid>")
          .append(q[0])
          .append("</qid><question><![CDATA[")
          .append(q[3])
          .append("]]></question><help/><language>de</language></row>\n");
    }
    for (String[] s : subTexts) {
      x.append("   <row><id>")
          .append(l10n++)
          .append("</id><qid>")
          .append(s[0])
          .append("</qid><question><![CDATA[")
          .append(s[1])
          .append("]]></question><help/><language>de</language></row>\n");
    }
    x.append("  </rows>\n </question_l10ns>\n <answers>\n  <rows>\n");
    List<String[]> answers = new ArrayList<>();
    for (int i = 0; i < areas.size(); i++) {
      answers.add(new String[] {"1", "A" + (i + 1), areas.get(i)});
    }
    for (int i = 0; i < Q1.length; i++) {
      answers.add(new String[] {"2", "A" + (i + 1), Q1[i]});
    }
    for (int i = 0; i < Q4.length; i++) {
      answers.add(new String[] {"5", "A" + (i + 1), Q4[i]});
    }
    int aid = 500;
    for (String[] a : answers) {
      x.append("   <row><aid>")
          .append(aid++)
          .append("</aid><qid>")
          .append(a[0])
          .append("</qid><code><![CDATA[")
          .append(a[1])
          .append("]]></code><sortorder>")
          .append(a[1].substring(1))
          .append(
              "</sortorder><assessment_value>0</assessment_value><scale_id>0</scale_id></row>\n");
    }
    x.append("  </rows>\n </answers>\n <answer_l10ns>\n  <rows>\n");
    aid = 500;
    for (String[] a : answers) {
      x.append("   <row><id>")
          .append(aid)
          .append("</id><aid>")
          .append(aid++)
          .append("</aid><answer><![CDATA[")
          .append(a[2])
          .append("]]></answer><language>de</language></row>\n");
    }
    x.append("  </rows>\n </answer_l10ns>\n</document>\n");
    return x.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String sub(String qid, String parent, String code, int order) {
    return "   <row><qid>"
        + qid
        + "</qid><parent_qid>"
        + parent
        + "</parent_qid><sid>482915</sid><gid>10</gid><type>T</type><title><![CDATA["
        + code
        + "]]></title><question_order>"
        + order
        + "</question_order><scale_id>0</scale_id></row>\n";
  }

  static final String[] HEADER = {
    "id",
    "submitdate",
    "lastpage",
    "startlanguage",
    "seed",
    "SR",
    "Q1",
    "Q2[SQ001]",
    "Q2[SQ002]",
    "Q2[SQ003]",
    "Q3",
    "Q4[SQ001]",
    "Q4[SQ002]",
    "Q5"
  };

  /** The cells of one response, as answer codes or as full answers. */
  List<String> cells(int id, Response r, boolean full) {
    List<String> c = new ArrayList<>();
    c.add(String.valueOf(id));
    c.add(r.complete() ? "2025-05-14 10:12:31" : "");
    c.add(r.complete() ? "3" : "1");
    c.add("de");
    c.add(String.valueOf(1000 + id));
    c.add(full ? text(r.area(), areas.toArray(String[]::new)) : r.area());
    c.add(full ? text(r.q1(), Q1) : r.q1());
    for (boolean t : r.q2()) {
      c.add(t ? (full ? "Ja" : "Y") : "");
    }
    c.add(r.q3());
    for (String a : r.q4()) {
      c.add(full ? text(a, Q4) : a);
    }
    c.add(r.q5());
    return c;
  }

  private static String text(String code, String[] texts) {
    return code.isEmpty() ? "Keine Antwort" : texts[Integer.parseInt(code.substring(1)) - 1];
  }

  /** A CSV export as LimeSurvey writes it: every cell quoted, comma (or another separator). */
  public byte[] csv(List<Response> responses, boolean full, Charset charset, char separator) {
    StringBuilder s = new StringBuilder();
    s.append(line(List.of(HEADER), separator));
    for (int i = 0; i < responses.size(); i++) {
      s.append(line(cells(i + 1, responses.get(i), full), separator));
    }
    return s.toString().getBytes(charset);
  }

  private static String line(List<String> cells, char separator) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        s.append(separator);
      }
      s.append('"').append(cells.get(i).replace("\"", "\"\"")).append('"');
    }
    return s.append("\r\n").toString();
  }

  public byte[] xlsx(List<Response> responses, boolean full) {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(200);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var sheet = wb.createSheet("results");
      var header = sheet.createRow(0);
      for (int i = 0; i < HEADER.length; i++) {
        header.createCell(i).setCellValue(HEADER[i]);
      }
      for (int r = 0; r < responses.size(); r++) {
        var row = sheet.createRow(r + 1);
        List<String> cells = cells(r + 1, responses.get(r), full);
        for (int i = 0; i < cells.size(); i++) {
          String v = cells.get(i);
          if (i == 10 && !v.isEmpty()) {
            row.createCell(i).setCellValue(Double.parseDouble(v));
          } else {
            row.createCell(i).setCellValue(v);
          }
        }
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code n} responses drawn with a fixed seed; every fifth free text is filled. */
  public List<Response> random(int n, long seed) {
    Random r = new Random(seed);
    List<Response> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      boolean complete = r.nextInt(20) != 0;
      String area = r.nextInt(30) == 0 ? "" : "A" + (1 + r.nextInt(areas.size()));
      String q1 = r.nextInt(10) == 0 ? "" : "A" + (1 + r.nextInt(Q1.length));
      boolean[] q2 = {r.nextBoolean(), r.nextInt(4) == 0, r.nextInt(10) == 0};
      String q3 = r.nextInt(8) == 0 ? "" : String.valueOf(r.nextInt(5));
      String[] q4 = {r.nextInt(6) == 0 ? "" : "A" + (1 + r.nextInt(3)), "A" + (1 + r.nextInt(3))};
      String q5 = r.nextInt(5) == 0 ? "Mehr Bänke und Schatten, Straße Nr. " + i : "";
      out.add(new Response(complete, area, q1, q2, q3, q4, q5));
    }
    return out;
  }
}
