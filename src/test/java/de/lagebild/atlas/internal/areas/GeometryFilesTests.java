package de.lagebild.atlas.internal.areas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import de.lagebild.platform.DomainException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Geometry files as delivered (issue 15, geometry): the real BKG VG5000 shapefiles in Gauß-Krüger
 * zone 3 (EPSG:31467, three layers in one ZIP), the real BKG VG250 Länder as GeoPackage, and
 * written fixtures for TopoJSON and for the files Lagebild must refuse.
 */
class GeometryFilesTests {

  static byte[] resource(String name) throws IOException {
    try (InputStream in = GeometryFilesTests.class.getResourceAsStream("/atlas/geo/" + name)) {
      return in.readAllBytes();
    }
  }

  private static final CRSFactory CRS = new CRSFactory();
  private static final CoordinateTransform TO_LAEA =
      new CoordinateTransformFactory()
          .createTransform(CRS.createFromName("EPSG:4326"), CRS.createFromName("EPSG:3035"));
  private static final GeometryFactory JTS = new GeometryFactory();

  /** Area in km² of lon/lat polygons, measured in the equal-area projection EPSG:3035. */
  static double areaKm2(List<List<List<double[]>>> polygons) {
    double sum = 0;
    for (List<List<double[]>> poly : polygons) {
      for (int r = 0; r < poly.size(); r++) {
        double a = Math.abs(shoelace(poly.get(r), true));
        sum += r == 0 ? a : -a;
      }
    }
    return sum / 1e6;
  }

  static double shoelace(List<double[]> ring, boolean project) {
    double s = 0;
    double[] prev = null;
    for (double[] p : ring) {
      double[] q = p;
      if (project) {
        ProjCoordinate out = new ProjCoordinate();
        TO_LAEA.transform(new ProjCoordinate(p[0], p[1]), out);
        q = new double[] {out.x, out.y};
      }
      if (prev != null) {
        s += prev[0] * q[1] - q[0] * prev[1];
      }
      prev = q;
    }
    return s / 2;
  }

  static Geometry jts(List<List<List<double[]>>> polygons) {
    List<Polygon> polys = new ArrayList<>();
    for (List<List<double[]>> poly : polygons) {
      LinearRing shell = ring(poly.get(0));
      LinearRing[] holes = new LinearRing[poly.size() - 1];
      for (int i = 1; i < poly.size(); i++) {
        holes[i - 1] = ring(poly.get(i));
      }
      polys.add(JTS.createPolygon(shell, holes));
    }
    return JTS.createMultiPolygon(polys.toArray(Polygon[]::new));
  }

  static LinearRing ring(List<double[]> points) {
    return JTS.createLinearRing(
        points.stream().map(p -> new Coordinate(p[0], p[1])).toArray(Coordinate[]::new));
  }

