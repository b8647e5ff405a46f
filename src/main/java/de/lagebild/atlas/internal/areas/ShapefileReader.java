package de.lagebild.atlas.internal.areas;

import de.lagebild.atlas.internal.areas.GeoFiles.SourceFeature;
import de.lagebild.platform.DomainException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An ESRI shapefile (the {@code .shp} geometry, the {@code .dbf} attributes, the {@code .cpg}
 * encoding) after the ESRI Shapefile Technical Description (1998) and the dBASE III file layout.
 * Polygons (also with Z or M) become rings grouped into polygons – shells clockwise, holes
 * counter-clockwise as the format says –, points become points; other shapes are kept with their
 * type name so the caller can name them.
 */
final class ShapefileReader {

  private ShapefileReader() {}

  static List<SourceFeature> read(
      byte[] shp, byte[] dbf, String cpg, CoordinateSystems.System crs, String fileName) {
    List<Map<String, String>> attributes = dbf == null ? List.of() : attributes(dbf, cpg);
    ByteBuffer b = ByteBuffer.wrap(shp);
    if (shp.length < 100 || b.order(ByteOrder.BIG_ENDIAN).getInt(0) != 9994) {
      throw new DomainException("atlas.geoShpBroken", fileName);
    }
    List<SourceFeature> features = new ArrayList<>();
    int pos = 100;
    int index = 0;
    while (pos + 8 <= shp.length) {
      int length = b.order(ByteOrder.BIG_ENDIAN).getInt(pos + 4) * 2;
      int start = pos + 8;
      if (start + length > shp.length || length < 4) {
        throw new DomainException("atlas.geoShpBroken", fileName);
      }
      b.order(ByteOrder.LITTLE_ENDIAN);
      int type = b.getInt(start);
      Map<String, String> props =
          index < attributes.size() ? attributes.get(index) : new LinkedHashMap<>();
      features.add(shape(b, start, type, props, crs));
      pos = start + length;
      index++;
    }
    return features;
  }

  private static SourceFeature shape(
      ByteBuffer b, int start, int type, Map<String, String> props, CoordinateSystems.System crs) {
    switch (type) {
      case 0:
        return new SourceFeature(props, "leer", null, null);
      case 1, 11, 21:
        {
          double[] p = crs.toLonLat(b.getDouble(start + 4), b.getDouble(start + 12));
          return new SourceFeature(props, "Point", null, p);
        }
      case 5, 15, 25:
        {
          int parts = b.getInt(start + 36);
          int points = b.getInt(start + 40);
          int partsAt = start + 44;
          int pointsAt = partsAt + 4 * parts;
          List<List<double[]>> rings = new ArrayList<>();
          List<Double> signed = new ArrayList<>();
          for (int i = 0; i < parts; i++) {
            int from = b.getInt(partsAt + 4 * i);
            int to = i + 1 < parts ? b.getInt(partsAt + 4 * (i + 1)) : points;
            List<double[]> ring = new ArrayList<>(to - from);
            double area = 0;
            double px = 0;
            double py = 0;
            for (int k = from; k < to; k++) {
              double x = b.getDouble(pointsAt + 16 * k);
              double y = b.getDouble(pointsAt + 16 * k + 8);
              if (k > from) {
                area += (px * y - x * py);
              }
              px = x;
              py = y;
              ring.add(crs.toLonLat(x, y));
            }
            rings.add(ring);
            signed.add(area / 2);
          }
          return new SourceFeature(props, "Polygon", group(rings, signed), null);
        }
      default:
        return new SourceFeature(props, typeName(type), null, null);
    }
  }

