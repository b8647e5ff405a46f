package de.lagebild.state.internal;

import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * A spine chart of one Kreis as inline SVG: per indicator a row centred on the reference (the Land
 * value), the range of all Kreise as a light bar, the middle half (quartiles) darker, the median as
 * a tick and the Kreis as a circle coloured by its verdict. The scale of each row is symmetric
 * around the reference, so left and right read "below" and "above" the Land. Each row has a {@code
 * <title>} with the figures; the table beside the chart holds the same.
 */
final class SpineChart {

  static final int WIDTH = 780;
  static final int LABELS = 260;
  static final int ROW = 26;

  private SpineChart() {}

  static String svg(List<DistrictComparison.Row> rows, String kreisKey, String ariaLabel) {
    int height = rows.size() * ROW + 4;
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"spine-chart\" role=\"img\""
                + " viewBox=\"0 0 %d %d\" aria-label=\"%s\">",
            WIDTH,
            height,
            HtmlUtils.htmlEscape(ariaLabel)));
    double centre = LABELS + (WIDTH - LABELS) / 2.0;

    for (int i = 0; i < rows.size(); i++) {
      DistrictComparison.Row r = rows.get(i);
      double y = 2 + i * ROW;
      Comparison.Spread sp = r.spread();
      DistrictComparison.Cell cell = r.cellOf(kreisKey).orElse(null);
      StringBuilder title = new StringBuilder(r.indicator().name());
      if (cell != null && cell.formatted() != null) {
        title.append(": ").append(cell.formatted());
      }
      s.append("<g><title>").append(HtmlUtils.htmlEscape(title.toString())).append("</title>");
      String label = r.indicator().name();
      if (label.length() > 38) {
        label = label.substring(0, 37) + "…";
      }
      s.append(
              String.format(
                  Locale.ROOT,
                  "<text x=\"0\" y=\"%.1f\" font-size=\"12\" fill=\"#1a1a1a\">",
                  y + 16))
          .append(HtmlUtils.htmlEscape(label))
          .append("</text>");
      if (r.reference() != null && sp.min() != null) {
        double ref = r.reference();
        double half = Math.max(Math.abs(sp.max() - ref), Math.abs(ref - sp.min()));
        if (cell != null && cell.value() != null) {
          half = Math.max(half, Math.abs(cell.value() - ref));
        }
        if (half == 0) {
          half = 1;
        }
        double scale = ((WIDTH - LABELS) / 2.0 - 12) / half;
        rect(
            s,
            centre + (sp.min() - ref) * scale,
            centre + (sp.max() - ref) * scale,
            y + 7,
            10,
            "#d9d9d9");
        rect(
            s,
            centre + (sp.q1() - ref) * scale,
            centre + (sp.q3() - ref) * scale,
            y + 7,
            10,
            "#8c8c8c");
        double m = centre + (sp.median() - ref) * scale;
        s.append(
            String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ffffff\" stroke-width=\"2\"/>",
                m,
                y + 6,
                m,
                y + 18));
        if (cell != null && cell.value() != null) {
          double x = centre + (cell.value() - ref) * scale;
          s.append(
              String.format(
                  Locale.ROOT,
                  "<circle class=\"tone-%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"7\" stroke=\"#1a1a1a\" stroke-width=\"1\"/>",
                  cell.verdict().tone(),
                  x,
                  y + 12));
        }
      }
      s.append("</g>");
    }
    s.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" stroke=\"#1a1a1a\" stroke-width=\"1.5\"/>",
            centre,
            centre,
            height));
    s.append("</svg>");
    return s.toString();
  }

  private static void rect(StringBuilder s, double x1, double x2, double y, double h, String fill) {
    s.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
            Math.min(x1, x2),
            y,
            Math.max(1, Math.abs(x2 - x1)),
            h,
            fill));
  }
}
