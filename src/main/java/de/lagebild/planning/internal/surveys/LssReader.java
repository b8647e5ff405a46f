package de.lagebild.planning.internal.surveys;

import de.lagebild.platform.DomainException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.springframework.web.util.HtmlUtils;

/**
 * Reads a LimeSurvey survey structure ({@code .lss}, XML): the tables {@code questions}, {@code
 * subquestions}, {@code answers}, their translations {@code question_l10ns} and {@code
 * answer_l10ns} (LimeSurvey 4 and later) or the texts inside the rows (LimeSurvey 2 and 3), and the
 * title from {@code surveys_languagesettings}. Texts in the survey's base language are taken; HTML
 * in question texts is reduced to its text. External entities and DTDs are refused.
 */
final class LssReader {

  private LssReader() {}

  static SurveyStructure read(byte[] bytes) {
    Map<String, List<Map<String, String>>> tables = tables(bytes);
    if (!tables.containsKey("questions")) {
      throw new DomainException("survey.lss.noQuestions");
    }
    String language = baseLanguage(tables);
    // question texts by qid (both question and subquestion ids), answer texts by aid or qid/code
    Map<String, String> questionText = new HashMap<>();
    for (Map<String, String> r : tables.getOrDefault("question_l10ns", List.of())) {
      putText(questionText, r.get("qid"), r.get("question"), r.get("language"), language);
    }
    Map<String, String> answerText = new HashMap<>();
    for (Map<String, String> r : tables.getOrDefault("answer_l10ns", List.of())) {
      String key = r.get("aid") != null ? r.get("aid") : r.get("qid") + "/" + r.get("code");
      putText(answerText, key, r.get("answer"), r.get("language"), language);
    }
    List<Map<String, String>> questionRows = inLanguage(tables.get("questions"), language);
    List<Map<String, String>> subRows =
        inLanguage(tables.getOrDefault("subquestions", List.of()), language);
    // LimeSurvey 4+ keeps subquestions in "questions" too (parent_qid > 0) in some exports
    List<Map<String, String>> mains = new ArrayList<>();
    for (Map<String, String> r : questionRows) {
      if (isZero(r.get("parent_qid"))) {
        mains.add(r);
      } else {
        subRows.add(r);
      }
    }
    List<Map<String, String>> answerRows =
        inLanguage(tables.getOrDefault("answers", List.of()), language);
    List<SurveyStructure.Question> questions = new ArrayList<>();
    for (Map<String, String> q : ordered(mains, tables)) {
      String qid = q.get("qid");
      List<SurveyStructure.Sub> subs =
          subRows.stream()
              .filter(s -> qid.equals(s.get("parent_qid")) && isZero(s.get("scale_id")))
              .sorted(Comparator.comparing(s -> number(s.get("question_order"))))
              .map(
                  s ->
                      new SurveyStructure.Sub(
                          s.get("title"),
                          plain(text(s.get("question"), questionText.get(s.get("qid"))))))
              .toList();
      List<SurveyStructure.Option> options =
          answerRows.stream()
              .filter(a -> qid.equals(a.get("qid")) && isZero(a.get("scale_id")))
              .sorted(Comparator.comparing(a -> number(a.get("sortorder"))))
              .map(
                  a ->
                      new SurveyStructure.Option(
                          a.get("code"),
                          plain(
                              text(
                                  a.get("answer"),
                                  answerText.getOrDefault(
                                      String.valueOf(a.get("aid")),
                                      answerText.get(qid + "/" + a.get("code")))))))
              .toList();
      questions.add(
          new SurveyStructure.Question(
              q.get("title"),
              q.getOrDefault("type", "?"),
              plain(text(q.get("question"), questionText.get(qid))),
              options,
              subs,
              "Y".equals(q.get("other"))));
    }
    String title = null;
    for (Map<String, String> r : tables.getOrDefault("surveys_languagesettings", List.of())) {
      if (title == null || language.equals(r.get("surveyls_language"))) {
        title = r.get("surveyls_title");
      }
    }
    return new SurveyStructure(
        title == null ? null : plain(title), language, List.copyOf(questions));
  }

