package de.lagebild.strategy.internal.imports;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The field labels an import understands, in their canonical German spelling, and the spellings
 * found in real files ("Indikator / Erfolgskriterium", "Umsetzung /fortlaufend", "Kosten /
 * Ressourcen" …). A label that matches none of them is kept as an extra field.
 */
final class ImportFields {

  static final String DESCRIPTION = "Beschreibung";
  static final String RESPONSIBLE = "Verantwortlich";
  static final String UNITS = "Organisationseinheiten";
  static final String PARTNERS = "Partner";
  static final String INDICATORS = "Indikatoren";
  static final String TARGET_GROUPS = "Zielgruppen";
  static final String LIFE_SITUATIONS = "Lebenslagen";
  static final String PREVENTION = "Präventionsebene";
  static final String COSTS = "Kosten";
  static final String FUNDING = "Finanzierung";
  static final String START = "Beginn";
  static final String END = "Ende";
  static final String COMMUNICATION = "Kommunikation";
  static final String WEIGHT = "Gewicht";
  static final String GOAL_SOURCE = "Zielquelle";

  static final List<String> MEASURE_FIELDS =
      List.of(
          DESCRIPTION,
          RESPONSIBLE,
          UNITS,
          PARTNERS,
          INDICATORS,
          TARGET_GROUPS,
          LIFE_SITUATIONS,
          PREVENTION,
          COSTS,
          FUNDING,
          START,
          END,
          COMMUNICATION,
          WEIGHT);
  static final List<String> GOAL_FIELDS =
      List.of(DESCRIPTION, INDICATORS, LIFE_SITUATIONS, GOAL_SOURCE);

  private static final Map<String, String> ALIASES = new LinkedHashMap<>();

  static {
    alias(DESCRIPTION, "beschreibung", "erläuterung", "erlaeuterung", "inhalt");
    alias(
        RESPONSIBLE,
        "verantwortlich",
        "verantwortlichkeit",
        "zuständig",
        "zustaendig",
        "federführung",
        "verantwortliche stelle");
    alias(UNITS, "organisationseinheiten", "organisationseinheit");
    alias(PARTNERS, "partner", "kooperationspartner", "beteiligte");
    alias(
        INDICATORS,
        "indikatoren",
        "indikator",
        "indikator/erfolgskriterium",
        "indikatoren/erfolgskriterien",
        "erfolgskriterium",
        "erfolgskriterien",
        "indikator/erfolgskriterien");
    alias(TARGET_GROUPS, "zielgruppe", "zielgruppen");
    alias(LIFE_SITUATIONS, "lebenslagen", "lebenslage");
    alias(PREVENTION, "präventionsebene", "praeventionsebene");
    alias(COSTS, "kosten", "kosten/ressourcen", "ressourcen", "kosten/finanzierung/ressourcen");
    alias(FUNDING, "finanzierung", "finanzierungsquelle", "fördermittel");
    alias(START, "beginn", "umsetzungsbeginn", "start");
    alias(END, "ende", "umsetzung/fortlaufend", "umsetzung bis", "umsetzungsende", "laufzeit bis");
    alias(COMMUNICATION, "kommunikation", "kommunikation/öffentlichkeit");
    alias(WEIGHT, "gewicht", "gewichtung");
    alias(GOAL_SOURCE, "zielquelle", "quelle");
  }

  private ImportFields() {}

  private static void alias(String canonical, String... spellings) {
    for (String s : spellings) {
      ALIASES.put(s, canonical);
    }
  }

  /** The canonical label for a label as written, or null when it is not a known field. */
  static String canonical(String label) {
    String key = normalise(label);
    String exact = ALIASES.get(key);
    if (exact != null) {
      return exact;
    }
    // "Umsetzung bis 1. Jahresbericht / 2. Jahresbericht / fortlaufend" and similar
    if (key.startsWith("umsetzung bis") || key.startsWith("umsetzung/")) {
      return END;
    }
    return null;
  }

  /** Lower case, Unicode-normalised, no trailing colon, no blanks around slashes, single blanks. */
  static String normalise(String label) {
    String s = Normalizer.normalize(label, Normalizer.Form.NFC).toLowerCase(Locale.GERMAN).strip();
    s = s.replaceAll("[:.]+$", "").strip();
    s = s.replaceAll("\\s*/\\s*", "/").replaceAll("\\s+", " ");
    return s;
  }
}