  static GeoFiles.SourceFeature byKey(GeoFiles.Decoded d, String property, String key) {
    return d.features().stream()
        .filter(f -> key.equals(f.properties().get(property)))
        .filter(f -> !"8".equals(f.properties().get("GF")))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theRealBkgGemeindeLayerInGaussKruegerIsReprojectedWithTheAreaKept() throws IOException {
    byte[] zip = resource("vg5000_ebenen_gk3.zip");
    GeoFiles.Decoded d = GeoFiles.decode(zip, "vg5000_ebenen_gk3.zip", null);
    assertThat(d.format()).isEqualTo("Shapefile");
    assertThat(d.crs()).startsWith("EPSG:31467");
    assertThat(d.layers()).containsExactly("VG5000_GEM", "VG5000_KRS", "VG5000_LAN");
    assertThat(d.layer()).isEqualTo("VG5000_GEM");
    assertThat(d.features()).hasSize(10997);
    // the same outlines in the file's own coordinates (metres in Gauß-Krüger zone 3)
    GeoFiles.Decoded raw = rawGaussKrueger(zip);
    int checked = 0;
    double worst = 0;
    for (int i = 0; i < d.features().size(); i++) {
      GeoFiles.SourceFeature f = d.features().get(i);
      if (!f.properties().get("AGS").startsWith("16") || !"9".equals(f.properties().get("GF"))) {
        continue;
      }
      double imported = areaKm2(f.polygons());
      double official = 0;
      for (List<List<double[]>> poly : raw.features().get(i).polygons()) {
        for (int r = 0; r < poly.size(); r++) {
          double a = Math.abs(shoelace(poly.get(r), false)) / 1e6;
          official += r == 0 ? a : -a;
        }
      }
      worst = Math.max(worst, Math.abs(imported / official - 1));
      checked++;
    }
    System.out.printf("Gemeinden TH: %d, largest area difference %.4f %%%n", checked, worst * 100);
    // every Thuringian Gemeinde (VG5000, 1 January 2021)
    assertThat(checked).isGreaterThan(600);
    assertThat(worst).isLessThan(0.005);
    // names in UTF-8 (.cpg), keys with leading zeros
    assertThat(byKey(d, "AGS", "16051000").properties().get("GEN")).isEqualTo("Erfurt");
    assertThat(byKey(d, "AGS", "01001000").properties().get("ARS")).isEqualTo("010010000000");
    assertThat(
            d.features().stream()
                .anyMatch(
                    f ->
                        "Thüringen".equals(f.properties().get("GEN"))
                            || "Gößnitz".equals(f.properties().get("GEN"))))
        .isTrue();
  }

  /** The .shp read with the identity as coordinate system: the file's own numbers. */
  static GeoFiles.Decoded rawGaussKrueger(byte[] zip) throws IOException {
    byte[] shp = null;
    byte[] dbf = null;
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        if (e.getName().endsWith("VG5000_GEM.shp")) {
          shp = in.readAllBytes();
        } else if (e.getName().endsWith("VG5000_GEM.dbf")) {
          dbf = in.readAllBytes();
        }
      }
    }
    return new GeoFiles.Decoded(
        ShapefileReader.read(shp, dbf, "UTF-8", CoordinateSystems.wgs84(), "VG5000_GEM"),
        "Shapefile",
        "raw",
        List.of(),
        null);
  }

  @Test
  void townHallsLieInTheirGemeinde() throws IOException {
    GeoFiles.Decoded d = GeoFiles.decode(resource("vg5000_ebenen_gk3.zip"), "vg.zip", null);
    // Rathaus Erfurt (Fischmarkt 1), Rathaus Jena (Markt 1), Rathaus Nordhausen (Markt 1)
    Map<String, double[]> halls =
        Map.of(
            "16051000", new double[] {11.0291, 50.9781},
            "16053000", new double[] {11.5893, 50.9279},
            "16062041", new double[] {10.7918, 51.5018});
    for (Map.Entry<String, double[]> hall : halls.entrySet()) {
      var point = JTS.createPoint(new Coordinate(hall.getValue()[0], hall.getValue()[1]));
      List<String> containing =
          d.features().stream()
              .filter(f -> f.polygons() != null && jts(f.polygons()).contains(point))
              .map(f -> f.properties().get("AGS"))
              .distinct()
              .toList();
      assertThat(containing).as(hall.getKey()).containsExactly(hall.getKey());
    }
    assertThat(byKey(d, "AGS", "16062041").properties().get("GEN")).isEqualTo("Nordhausen");
  }

  /** Gebietsfläche of the Länder, Statistisches Bundesamt, 31.12.2020, in km². */
  static final Map<String, Double> OFFICIAL =
      Map.of(
          "Thüringen", 16202.37,
          "Sachsen", 18449.93,
          "Brandenburg", 29654.35,
          "Hessen", 21115.64,
          "Saarland", 2571.11,
          "Rheinland-Pfalz", 19858.00,
          "Nordrhein-Westfalen", 34112.44);

  @Test
  void landAreasFromBothRealFilesMatchTheOfficialFigures() throws IOException {
    GeoFiles.Decoded lan =
        GeoFiles.decode(resource("vg5000_ebenen_gk3.zip"), "vg.zip", "VG5000_LAN");
    assertThat(lan.layer()).isEqualTo("VG5000_LAN");
    GeoFiles.Decoded gpkg =
        GeoFiles.decode(resource("vg250_laender_wgs84.gpkg"), "laender.gpkg", null);
    assertThat(gpkg.format()).isEqualTo("GeoPackage");
    assertThat(gpkg.crs()).startsWith("EPSG:4326");
    assertThat(gpkg.layers()).containsExactly("federal_states_germany");
    assertThat(gpkg.features()).hasSize(16);
    for (Map.Entry<String, Double> land : OFFICIAL.entrySet()) {
      double fromShape = areaKm2(byKey(lan, "GEN", land.getKey()).polygons());
      double fromGpkg = areaKm2(byKey(gpkg, "gen", land.getKey()).polygons());
      System.out.printf(
          "%s: official %.2f, VG5000 %.2f, VG250 %.2f km²%n",
          land.getKey(), land.getValue(), fromShape, fromGpkg);
      assertThat(fromShape / land.getValue()).as(land.getKey()).isCloseTo(1, within(0.005));
      assertThat(fromGpkg / land.getValue()).as(land.getKey()).isCloseTo(1, within(0.005));
    }
  }

  static final String ESRI_UTM32 =
      "PROJCS[\"ETRS_1989_UTM_Zone_32N\",GEOGCS[\"GCS_ETRS_1989\",DATUM[\"D_ETRS_1989\","
          + "SPHEROID[\"GRS_1980\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
          + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],"
          + "PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],"
          + "PARAMETER[\"Central_Meridian\",9.0],PARAMETER[\"Scale_Factor\",0.9996],"
          + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";

  @Test
  void coordinateSystemsByCodeByEsriNameAndByParameters() {
    double[] byCode = CoordinateSystems.epsg(25832).toLonLat(642000, 5649000);
    double[] byName = CoordinateSystems.fromWkt(ESRI_UTM32).toLonLat(642000, 5649000);
    double[] byParameters =
        CoordinateSystems.fromWkt(ESRI_UTM32.replace("ETRS_1989_UTM_Zone_32N", "Kreis_Eigen"))
            .toLonLat(642000, 5649000);
    double[] byUrn =
        CoordinateSystems.named("urn:ogc:def:crs:EPSG::25832").toLonLat(642000, 5649000);
    assertThat(byCode[0]).isCloseTo(11.02, within(0.02));
    assertThat(byCode[1]).isCloseTo(50.97, within(0.02));
    for (double[] other : List.of(byName, byParameters, byUrn)) {
      assertThat(other[0]).isCloseTo(byCode[0], within(1e-7));
      assertThat(other[1]).isCloseTo(byCode[1], within(1e-7));
    }
    assertThat(CoordinateSystems.fromWkt(ESRI_UTM32).label()).startsWith("EPSG:25832");
    // every system the issue names
    for (int code : List.of(25832, 25833, 31467, 31468, 4647, 3035)) {
      assertThat(CoordinateSystems.epsg(code).label()).startsWith("EPSG:" + code);
    }
    // Gauß-Krüger zone 4 (Potsdam datum, shifted to WGS 84) lands in Thuringia too
    double[] gk4 = CoordinateSystems.epsg(31468).toLonLat(4442000, 5650000);
    assertThat(gk4[0]).isCloseTo(11.18, within(0.05));
    assertThatThrownBy(() -> CoordinateSystems.named("EPSG:999999"))
        .isInstanceOf(DomainException.class)
        .hasMessage("atlas.geoCrsUnknown");
  }

  static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }

  static Map<String, byte[]> layer(byte[] zip, String name) throws IOException {
    Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        if (e.getName().contains(name + ".")) {
          files.put(e.getName().substring(e.getName().lastIndexOf('/') + 1), in.readAllBytes());
        }
      }
    }
    return files;
  }

  @Test
  void filesItCannotReadAreNamedWithWhatIsExpected() throws IOException {
    Map<String, byte[]> krs = layer(resource("vg5000_ebenen_gk3.zip"), "VG5000_KRS");
    Map<String, byte[]> noPrj = new java.util.LinkedHashMap<>(krs);
    noPrj.remove("VG5000_KRS.prj");
    assertThatThrownBy(() -> GeoFiles.decode(zip(noPrj), "kreise.zip", null))
        .isInstanceOf(DomainException.class)
        .hasMessage("atlas.geoNoPrj");
    Map<String, byte[]> noDbf = new java.util.LinkedHashMap<>(krs);
    noDbf.remove("VG5000_KRS.dbf");
    assertThatThrownBy(() -> GeoFiles.decode(zip(noDbf), "kreise.zip", null))
        .hasMessage("atlas.geoNoDbf");
    assertThatThrownBy(() -> GeoFiles.decode(krs.get("VG5000_KRS.shp"), "VG5000_KRS.shp", null))
        .hasMessage("atlas.geoShpAlone");
    byte[] cut = java.util.Arrays.copyOf(krs.get("VG5000_KRS.shp"), 5000);
    Map<String, byte[]> truncated = new java.util.LinkedHashMap<>(krs);
    truncated.put("VG5000_KRS.shp", cut);
    assertThatThrownBy(() -> GeoFiles.decode(zip(truncated), "kreise.zip", null))
        .hasMessage("atlas.geoShpBroken");
    assertThatThrownBy(
            () -> GeoFiles.decode(zip(Map.of("liesmich.txt", new byte[] {1})), "leer.zip", null))
        .hasMessage("atlas.geoZipEmpty");
    assertThatThrownBy(() -> GeoFiles.decode("%PDF-1.7".getBytes(), "karte.pdf", null))
        .hasMessage("atlas.geoFormatOther");
    String projectedNoCrs =
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[642000,5649000],[643000,5649000],"
            + "[643000,5650000],[642000,5649000]]]}}]}";
    assertThatThrownBy(
            () ->
                GeoFiles.decode(
                    projectedNoCrs.getBytes(StandardCharsets.UTF_8), "bezirke.geojson", null))
        .hasMessage("atlas.geoNoCrsProjected");
    // the same file naming its system is reprojected
    String named =
        projectedNoCrs.replace(
            "{\"type\":\"FeatureCollection\",",
            "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
                + "{\"name\":\"urn:ogc:def:crs:EPSG::25832\"}},");
    GeoFiles.Decoded d = GeoFiles.decode(named.getBytes(StandardCharsets.UTF_8), "b.geojson", null);
    assertThat(d.crs()).startsWith("EPSG:25832");
    assertThat(d.features().get(0).polygons().get(0).get(0).get(0)[0])
        .isCloseTo(11.02, within(0.02));
  }

  @Test
  void theRealTopoJsonOfBerlinsOrtsteile() throws IOException {
    GeoFiles.Decoded d =
        GeoFiles.decode(resource("berlin.ortsteile.topojson"), "berlin.ortsteile.topojson", null);
    assertThat(d.format()).isEqualTo("TopoJSON");
    assertThat(d.layers()).containsExactly("shapes-with-attr");
    assertThat(d.features()).hasSize(97);
    assertThat(d.features().get(0).properties()).containsEntry("Name", "Mitte").containsKey("id");
    double total = d.features().stream().mapToDouble(f -> areaKm2(f.polygons())).sum();
    System.out.printf("Berlin Ortsteile (TopoJSON): %.2f km², official 891.12 km²%n", total);
    // Gebietsfläche Berlin, Amt für Statistik Berlin-Brandenburg: 891.12 km²
    assertThat(total / 891.12).isCloseTo(1, within(0.005));
    // Rotes Rathaus (Rathausstraße 15) lies in Mitte
    var hall = JTS.createPoint(new Coordinate(13.4087, 52.5186));
    assertThat(
            d.features().stream()
                .filter(f -> jts(f.polygons()).contains(hall))
                .map(f -> f.properties().get("Name"))
                .toList())
        .containsExactly("Mitte");
  }

  /**
   * A TopoJSON after the specification's example layout: quantised, delta-encoded arcs; two
   * Sozialräume share the arc between them (the second uses it reversed, {@code ~0} = -1).
   */
  static final String TOPO =
      "{\"type\":\"Topology\",\"transform\":{\"scale\":[0.001,0.001],\"translate\":[10.7,51.4]},"
          + "\"objects\":{\"sozialraeume\":{\"type\":\"GeometryCollection\",\"geometries\":["
          + "{\"type\":\"Polygon\",\"id\":\"SR-1\",\"properties\":{\"name\":\"West\"},\"arcs\":[[0,1]]},"
          + "{\"type\":\"Polygon\",\"id\":\"SR-2\",\"properties\":{\"name\":\"Ost\"},\"arcs\":[[-1,2]]}]},"
          + "\"punkte\":{\"type\":\"GeometryCollection\",\"geometries\":[]}},"
          + "\"arcs\":[[[50,0],[0,100]],[[50,100],[-50,0],[0,-100],[50,0]],"
          + "[[50,0],[50,0],[0,100],[-50,0]]]}";

  @Test
  void topoJsonWithSharedAndReversedArcs() throws IOException {
    GeoFiles.Decoded d =
        GeoFiles.decode(TOPO.getBytes(StandardCharsets.UTF_8), "sozialraeume.topojson", null);
    assertThat(d.format()).isEqualTo("TopoJSON");
    assertThat(d.layers()).containsExactly("sozialraeume", "punkte");
    assertThat(d.features()).hasSize(2);
    List<double[]> west = d.features().get(0).polygons().get(0).get(0);
    List<double[]> east = d.features().get(1).polygons().get(0).get(0);
    assertThat(west).hasSize(5);
    assertThat(west.get(0)).containsExactly(new double[] {10.75, 51.4}, within(1e-9));
    assertThat(west.get(4)).containsExactly(west.get(0), within(1e-9));
    // the shared edge runs the other way in the eastern area
    assertThat(east.get(0)).containsExactly(new double[] {10.75, 51.5}, within(1e-9));
    assertThat(east.get(1)).containsExactly(new double[] {10.75, 51.4}, within(1e-9));
    assertThat(d.features().get(1).properties()).containsEntry("id", "SR-2");
    assertThat(areaKm2(d.features().get(0).polygons()))
        .isCloseTo(areaKm2(d.features().get(1).polygons()), within(0.01));
  }
}
