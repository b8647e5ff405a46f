package de.lagebild.planning.internal.needs;

import de.lagebild.planning.internal.FormValues;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.LifeSituation;
import de.lagebild.platform.Text;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The filter of the need list read from request parameters, and written back as a query. */
final class NeedFilters {

  private NeedFilters() {}

  static NeedRepository.Filter of(
      String status, String area, String lifeSituation, String source, String goal, String text) {
    return new NeedRepository.Filter(
        FormValues.optional(Need.Status.class, status, "need.status.invalid"),
        FormValues.id(area),
        lifeSituation(lifeSituation),
        FormValues.optional(Need.SourceKind.class, source, "need.sourceKind.invalid"),
        FormValues.id(goal),
        Text.blankToNull(text));
  }

  /** "status=TAKEN_UP&gebiet=…" for links to the same list and its exports ("" when unfiltered). */
  static String query(NeedRepository.Filter f) {
    List<String> parts = new ArrayList<>();
    add(parts, "status", f.status() == null ? null : f.status().name());
    add(parts, "gebiet", f.area() == null ? null : f.area().toString());
    add(parts, "lebenslage", f.lifeSituation());
    add(parts, "quelle", f.sourceKind() == null ? null : f.sourceKind().name());
    add(parts, "suche", f.text());
    return String.join("&", parts);
  }

  private static void add(List<String> parts, String name, String value) {
    if (value != null) {
      parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }

  private static String lifeSituation(String value) {
    String v = Text.blankToNull(value);
    if (v != null && !LifeSituation.codes().contains(v)) {
      throw new DomainException("need.lifeSituation.unknown", v);
    }
    return v;
  }
}
