package de.lagebild.atlas.internal.maps;

import static de.lagebild.atlas.internal.maps.ValueFormat.format;

import de.lagebild.atlas.internal.maps.MapViews.MapRow;
import de.lagebild.atlas.internal.maps.MapViews.MapView;
import de.lagebild.atlas.internal.store.AtlasRows.AreaRow;
import de.lagebild.atlas.internal.store.AtlasRows.IndicatorRow;
import de.lagebild.atlas.internal.store.AtlasRows.ValueRow;
import de.lagebild.atlas.internal.store.Periods;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Charts drawn on the server as accessible SVG: the time series' lines and the ranking's bars. */
final class Charts {

  static final String[] SERIES_COLOURS = {"#045a8d", "#b30000", "#1e6b34", "#6a4c93"};
  static final String[] SERIES_DASHES = {"", "6 3", "2 3", "8 3 2 3"};

  private Charts() {}

  /**
   * A line chart as SVG (drawn on the server; lines differ by colour and dash, points carry
   * titles).
   */
  static String series(
      IndicatorRow indicator, List<AreaRow> areas, List<String> periods, List<ValueRow> values) {
    double[] numbers =
        values.stream()
            .filter(v -> v.value() != null)
            .mapToDouble(v -> v.value().doubleValue())
            .toArray();
    if (numbers.length == 0 || areas.isEmpty()) {
      return null;
    }
    double min = Arrays.stream(numbers).min().orElse(0);
    double max = Arrays.stream(numbers).max().orElse(1);
    if (min > 0 && min < max * 0.5) {
      min = 0;
    }
    if (max == min) {
      max = min + 1;
    }
    int w = 640;
    int h = 260;
    int left = 60;
    int bottom = 40;
    StringBuilder s =
        new StringBuilder(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
                + w
                + " "
                + (h + 20)
                + "\" class=\"series-chart\" role=\"img\" aria-label=\"Zeitreihe; die Werte stehen in der Tabelle\">");
    for (int t = 0; t <= 4; t++) {
      double v = min + (max - min) * t / 4;
      double y = h - bottom - (h - bottom - 10) * t / 4.0;
      s.append("<line x1=\"")
          .append(left)
          .append("\" x2=\"")
          .append(w - 10)
          .append("\" y1=\"")
          .append(y)
          .append("\" y2=\"")
          .append(y)
          .append("\" stroke=\"#d0d4d9\"/><text x=\"")
          .append(left - 6)
          .append("\" y=\"")
          .append(y + 4)
          .append("\" font-size=\"11\" text-anchor=\"end\">")
          .append(format(v, indicator.decimals()))
          .append("</text>");
    }
    int n = Math.max(1, periods.size() - 1);
    for (int i = 0; i < periods.size(); i++) {
      double x = left + (w - left - 20) * (periods.size() == 1 ? 0.5 : i / (double) n);
      s.append("<text x=\"")
          .append(x)
          .append("\" y=\"")
          .append(h - bottom + 18)
          .append("\" font-size=\"11\" text-anchor=\"middle\">")
          .append(escape(Periods.label(periods.get(i))))
          .append("</text>");
    }
    for (int a = 0; a < areas.size(); a++) {
      AreaRow area = areas.get(a);
      StringBuilder d = new StringBuilder();
      StringBuilder dots = new StringBuilder();
      for (int i = 0; i < periods.size(); i++) {
        String p = periods.get(i);
        ValueRow v =
            values.stream()
                .filter(
                    x -> x.period().equals(p) && x.areaId().equals(area.id()) && x.value() != null)
                .findFirst()
                .orElse(null);
        if (v == null) {
          continue;
        }
        double x = left + (w - left - 20) * (periods.size() == 1 ? 0.5 : i / (double) n);
        double y = h - bottom - (h - bottom - 10) * (v.value().doubleValue() - min) / (max - min);
        d.append(d.length() == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
        dots.append("<circle cx=\"")
            .append(String.format(Locale.ROOT, "%.1f", x))
            .append("\" cy=\"")
            .append(String.format(Locale.ROOT, "%.1f", y))
            .append("\" r=\"4\" fill=\"")
            .append(SERIES_COLOURS[a])
            .append("\"><title>")
            .append(escape(area.name() + ", " + Periods.label(p) + ": " + format(v, indicator)))
            .append("</title></circle>");
      }
      s.append("<path fill=\"none\" stroke-width=\"2.5\" stroke=\"")
          .append(SERIES_COLOURS[a])
          .append('"');
      if (!SERIES_DASHES[a].isEmpty()) {
        s.append(" stroke-dasharray=\"").append(SERIES_DASHES[a]).append('"');
      }
      s.append(" d=\"").append(d).append("\"/>").append(dots);
      s.append("<text x=\"")
          .append(left + a * 150)
          .append("\" y=\"")
          .append(h + 14)
          .append("\" font-size=\"12\" fill=\"")
          .append(SERIES_COLOURS[a])
          .append("\">")
          .append(a == 0 ? "━ " : a == 1 ? "╍ " : a == 2 ? "┅ " : "┉ ")
          .append(escape(area.name()))
          .append("</text>");
    }
    return s.append("</svg>").toString();
  }

  /**
   * The ranking as a horizontal bar chart (SVG drawn on the server): one bar per area with a
   * figure, longest first, in its class colour with a dark outline (so light classes stay visible),
   * the figure written beside each bar. The ranked table beside the map holds the same numbers.
   */
  static String ranking(MapView map) {
    List<MapRow> ranked =
        map.rows().stream()
            .filter(r -> r.rank() != null && r.value() != null && r.value().value() != null)
            .toList();
    if (ranked.isEmpty()) {
      return null;
    }
    double max = ranked.stream().mapToDouble(r -> r.value().value().doubleValue()).max().orElse(1);
    double min =
        Math.min(
            0, ranked.stream().mapToDouble(r -> r.value().value().doubleValue()).min().orElse(0));
    int bar = 18;
    int gap = 6;
    int left = 210;
    int width = 640;
    int plot = width - left - 90;
    int height = ranked.size() * (bar + gap) + 10;
    StringBuilder s =
        new StringBuilder(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
                + width
                + " "
                + height
                + "\" class=\"ranking-chart\" role=\"img\" aria-label=\"Rangfolge als Balken; die Werte stehen in "
                + "der Tabelle\">");
    double span = Math.max(1e-9, max - min);
    double zero = left + (0 - min) / span * plot;
    for (int i = 0; i < ranked.size(); i++) {
      MapRow r = ranked.get(i);
      double v = r.value().value().doubleValue();
      double x1 = Math.min(zero, left + (v - min) / span * plot);
      double x2 = Math.max(zero, left + (v - min) / span * plot);
      int y = 5 + i * (bar + gap);
      s.append("<text x=\"")
          .append(left - 8)
          .append("\" y=\"")
          .append(y + 13)
          .append("\" text-anchor=\"end\" font-size=\"12\">")
          .append(escape(r.rank() + ". " + r.area().name()))
          .append("</text><rect x=\"")
          .append(String.format(Locale.ROOT, "%.1f", x1))
          .append("\" y=\"")
          .append(y)
          .append("\" width=\"")
          .append(String.format(Locale.ROOT, "%.1f", Math.max(1, x2 - x1)))
          .append("\" height=\"")
          .append(bar)
          .append("\" fill=\"")
          .append(r.colour())
          .append("\" stroke=\"#333333\" stroke-width=\"0.8\"><title>")
          .append(escape(r.area().name() + ": " + r.formatted()))
          .append("</title></rect><text x=\"")
          .append(String.format(Locale.ROOT, "%.1f", x2 + 6))
          .append("\" y=\"")
          .append(y + 13)
          .append("\" font-size=\"12\">")
          .append(escape(r.formatted()))
          .append("</text>");
    }
    return s.append("</svg>").toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
