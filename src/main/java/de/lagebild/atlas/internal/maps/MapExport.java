package de.lagebild.atlas.internal.maps;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A map as a standalone SVG (areas in their class colours, title, legend, attribution; each area
 * with a {@code <title>} naming it and its value) and its table as XLSX.
 */
final class MapExport {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private MapExport() {}

  /**
   * Areas with their rings, projected into a drawing 800 units wide (equirectangular, scaled by
   * latitude).
   */
  private record Layout(
      List<Object[]> shapes,
      double minX,
      double maxY,
      double sx,
      double cos,
      double width,
      double height,
      double top) {
    double x(double lon) {
      return 10 + (lon - minX) * sx * cos;
    }

    double y(double lat) {
      return top + (maxY - lat) * sx;
    }
  }

  private static Layout layout(MapViews.MapView map, Map<UUID, String> geometries) {
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    List<Object[]> shapes = new ArrayList<>();
    for (MapViews.MapRow r : map.rows()) {
      String g = geometries.get(r.area().id());
      if (g == null) {
        continue;
      }
      JsonNode geo = JSON.readTree(g);
      List<List<double[]>> rings = new ArrayList<>();
      List<JsonNode> polys = new ArrayList<>();
      if ("Polygon".equals(geo.path("type").asString())) {
        polys.add(geo.path("coordinates"));
      } else {
        geo.path("coordinates").forEach(polys::add);
      }
      for (JsonNode poly : polys) {
        for (JsonNode ring : poly) {
          List<double[]> pts = new ArrayList<>();
          for (JsonNode c : ring) {
            double x = c.path(0).asDouble();
            double y = c.path(1).asDouble();
            pts.add(new double[] {x, y});
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
          }
          rings.add(pts);
        }
      }
      shapes.add(new Object[] {r, rings});
    }
    double width = 800;
    double cos = Math.cos(Math.toRadians((minY + maxY) / 2));
    double sx = width / Math.max(1e-9, (maxX - minX) * cos);
    double height = Math.max(1, (maxY - minY) * sx);
    return new Layout(shapes, minX, maxY, sx, cos, width, height, 60);
  }

