package de.lagebild.catalogue.internal;

import java.util.Map;

/** German labels used outside templates (PDF brochure, e-mails, HSDS export). */
public final class Labels {

  private static final Map<String, String> LANGUAGES = Map.ofEntries(Map.entry("de", "Deutsch"),
      Map.entry("en", "Englisch"), Map.entry("ar", "Arabisch"), Map.entry("uk", "Ukrainisch"),
      Map.entry("ru", "Russisch"), Map.entry("tr", "Türkisch"), Map.entry("fa", "Persisch (Farsi/Dari)"),
      Map.entry("ps", "Paschtu"), Map.entry("ku", "Kurdisch"), Map.entry("ti", "Tigrinya"), Map.entry("pl", "Polnisch"),
      Map.entry("ro", "Rumänisch"), Map.entry("bg", "Bulgarisch"), Map.entry("fr", "Französisch"),
      Map.entry("es", "Spanisch"), Map.entry("vi", "Vietnamesisch"), Map.entry("sq", "Albanisch"),
      Map.entry("gsg", "Deutsche Gebärdensprache"));

  private Labels() {
  }

  public static String language(String code) {
    return LANGUAGES.getOrDefault(code, code);
  }

  /** Stored (sanitised) HTML as text to edit: paragraphs separated by blank lines, list items as "- ". */
  public static String editable(String html) {
    if (html == null) {
      return "";
    }
    String t = html.replaceAll("(?i)</p>\\s*", "\n\n").replaceAll("(?i)<br\\s*/?>", "\n")
        .replaceAll("(?i)<li>", "- ").replaceAll("(?i)</li>", "\n").replaceAll("<[^>]+>", "");
    return t.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#34;", "\"")
        .replace("&#39;", "'").replace("&nbsp;", " ").replace("&amp;", "&").strip();
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