  /** Shells (clockwise, negative signed area) with the holes that lie in them. */
  static List<List<List<double[]>>> group(List<List<double[]>> rings, List<Double> signed) {
    List<List<List<double[]>>> polygons = new ArrayList<>();
    List<Integer> shellOf = new ArrayList<>();
    for (int i = 0; i < rings.size(); i++) {
      if (signed.get(i) <= 0) {
        List<List<double[]>> poly = new ArrayList<>();
        poly.add(rings.get(i));
        polygons.add(poly);
        shellOf.add(i);
      }
    }
    for (int i = 0; i < rings.size(); i++) {
      if (signed.get(i) > 0) {
        List<double[]> hole = rings.get(i);
        int target = -1;
        double smallest = Double.MAX_VALUE;
        for (int s = 0; s < polygons.size(); s++) {
          if (inside(hole.get(0), polygons.get(s).get(0))) {
            double a = Math.abs(signed.get(shellOf.get(s)));
            if (a < smallest) {
              smallest = a;
              target = s;
            }
          }
        }
        if (target >= 0) {
          polygons.get(target).add(hole);
        } else {
          // a counter-clockwise ring outside every shell: written the other way round, a shell
          List<List<double[]>> poly = new ArrayList<>();
          poly.add(hole);
          polygons.add(poly);
          shellOf.add(i);
        }
      }
    }
    return polygons;
  }

  static boolean inside(double[] p, List<double[]> ring) {
    boolean in = false;
    for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
      double[] a = ring.get(i);
      double[] c = ring.get(j);
      if ((a[1] > p[1]) != (c[1] > p[1])
          && p[0] < (c[0] - a[0]) * (p[1] - a[1]) / (c[1] - a[1]) + a[0]) {
        in = !in;
      }
    }
    return in;
  }

  private static String typeName(int type) {
    return switch (type) {
      case 3, 13, 23 -> "Linie (PolyLine)";
      case 8, 18, 28 -> "MultiPoint";
      case 31 -> "MultiPatch";
      default -> "Typ " + type;
    };
  }

  /** The records of a dBASE file, deleted ones left out, in the file's encoding. */
  static List<Map<String, String>> attributes(byte[] dbf, String cpg) {
    ByteBuffer b = ByteBuffer.wrap(dbf).order(ByteOrder.LITTLE_ENDIAN);
    if (dbf.length < 32) {
      return List.of();
    }
    int records = b.getInt(4);
    int headerLength = Short.toUnsignedInt(b.getShort(8));
    int recordLength = Short.toUnsignedInt(b.getShort(10));
    Charset charset = charset(cpg, dbf[29], dbf, headerLength);
    List<String> names = new ArrayList<>();
    List<Integer> lengths = new ArrayList<>();
    for (int at = 32; at + 32 <= headerLength && dbf[at] != 0x0D; at += 32) {
      int end = at;
      while (end < at + 11 && dbf[end] != 0) {
        end++;
      }
      names.add(new String(dbf, at, end - at, StandardCharsets.ISO_8859_1).strip());
      lengths.add(Byte.toUnsignedInt(dbf[at + 16]));
    }
    List<Map<String, String>> rows = new ArrayList<>(records);
    for (int r = 0; r < records; r++) {
      int at = headerLength + r * recordLength;
      if (at + recordLength > dbf.length) {
        break;
      }
      Map<String, String> row = new LinkedHashMap<>();
      int field = at + 1;
      for (int f = 0; f < names.size(); f++) {
        row.put(names.get(f), new String(dbf, field, lengths.get(f), charset).strip());
        field += lengths.get(f);
      }
      // deleted records ('*') keep their place: the .shp still has their shape
      rows.add(row);
    }
    return rows;
  }

  private static Charset charset(String cpg, byte ldid, byte[] dbf, int headerLength) {
    if (cpg != null && !cpg.isBlank()) {
      String c = cpg.strip().toUpperCase(Locale.ROOT);
      if (c.matches("\\d+")) {
        c = "windows-" + c;
      } else if (c.startsWith("ANSI")) {
        c = "windows-1252";
      }
      try {
        return Charset.forName(c);
      } catch (RuntimeException e) {
        // an unknown name: fall through to the language byte
      }
    }
    if (ldid == 0x57 || ldid == 0x03 || ldid == 0x58 || ldid == 0x59) {
      return Charset.forName("windows-1252");
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(dbf, headerLength, Math.max(0, dbf.length - headerLength)));
      return StandardCharsets.UTF_8;
    } catch (CharacterCodingException e) {
      return Charset.forName("windows-1252");
    }
  }
}