  static String svg(MapViews.MapView map, Map<UUID, String> geometries, String attribution) {
    Layout lay = layout(map, geometries);
    List<Object[]> shapes = lay.shapes();
    double width = lay.width();
    double height = lay.height();
    double top = lay.top();
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append((int) width + 220)
        .append("\" height=\"")
        .append((int) (height + top + 60))
        .append("\" role=\"img\" aria-labelledby=\"t\" font-family=\"DejaVu Sans, sans-serif\">")
        .append("<title id=\"t\">")
        .append(esc(map.indicator().name() + ", Stand " + map.periodLabel()))
        .append("</title><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>")
        .append("<text x=\"10\" y=\"30\" font-size=\"18\" font-weight=\"bold\">")
        .append(esc(map.indicator().name()))
        .append("</text><text x=\"10\" y=\"50\" font-size=\"12\">Stand ")
        .append(esc(map.periodLabel()))
        .append(map.indicator().unit() == null ? "" : ", " + esc(map.indicator().unit()))
        .append("</text>");
    for (Object[] shape : shapes) {
      MapViews.MapRow r = (MapViews.MapRow) shape[0];
      @SuppressWarnings("unchecked")
      List<List<double[]>> rings = (List<List<double[]>>) shape[1];
      s.append("<path fill=\"")
          .append(r.colour())
          .append("\" stroke=\"#333333\" stroke-width=\"0.6\" fill-rule=\"evenodd\" d=\"");
      for (List<double[]> ring : rings) {
        for (int i = 0; i < ring.size(); i++) {
          double x = lay.x(ring.get(i)[0]);
          double y = lay.y(ring.get(i)[1]);
          s.append(i == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
        }
        s.append('Z');
      }
      s.append("\"><title>")
          .append(esc(r.area().name() + ": " + r.formatted()))
          .append("</title></path>");
    }
    double ly = top;
    s.append("<text x=\"")
        .append((int) width + 30)
        .append("\" y=\"")
        .append((int) ly)
        .append("\" font-size=\"13\" font-weight=\"bold\">Legende</text>");
    for (MapViews.Legend l : map.legend()) {
      ly += 22;
      s.append("<rect x=\"")
          .append((int) width + 30)
          .append("\" y=\"")
          .append((int) ly - 12)
          .append("\" width=\"22\" height=\"14\" stroke=\"#555\" fill=\"")
          .append(l.colour())
          .append("\"/>")
          .append("<text x=\"")
          .append((int) width + 58)
          .append("\" y=\"")
          .append((int) ly)
          .append("\" font-size=\"12\">")
          .append(esc(l.from() + " bis " + l.to()))
          .append("</text>");
    }
    ly += 22;
    s.append("<rect x=\"")
        .append((int) width + 30)
        .append("\" y=\"")
        .append((int) ly - 12)
        .append("\" width=\"22\" height=\"14\" stroke=\"#555\" fill=\"#ffffff\"/><text x=\"")
        .append((int) width + 58)
        .append("\" y=\"")
        .append((int) ly)
        .append("\" font-size=\"12\">keine Angabe</text>");
    s.append("<text x=\"10\" y=\"")
        .append((int) (height + top + 40))
        .append("\" font-size=\"10\" fill=\"#444444\">")
        .append(esc(attribution))
        .append("</text></svg>");
    return s.toString();
  }

  /**
   * The same map as PNG, drawn with Java2D at twice the SVG's size (for slides and Word documents):
   * areas, title, legend with "keine Angabe", attribution. Text in DejaVu Sans, which the
   * application ships.
   */
  static byte[] png(MapViews.MapView map, Map<UUID, String> geometries, String attribution)
      throws IOException {
    Layout lay = layout(map, geometries);
    double scale = 2;
    int w = (int) ((lay.width() + 220) * scale);
    int h = (int) ((lay.height() + lay.top() + 60) * scale);
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, w, h);
      g.scale(scale, scale);
      Font regular = font("/fonts/DejaVuSans.ttf");
      Font bold = font("/fonts/DejaVuSans-Bold.ttf");
      g.setColor(Color.BLACK);
      g.setFont(bold.deriveFont(18f));
      g.drawString(map.indicator().name(), 10, 30);
      g.setFont(regular.deriveFont(12f));
      g.drawString(
          "Stand "
              + map.periodLabel()
              + (map.indicator().unit() == null ? "" : ", " + map.indicator().unit()),
          10,
          50);
      g.setStroke(new BasicStroke(0.6f));
      for (Object[] shape : lay.shapes()) {
        MapViews.MapRow r = (MapViews.MapRow) shape[0];
        @SuppressWarnings("unchecked")
        List<List<double[]>> rings = (List<List<double[]>>) shape[1];
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (List<double[]> ring : rings) {
          for (int i = 0; i < ring.size(); i++) {
            if (i == 0) {
              path.moveTo(lay.x(ring.get(i)[0]), lay.y(ring.get(i)[1]));
            } else {
              path.lineTo(lay.x(ring.get(i)[0]), lay.y(ring.get(i)[1]));
            }
          }
          path.closePath();
        }
        g.setColor(Color.decode(r.colour()));
        g.fill(path);
        g.setColor(new Color(0x33, 0x33, 0x33));
        g.draw(path);
      }
      float x = (float) lay.width() + 30;
      float ly = (float) lay.top();
      g.setColor(Color.BLACK);
      g.setFont(bold.deriveFont(13f));
      g.drawString("Legende", x, ly);
      g.setFont(regular.deriveFont(12f));
      List<String[]> entries = new ArrayList<>();
      map.legend()
          .forEach(l -> entries.add(new String[] {l.colour(), l.from() + " bis " + l.to()}));
      entries.add(new String[] {"#ffffff", "keine Angabe"});
      for (String[] e : entries) {
        ly += 22;
        g.setColor(Color.decode(e[0]));
        g.fill(new Rectangle2D.Float(x, ly - 12, 22, 14));
        g.setColor(new Color(0x55, 0x55, 0x55));
        g.draw(new Rectangle2D.Float(x, ly - 12, 22, 14));
        g.setColor(Color.BLACK);
        g.drawString(e[1], x + 28, ly);
      }
      g.setFont(regular.deriveFont(10f));
      g.setColor(new Color(0x44, 0x44, 0x44));
      g.drawString(attribution, 10, (float) (lay.height() + lay.top() + 40));
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static Font font(String resource) throws IOException {
    try (InputStream in = MapExport.class.getResourceAsStream(resource)) {
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (FontFormatException e) {
      throw new IOException(e);
    }
  }

  static byte[] xlsx(MapViews.MapView map) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet("Werte");
      Row h = sheet.createRow(0);
      String[] head = {
        "Rang", "Schlüssel", "Gebiet", "Zeitraum", "Wert", "Sonderzeichen", "Kennzeichen"
      };
      for (int i = 0; i < head.length; i++) {
        h.createCell(i).setCellValue(head[i]);
      }
      int n = 1;
      for (MapViews.MapRow r : map.rows()) {
        Row row = sheet.createRow(n++);
        if (r.rank() != null) {
          row.createCell(0).setCellValue(r.rank());
        }
        row.createCell(1)
            .setCellValue(r.area().officialKey() == null ? "" : r.area().officialKey());
        row.createCell(2).setCellValue(r.area().name());
        row.createCell(3).setCellValue(map.period() == null ? "" : map.period());
        if (r.value() != null && r.value().value() != null) {
          row.createCell(4).setCellValue(r.value().value().doubleValue());
        }
        row.createCell(5)
            .setCellValue(
                r.value() == null || r.value().special() == null ? "" : r.value().special());
        row.createCell(6)
            .setCellValue(r.value() == null || r.value().flags() == null ? "" : r.value().flags());
      }
      Row source = sheet.createRow(n + 1);
      source
          .createCell(0)
          .setCellValue(
              "Quelle: " + (map.indicator().source() == null ? "–" : map.indicator().source()));
      sheet.createFreezePane(0, 1);
      wb.write(out);
      return out.toByteArray();
    }
  }

  private static String esc(String s) {
    return s == null
        ? ""
        : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
