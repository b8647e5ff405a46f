package de.lagebild.catalogue.internal.offers;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/** German labels used outside templates (PDF brochure, e-mails, HSDS export). */
public final class Labels {

  private static final Map<String, String> LANGUAGES =
      Map.ofEntries(
          Map.entry("de", "Deutsch"),
          Map.entry("en", "Englisch"),
          Map.entry("ar", "Arabisch"),
          Map.entry("uk", "Ukrainisch"),
          Map.entry("ru", "Russisch"),
          Map.entry("tr", "Türkisch"),
          Map.entry("fa", "Persisch (Farsi/Dari)"),
          Map.entry("ps", "Paschtu"),
          Map.entry("ku", "Kurdisch"),
          Map.entry("ti", "Tigrinya"),
          Map.entry("pl", "Polnisch"),
          Map.entry("ro", "Rumänisch"),
          Map.entry("bg", "Bulgarisch"),
          Map.entry("fr", "Französisch"),
          Map.entry("es", "Spanisch"),
          Map.entry("vi", "Vietnamesisch"),
          Map.entry("sq", "Albanisch"),
          Map.entry("gsg", "Deutsche Gebärdensprache"));

  private static final Map<String, String> GROUPS =
      Map.ofEntries(
          Map.entry("ALLE", "alle"),
          Map.entry("KINDER", "Kinder"),
          Map.entry("JUGENDLICHE", "Jugendliche"),
          Map.entry("FAMILIEN", "Familien"),
          Map.entry("ALLEINERZIEHENDE", "Alleinerziehende"),
          Map.entry("SCHWANGERE", "Schwangere"),
          Map.entry("SENIOREN", "Senioren"),
          Map.entry("PFLEGENDE", "pflegende Angehörige"),
          Map.entry("BEHINDERUNG", "Menschen mit Behinderung"),
          Map.entry("MIGRATION", "Migration"),
          Map.entry("GEFLUECHTETE", "Geflüchtete"),
          Map.entry("ARBEITSUCHENDE", "Arbeitsuchende"),
          Map.entry("FRAUEN", "Frauen"),
          Map.entry("MAENNER", "Männer"),
          Map.entry("WOHNUNGSLOSE", "Wohnungslose"));

  private static final ResourceBundle MESSAGES =
      ResourceBundle.getBundle("messages/catalogue", Locale.GERMAN);

  private Labels() {}

  public static String group(String code) {
    return GROUPS.getOrDefault(code, code);
  }

  /** The German label of a form field (for problems outside a request: imports). */
  public static String fieldLabel(String field) {
    String key = "catalogue.field." + field;
    return MESSAGES.containsKey(key) ? MESSAGES.getString(key) : field;
  }

  /** A rule's problem as a German sentence. */
  public static String problem(OfferRules.Problem p) {
    String pattern =
        MESSAGES.containsKey(p.messageKey()) ? MESSAGES.getString(p.messageKey()) : p.messageKey();
    return new MessageFormat(pattern.replace("'", "''"), Locale.GERMAN)
        .format(new Object[] {p.detail()});
  }

  public static String language(String code) {
    return LANGUAGES.getOrDefault(code, code);
  }

  /**
   * Stored (sanitised) HTML as text to edit: paragraphs separated by blank lines, list items as "-
   * ".
   */
  public static String editable(String html) {
    if (html == null) {
      return "";
    }
    String t =
        html.replaceAll("(?i)</p>\\s*", "\n\n")
            .replaceAll("(?i)<br\\s*/?>", "\n")
            .replaceAll("(?i)<li>", "- ")
            .replaceAll("(?i)</li>", "\n")
            .replaceAll("<[^>]+>", "");
    return t.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .strip();
  }

  public static String day(int weekday) {
    return weekday >= 1 && weekday <= 7 ? Schedules.DAYS[weekday - 1] : "–";
  }

  public static String cost(String cost) {
    return switch (cost == null ? "" : cost) {
      case "FREE" -> "kostenlos";
      case "FEE" -> "kostenpflichtig";
      case "ON_REQUEST" -> "auf Anfrage";
      default -> "–";
    };
  }

  public static String ages(Integer from, Integer to) {
    if (from == null && to == null) {
      return "alle Altersgruppen";
    }
    if (from == null) {
      return "bis " + to + " Jahre";
    }
    if (to == null || to >= 99) {
      return "ab " + from + " Jahren";
    }
    return from + " bis " + to + " Jahre";
  }
}
