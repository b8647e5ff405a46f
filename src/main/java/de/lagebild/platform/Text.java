package de.lagebild.platform;

/** Small rules for text that users type into forms and files. */
public final class Text {

  private Text() {}

  /** The text without surrounding white space, or null when nothing is left. */
  public static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** The text, or the empty string for null. */
  public static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
