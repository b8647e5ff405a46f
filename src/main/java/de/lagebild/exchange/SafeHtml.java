package de.lagebild.exchange;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Narrative texts (assessments, descriptions) may carry paragraphs, lists, emphasis and links – nothing that runs.
 * Everything else is removed; plain text with line breaks becomes paragraphs.
 */
public final class SafeHtml {

  private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
      .allowElements("p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "u", "a")
      .allowUrlProtocols("https", "http", "mailto")
      .allowAttributes("href").onElements("a")
      .requireRelNofollowOnLinks()
      .toFactory();

  private SafeHtml() {}

  public static String sanitize(String input) {
    if (input == null || input.isBlank()) {
      return null;
    }
    String text = input.strip();
    if (!text.contains("<")) {
      StringBuilder sb = new StringBuilder();
      for (String paragraph : text.split("\\r?\\n\\s*\\r?\\n|\\r?\\n")) {
        if (!paragraph.isBlank()) {
          sb.append("<p>").append(escape(paragraph.strip())).append("</p>");
        }
      }
      return sb.toString();
    }
    String clean = POLICY.sanitize(text.replaceAll("\\r?\\n", "<br>"));
    return clean.isBlank() ? null : clean;
  }

  public static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
