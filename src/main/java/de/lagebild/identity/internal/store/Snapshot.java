package de.lagebild.identity.internal.store;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds before/after maps for the audit log; keeps nulls and order. */
public final class Snapshot {
  private final Map<String, Object> values = new LinkedHashMap<>();

  public static Snapshot of(String key, Object value) {
    return new Snapshot().and(key, value);
  }

  public Snapshot and(String key, Object value) {
    values.put(key, value == null ? null : String.valueOf(value));
    return this;
  }

  public Map<String, Object> map() {
    return values;
  }
}
