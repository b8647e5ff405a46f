package de.lagebild.catalogue.internal.imports;

import de.lagebild.atlas.GeometryFiles;
import de.lagebild.platform.DomainException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * GeoJSON point files – the usual open-data form of Kitas, Beratungsstellen, Schulsozialarbeit – as
 * an offer table: one row per feature, the properties as columns, the point as {@code lat} and
 * {@code lon} (for a polygon, e.g. a building from OpenStreetMap, its centre). Coordinates in
 * another system named by the file ({@code crs}) are brought to WGS 84.
 */
final class OfferGeoJson {

  private OfferGeoJson() {}

  static List<List<String>> table(String text) {
    List<GeometryFiles.Place> places;
    try {
      places = GeometryFiles.places(text);
    } catch (DomainException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new DomainException("catalogue.import.geojson");
    }
    Set<String> columns = new LinkedHashSet<>();
    places.forEach(p -> columns.addAll(p.properties().keySet()));
    String lat = free(columns, "lat");
    String lon = free(columns, "lon");
    List<String> header = new ArrayList<>(columns);
    header.add(lat);
    header.add(lon);
    List<List<String>> table = new ArrayList<>();
    table.add(header);
    for (GeometryFiles.Place p : places) {
      List<String> row = new ArrayList<>();
      for (String c : columns) {
        String v = p.properties().get(c);
        row.add(v == null ? "" : v);
      }
      row.add(p.lonLat() == null ? "" : String.format(Locale.ROOT, "%.7f", p.lonLat()[1]));
      row.add(p.lonLat() == null ? "" : String.format(Locale.ROOT, "%.7f", p.lonLat()[0]));
      table.add(row);
    }
    return table;
  }

  /** A column name for the coordinates that the file's properties do not use. */
  private static String free(Set<String> columns, String wanted) {
    return columns.stream().anyMatch(c -> c.equalsIgnoreCase(wanted))
        ? wanted + " (Geometrie)"
        : wanted;
  }
}
