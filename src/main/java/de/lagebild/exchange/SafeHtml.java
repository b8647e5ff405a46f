package de.lagebild.exchange;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Narrative texts (assessments, descriptions) may carry paragraphs, lists, emphasis and links –
 * nothing that runs. Everything else is removed; plain text with line breaks becomes paragraphs.
 */
public final class SafeHtml {

  private static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements("p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "u", "a")
          .allowUrlProtocols("https", "http", "mailto")
          .allowAttributes("href")
          .onElements("a")
          .requireRelNofollowOnLinks()
          .toFactory();

  private SafeHtml() {}

  public static String sanitize(String input) {
    if (input == null || input.isBlank()) {
      return null;
    }
    String text = input.strip();
    if (!BLOCKS.matcher(text).find()) {
      // plain text or inline markup only: blank lines separate paragraphs, single breaks stay
      // breaks
      StringBuilder sb = new StringBuilder();
      for (String paragraph : text.split("\\r?\\n\\s*\\r?\\n")) {
        if (!paragraph.isBlank()) {
          sb.append("<p>").append(paragraph.strip().replaceAll("\\r?\\n", "<br>")).append("</p>");
        }
      }
      text = sb.toString();
    }
    String clean = POLICY.sanitize(text.replaceAll("\\r?\\n", " "));
    return clean.isBlank() ? null : clean;
  }

  private static final Pattern BLOCKS =
      Pattern.compile("<\\s*(p|ul|ol|li|br)\\b", Pattern.CASE_INSENSITIVE);

  public static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
