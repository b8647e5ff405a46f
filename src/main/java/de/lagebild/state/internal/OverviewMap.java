package de.lagebild.state.internal;

import de.lagebild.atlas.AreaLookup.AreaShape;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.springframework.web.util.HtmlUtils;

/**
 * The overview map: the Kreise of the Land's own atlas as an inline SVG, each filled by what its
 * district shares (decided strategy, draft, none, not shared; Kreise without a member tenant
 * white), each with a {@code <title>} naming it and its state. The table beside it carries the same
 * information; the map is one picture ({@code role="img"}).
 */
final class OverviewMap {

  static final Map<String, String> FILL =
      Map.of(
          "DECIDED", "#1b7837",
          "DRAFT", "#f1a340",
          "NO_STRATEGY", "#c7c7c7",
          "NOT_SHARED", "#6e6e6e",
          "OUTSIDE", "#ffffff");

  private OverviewMap() {}

  /**
   * The SVG, or null when the Land's atlas has no Kreise with outlines. {@code categoryOf} gives a
   * Kreis's category and label by its official key (5 digits), null for Kreise without a member.
   */
  static String svg(
      List<AreaShape> kreise, Function<String, String[]> categoryOf, String ariaLabel) {
    if (kreise.isEmpty()) {
      return null;
    }
    Envelope all = new Envelope();
    kreise.forEach(k -> all.expandToInclude(k.outline().getEnvelopeInternal()));
    double cos = Math.cos(Math.toRadians((all.getMinY() + all.getMaxY()) / 2));
    double width = 600;
    double scale = width / (all.getWidth() * cos);
    double height = all.getHeight() * scale;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"state-map\" role=\"img\""
                + " viewBox=\"0 0 %.0f %.0f\" aria-label=\"%s\">",
            width + 4,
            height + 4,
            HtmlUtils.htmlEscape(ariaLabel)));
    for (AreaShape k : kreise) {
      String key = k.area().key() == null ? "" : k.area().key();
      String[] c = categoryOf.apply(key.length() >= 5 ? key.substring(0, 5) : key);
      String category = c == null ? "OUTSIDE" : c[0];
      String label = k.area().name() + (c == null ? "" : ": " + c[1]);
      Geometry g = TopologyPreservingSimplifier.simplify(k.outline(), 0.5 / scale);
      StringBuilder d = new StringBuilder();
      for (int i = 0; i < g.getNumGeometries(); i++) {
        if (g.getGeometryN(i) instanceof Polygon p) {
          ring(d, p.getExteriorRing().getCoordinates(), all, cos, scale);
          for (int h = 0; h < p.getNumInteriorRing(); h++) {
            ring(d, p.getInteriorRingN(h).getCoordinates(), all, cos, scale);
          }
        }
      }
      svg.append("<path class=\"kreis kreis-")
          .append(category.toLowerCase(Locale.ROOT).replace('_', '-'))
          .append("\" fill=\"")
          .append(FILL.get(category))
          .append("\" stroke=\"#333333\" stroke-width=\"0.8\" fill-rule=\"evenodd\" d=\"")
          .append(d)
          .append("\"><title>")
          .append(HtmlUtils.htmlEscape(label))
          .append("</title></path>");
    }
    svg.append("</svg>");
    return svg.toString();
  }

  private static void ring(
      StringBuilder d, Coordinate[] cs, Envelope all, double cos, double scale) {
    for (int i = 0; i < cs.length; i++) {
      double x = 2 + (cs[i].x - all.getMinX()) * cos * scale;
      double y = 2 + (all.getMaxY() - cs[i].y) * scale;
      d.append(i == 0 ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
    }
    d.append('Z');
  }
}