  /** Main questions in the order of their groups, then their own order. */
  private static List<Map<String, String>> ordered(
      List<Map<String, String>> mains, Map<String, List<Map<String, String>>> tables) {
    Map<String, Integer> groupOrder = new HashMap<>();
    for (Map<String, String> g : tables.getOrDefault("groups", List.of())) {
      groupOrder.putIfAbsent(g.get("gid"), number(g.get("group_order")));
    }
    List<Map<String, String>> out = new ArrayList<>(mains);
    out.sort(
        Comparator.comparing((Map<String, String> r) -> groupOrder.getOrDefault(r.get("gid"), 0))
            .thenComparing(r -> number(r.get("question_order"))));
    return out;
  }

  private static String baseLanguage(Map<String, List<Map<String, String>>> tables) {
    for (Map<String, String> s : tables.getOrDefault("surveys", List.of())) {
      if (s.get("language") != null && !s.get("language").isBlank()) {
        return s.get("language");
      }
    }
    List<Map<String, String>> languages = tables.getOrDefault("languages", List.of());
    return languages.isEmpty() ? "de" : languages.get(0).getOrDefault("language", "de");
  }

  /** Rows of old exports carry a language each: keep those of the base language (or all). */
  private static List<Map<String, String>> inLanguage(
      List<Map<String, String>> rows, String language) {
    List<Map<String, String>> out = new ArrayList<>();
    boolean anyInLanguage = rows.stream().anyMatch(r -> language.equals(r.get("language")));
    for (Map<String, String> r : rows) {
      if (!anyInLanguage || r.get("language") == null || language.equals(r.get("language"))) {
        out.add(r);
      }
    }
    return out;
  }

  private static void putText(
      Map<String, String> texts, String key, String text, String lang, String base) {
    if (key == null || text == null) {
      return;
    }
    if (base.equals(lang) || !texts.containsKey(key)) {
      texts.put(key, text);
    }
  }

  private static String text(String inRow, String translated) {
    return inRow != null && !inRow.isBlank() ? inRow : translated == null ? "" : translated;
  }

  private static boolean isZero(String s) {
    return s == null || s.isBlank() || s.strip().equals("0");
  }

  private static int number(String s) {
    try {
      return s == null ? 0 : Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The text of a question as HTML shows it: tags removed, entities resolved, spaces folded. */
  static String plain(String html) {
    if (html == null) {
      return "";
    }
    String s = html.replaceAll("(?i)<br\\s*/?>|</p>|</div>|</li>", " ").replaceAll("<[^>]*>", "");
    return HtmlUtils.htmlUnescape(s).replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
  }

  /**
   * The rows of every table: {@code <document><name><rows><row><field>value</field>…}; the language
   * list {@code <languages><language>} as table "languages".
   */
  private static Map<String, List<Map<String, String>>> tables(byte[] bytes) {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
    try {
      XMLStreamReader x = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
      List<String> path = new ArrayList<>();
      Map<String, String> row = null;
      StringBuilder text = new StringBuilder();
      boolean sawDocument = false;
      while (x.hasNext()) {
        int event = x.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String name = x.getLocalName();
          path.add(name);
          text.setLength(0);
          if (path.size() == 1) {
            sawDocument = name.equals("document");
          } else if (path.size() == 4 && name.equals("row") && path.get(2).equals("rows")) {
            row = new LinkedHashMap<>();
          }
        } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
          text.append(x.getText());
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          if (path.size() == 5 && row != null) {
            row.put(path.get(4), text.toString());
          } else if (path.size() == 4 && row != null) {
            tables.computeIfAbsent(path.get(1), k -> new ArrayList<>()).add(row);
            row = null;
          } else if (path.size() == 3 && path.get(1).equals("languages")) {
            tables
                .computeIfAbsent("languages", k -> new ArrayList<>())
                .add(Map.of("language", text.toString().strip()));
          }
          text.setLength(0);
          path.remove(path.size() - 1);
        }
      }
      if (!sawDocument) {
        throw new DomainException("survey.lss.notLss");
      }
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
      throw new DomainException("survey.lss.xml", line);
    }
    return tables;
  }
}
