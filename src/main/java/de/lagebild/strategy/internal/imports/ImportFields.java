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
  static final String NEEDS = "Bedarfe";

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
      List.of(DESCRIPTION, INDICATORS, LIFE_SITUATIONS, GOAL_SOURCE, NEEDS);

  private static final Map<String, String> ALIASES = new LinkedHashMap<>();

  static {
    alias(DESCRIPTION, "beschreibung", "erläuterung", "erlaeuterung", "inhalt");
    alias(
        NEEDS,
        "bedarfe",
        "bedarf",
        "begründende bedarfe",
        "zugrunde liegende bedarfe",
        "zugrundeliegender bedarf",
        "bedarfslage");
    alias(
        RESPONSIBLE,
        "verantwortlich",
        "verantwortlichkeit",
        "zuständig",
        "zustaendig",
        "federführung",
        "verantwortliche stelle",
        "wer ist verantwortlich",
        "wer ist zuständig",
        "verantwortliche",
        "federführend");
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
        "indikator/erfolgskriterien",
        "kennzahl",
        "kennzahlen",
        "messgröße",
        "messgrößen",
        "erfolgsindikator",
        "erfolgsindikatoren",
        "woran erkennen wir den erfolg",
        "woran messen wir den erfolg",
        "wie wird die zielerreichung gemessen",
        "wie wird der erfolg gemessen",
        "indikator für die zielerreichung");
    alias(TARGET_GROUPS, "zielgruppe", "zielgruppen", "für wen", "wer soll erreicht werden");
    alias(LIFE_SITUATIONS, "lebenslagen", "lebenslage");
    alias(PREVENTION, "präventionsebene", "praeventionsebene");
    alias(
        COSTS,
        "kosten",
        "kosten/ressourcen",
        "ressourcen",
        "kosten/finanzierung/ressourcen",
        "kosten (eur)",
        "kosten in eur",
        "kosten in euro",
        "budget",
        "mittelbedarf",
        "welche kosten entstehen",
        "benötigte ressourcen");
    alias(FUNDING, "finanzierung", "finanzierungsquelle", "fördermittel");
    alias(
        START,
        "beginn",
        "umsetzungsbeginn",
        "start",
        "startdatum",
        "zeitraum von",
        "zeitraum/beginn",
        "zeitraum: beginn",
        "laufzeit von",
        "laufzeit ab",
        "beginn der umsetzung",
        "ab wann",
        "umsetzung ab",
        "umsetzungszeitraum von");
    alias(
        END,
        "ende",
        "umsetzung/fortlaufend",
        "umsetzung bis",
        "umsetzungsende",
        "laufzeit bis",
        "enddatum",
        "zeitraum bis",
        "zeitraum/ende",
        "zeitraum: ende",
        "ende der umsetzung",
        "bis wann",
        "abschluss",
        "umsetzungszeitraum bis",
        "zieltermin",
        "termin");
    alias(
        COMMUNICATION,
        "kommunikation",
        "kommunikation/öffentlichkeit",
        "öffentlichkeitsarbeit",
        "berichtet an",
        "gremium");
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
    // "Zeitraum: Beginn", "Beginn (Monat/Jahr)", "Ende (geplant)": the word before a bracket
    String bare = key.replaceAll("\\s*\\(.*\\)$", "").strip();
    if (!bare.equals(key) && ALIASES.containsKey(bare)) {
      return ALIASES.get(bare);
    }
    return null;
  }

  /** The spellings every tenant has plus a tenant's own (label as written → canonical field). */
  record Labels(Map<String, String> own) {
    static final Labels BUILT_IN = new Labels(Map.of());

    Labels {
      Map<String, String> normalised = new LinkedHashMap<>();
      own.forEach((k, v) -> normalised.put(normalise(k), v));
      own = Map.copyOf(normalised);
    }

    String canonical(String label) {
      String mine = own.get(normalise(label));
      return mine != null ? mine : ImportFields.canonical(label);
    }
  }

  /** Every canonical field a label can be mapped to (for a tenant's own spellings). */
  static List<String> fields() {
    java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(MEASURE_FIELDS);
    all.addAll(GOAL_FIELDS);
    return List.copyOf(all);
  }

  /** The built-in dictionary: spelling → canonical field (documented in doc/import-labels.md). */
  static Map<String, String> builtIn() {
    return java.util.Collections.unmodifiableMap(ALIASES);
  }

  /** Lower case, Unicode-normalised, no trailing colon, no blanks around slashes, single blanks. */
  static String normalise(String label) {
    String s = Normalizer.normalize(label, Normalizer.Form.NFC).toLowerCase(Locale.GERMAN).strip();
    s = s.replaceAll("[:.?]+$", "").strip();
    s = s.replaceAll("\\s*/\\s*", "/").replaceAll("\\s+", " ");
    return s;
  }
}
