package de.lagebild.planning.internal;

import de.lagebild.platform.DomainException;
import de.lagebild.platform.Text;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reading the planning forms' and filters' values: parameters as sent (a repeated field as the list
 * of its values – never split at commas, as binding to a list would), choices among an enum's names
 * and ids, each refused with a German message naming the value.
 */
public final class FormValues {

  private FormValues() {}

  public static String one(Map<String, String[]> p, String name) {
    String[] v = p.get(name);
    return v == null || v.length == 0 ? null : v[0];
  }

  public static List<String> all(Map<String, String[]> p, String name) {
    String[] v = p.get(name);
    return v == null ? List.of() : List.of(v);
  }

  /** One of the enum's names; anything else (blank too) is refused with message {@code key}. */
  public static <E extends Enum<E>> E required(Class<E> type, String value, String key) {
    try {
      return Enum.valueOf(type, value == null ? "" : value.strip());
    } catch (IllegalArgumentException e) {
      throw new DomainException(key, String.valueOf(value));
    }
  }

  /** Like {@link #required}, but blank means none. */
  public static <E extends Enum<E>> E optional(Class<E> type, String value, String key) {
    return Text.blankToNull(value) == null ? null : required(type, value, key);
  }

  /** An id, blank means none. */
  public static UUID id(String value) {
    String v = Text.blankToNull(value);
    if (v == null) {
      return null;
    }
    try {
      return UUID.fromString(v.strip());
    } catch (IllegalArgumentException e) {
      throw new DomainException("need.invalidId", v);
    }
  }
}
