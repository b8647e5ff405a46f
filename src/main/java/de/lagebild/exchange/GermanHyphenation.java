package de.lagebild.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * German hyphenation by Frank Liang's algorithm with the TeX patterns for German ({@code
 * hyphenation/de.txt}, see its SOURCES.md): inserts soft hyphens (U+00AD) where a long word may be
 * broken, so that narrow table columns in PDFs break „Gesundheits-berichterstattung“ instead of
 * „Gesu|ndheitsberichterstattung“. Words shorter than {@value #MIN_WORD} letters stay as they are;
 * at least two letters stay on each side of a break.
 */
public final class GermanHyphenation {

  public static final char SOFT_HYPHEN = '\u00AD';
  static final int MIN_WORD = 8;

  /** In headings only words this long break („Thü-ringen“ in a title reads badly). */
  static final int MIN_HEADING_WORD = 16;

  private static final int LEFT_MIN = 2;
  private static final int RIGHT_MIN = 2;

  private static final Map<String, int[]> PATTERNS = new HashMap<>(40_000);
  private static int maxPattern;

  /** Own stems with their breaks (hyphenation/de-own.txt), longest first. */
  private static final java.util.List<String> STEMS = new java.util.ArrayList<>();

  static {
    try (InputStream in = GermanHyphenation.class.getResourceAsStream("/hyphenation/de-own.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      r.lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .forEach(STEMS::add);
      STEMS.sort(java.util.Comparator.comparingInt(String::length).reversed());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static {
    try (InputStream in = GermanHyphenation.class.getResourceAsStream("/hyphenation/de.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        line = line.strip();
        if (!line.isEmpty()) {
          add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private GermanHyphenation() {}

  private static void add(String pattern) {
    StringBuilder letters = new StringBuilder();
    int[] values = new int[pattern.length() + 1];
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (Character.isDigit(c)) {
        values[letters.length()] = c - '0';
      } else {
        letters.append(c);
      }
    }
    int[] v = new int[letters.length() + 1];
    System.arraycopy(values, 0, v, 0, v.length);
    PATTERNS.put(letters.toString(), v);
    maxPattern = Math.max(maxPattern, letters.length());
  }

  /** The word with soft hyphens at its break points (unchanged when short or not all letters). */
  public static String word(String word) {
    int n = word.length();
    if (n < MIN_WORD) {
      return word;
    }
    for (int i = 0; i < n; i++) {
      if (!Character.isLetter(word.charAt(i))) {
        return word;
      }
    }
    String lower = word.toLowerCase(Locale.GERMAN);
    for (String stem : STEMS) {
      String plain = stem.replace("-", "").toLowerCase(Locale.GERMAN);
      if (lower.startsWith(plain) && lower.length() == word.length()) {
        StringBuilder out = new StringBuilder();
        int w = 0;
        for (char c : stem.toCharArray()) {
          if (c == '-') {
            out.append(SOFT_HYPHEN);
          } else {
            out.append(word.charAt(w++));
          }
        }
        String rest = word.substring(w);
        if (rest.length() >= RIGHT_MIN) {
          out.append(SOFT_HYPHEN).append(rest.length() >= MIN_WORD ? word(rest) : rest);
        } else {
          out.append(rest);
        }
        return out.toString();
      }
    }
    String s = "." + lower + ".";
    if (s.length() != n + 2) {
      return word; // a letter whose lower case is longer (rare): leave the word alone
    }
    int[] points = new int[s.length() + 1];
    for (int i = 0; i < s.length(); i++) {
      for (int j = i + 1; j <= Math.min(s.length(), i + maxPattern); j++) {
        int[] v = PATTERNS.get(s.substring(i, j));
        if (v != null) {
          for (int k = 0; k < v.length; k++) {
            points[i + k] = Math.max(points[i + k], v[k]);
          }
        }
      }
    }
    StringBuilder out = new StringBuilder(n + 8);
    for (int m = 0; m < n; m++) {
      // a break before word[m] is the position between s[m] and s[m + 1]
      if (m >= LEFT_MIN && m <= n - RIGHT_MIN && (points[m + 1] & 1) == 1) {
        out.append(SOFT_HYPHEN);
      }
      out.append(word.charAt(m));
    }
    return out.toString();
  }

  /** Plain text: every long word hyphenated. */
  public static String text(String text) {
    return text(text, MIN_WORD);
  }

  /**
   * Plain text: only words of at least {@code minLength} letters hyphenated (for headings and
   * cards, where only very long compounds overflow).
   */
  public static String text(String text, int minLength) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    int i = 0;
    while (i < text.length()) {
      // e-mail addresses and web addresses stay as they are (copied from the PDF, they must work)
      if (!Character.isWhitespace(text.charAt(i))) {
        int end = i;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
          end++;
        }
        String token = text.substring(i, end);
        if (token.contains("@") || token.contains("://") || token.startsWith("www.")) {
          out.append(token);
          i = end;
          continue;
        }
      }
      int start = i;
      while (i < text.length() && Character.isLetter(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.append(
            i - start >= minLength ? word(text.substring(start, i)) : text.substring(start, i));
      }
      if (i < text.length()) {
        out.append(text.charAt(i));
        i++;
      }
    }
    return out.toString();
  }

  /**
   * XHTML: the text between tags hyphenated; tags, attributes, entities and the contents of {@code
   * head}, {@code style} and {@code script} untouched; in headings only very long words.
   */
  public static String html(String xhtml) {
    StringBuilder out = new StringBuilder(xhtml.length() + xhtml.length() / 20);
    int i = 0;
    int n = xhtml.length();
    boolean skip = false;
    boolean heading = false;
    while (i < n) {
      char c = xhtml.charAt(i);
      if (c == '<') {
        int end = xhtml.indexOf('>', i);
        if (end < 0) {
          out.append(xhtml, i, n);
          break;
        }
        String tag = xhtml.substring(i, end + 1);
        String name = tag.replaceAll("^</?([a-zA-Z0-9]+).*$", "$1").toLowerCase(Locale.ROOT);
        if (name.equals("head") || name.equals("style") || name.equals("script")) {
          skip = !tag.startsWith("</");
        }
        if (name.matches("h[1-6]")) {
          heading = !tag.startsWith("</");
        }
        out.append(tag);
        i = end + 1;
      } else if (c == '&') {
        int end = xhtml.indexOf(';', i);
        if (end < 0 || end - i > 12) {
          out.append(c);
          i++;
        } else {
          out.append(xhtml, i, end + 1);
          i = end + 1;
        }
      } else {
        int start = i;
        while (i < n && xhtml.charAt(i) != '<' && xhtml.charAt(i) != '&') {
          i++;
        }
        String run = xhtml.substring(start, i);
        out.append(skip ? run : text(run, heading ? MIN_HEADING_WORD : MIN_WORD));
      }
    }
    return out.toString();
  }
}
