package de.lagebild.atlas.internal.maps;

import de.lagebild.atlas.internal.store.AtlasRows.IndicatorRow;
import de.lagebild.atlas.internal.store.AtlasRows.ValueRow;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.Locale;

/**
 * German number formats of the atlas: values with their indicator's decimals and special values.
 */
public final class ValueFormat {

  private ValueFormat() {}

  public static String format(ValueRow v, IndicatorRow indicator) {
    if (v == null) {
      return "–";
    }
    if (v.special() != null) {
      return switch (v.special()) {
        case "-" -> "– (nichts vorhanden)";
        case "." -> ". (unbekannt oder geheim)";
        case "x" -> "x (nicht sinnvoll)";
        case "..." -> "… (noch nicht verfügbar)";
        case "/" -> "/ (nicht sicher genug)";
        default -> v.special();
      };
    }
    String s = format(v.value().doubleValue(), indicator.decimals());
    if (v.flags() != null && !v.flags().isEmpty()) {
      s += " " + v.flags();
    }
    return s;
  }

  public static String format(double v, int decimals) {
    NumberFormat f = NumberFormat.getNumberInstance(Locale.GERMANY);
    f.setMinimumFractionDigits(decimals);
    f.setMaximumFractionDigits(decimals);
    return f.format(v);
  }

  public static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
