package de.lagebild.identity.internal.audit;

import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * German labels for what the audit log stores as field names and codes: {@code review} becomes
 * „Prüfung“, {@code SUBMITTED} „eingereicht“, {@code true} „ja“. Field labels are {@code
 * audit.field.<name>}; value labels {@code audit.value.<field>.<value>} (when a code means
 * something else in one field) or {@code audit.value.<value>}; roles use {@code role.<ROLE>}.
 */
@Component
public class AuditLabels {

  /** What looks like a code (upper case with underscores) rather than a text someone typed. */
  public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

  private static final Locale GERMAN = Locale.GERMAN;

  /** Fields whose values someone typed: never read as codes, even when written in capitals. */
  static final java.util.Set<String> TYPED =
      java.util.Set.of(
          "name",
          "shortName",
          "code",
          "slug",
          "username",
          "displayName",
          "email",
          "title",
          "officialKey",
          "key",
          "description",
          "comment",
          "label",
          "symbol",
          "round");

  private final MessageSource messages;

  AuditLabels(MessageSource messages) {
    this.messages = messages;
  }

  /** The field's German label, or {@code null} when there is none. */
  public String fieldOrNull(String field) {
    return messages.getMessage("audit.field." + field, null, null, GERMAN);
  }

  public String field(String field) {
    String label = fieldOrNull(field);
    return label != null ? label : field;
  }

  /** The value's German label, or {@code null} when it is a code without a label. */
  public String valueOrNull(String field, Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof java.util.Collection<?> list) {
      java.util.List<String> parts = new java.util.ArrayList<>();
      for (Object o : list) {
        String part = valueOrNull(field, o);
        if (part == null) {
          return null;
        }
        parts.add(part);
      }
      return String.join(", ", parts);
    }
    String text = String.valueOf(value);
    if (text.isEmpty()) {
      return messages.getMessage("audit.value.empty", null, "–", GERMAN);
    }
    if ("role".equals(field)) {
      return messages.getMessage("role." + text, null, text, GERMAN);
    }
    String specific = messages.getMessage("audit.value." + field + "." + text, null, null, GERMAN);
    if (specific != null) {
      return specific;
    }
    if (value instanceof Boolean || "true".equals(text) || "false".equals(text)) {
      return messages.getMessage("common." + ("true".equals(text) ? "yes" : "no"), null, GERMAN);
    }
    if (CODE.matcher(text).matches() && !TYPED.contains(field)) {
      return messages.getMessage("audit.value." + text, null, null, GERMAN);
    }
    return text;
  }

  public String value(String field, Object value) {
    String label = valueOrNull(field, value);
    return label != null ? label : String.valueOf(value);
  }
}
