package de.lagebild.atlas.internal.maps;

import de.lagebild.atlas.internal.store.AtlasRows;
import de.lagebild.platform.DomainException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The map's request parameters as the pages and the API take them: level, classification method,
 * own breaks.
 */
public final class MapParameters {

  private MapParameters() {}

  /**
   * The map level from its parameter ({@code kreis}, {@code gemeinde}, {@code sozialraum} …); null:
   * automatic.
   */
  public static AtlasRows.AreaType level(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return AtlasRows.AreaType.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new DomainException("atlas.levelUnknown", text);
    }
  }

  public static Classification.Method method(String text) {
    return switch (text == null ? "" : text.toLowerCase(Locale.ROOT)) {
      case "gleich", "equal" -> Classification.Method.EQUAL;
      case "jenks", "natuerlich" -> Classification.Method.JENKS;
      case "manuell", "manual" -> Classification.Method.MANUAL;
      default -> Classification.Method.QUANTILE;
    };
  }

  /**
   * Own class breaks, separated by semicolons, German or plain decimals; null when none are given.
   */
  public static double[] breaks(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Arrays.stream(text.split(";"))
          .map(s -> s.strip().replace(".", "").replace(',', '.'))
          .filter(s -> !s.isEmpty())
          .mapToDouble(Double::parseDouble)
          .toArray();
    } catch (NumberFormatException e) {
      throw new DomainException("atlas.breaksInvalid", text);
    }
  }
}
