package de.lagebild.catalogue.internal.hsds;

import de.lagebild.platform.DomainException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HSDS 3.0 tabular data package: a ZIP with {@code datapackage.json} and one CSV per table
 * (services, organizations, locations, addresses, service_at_location, phones, schedules,
 * languages, cost_options, contacts, service_areas, accessibility, attributes, taxonomy_terms),
 * linked by ids – written from the nested services Lagebild's API gives, and read back into them
 * for the HSDS import. Columns as in the specification's example package; columns Lagebild does not
 * know are ignored when reading.
 *
 * <p>Why this class is long: writing and reading share the one list of tables and columns, and each
 * direction walks the same links (service → organisation, phones, schedules, places, addresses,
 * terms); split in two, the layouts would drift apart.
 */
final class HsdsTabular {

  /** Table → columns, in the order of the HSDS 3.0 example package. */
  static final Map<String, List<String>> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put(
        "organizations",
        List.of(
            "id",
            "name",
            "alternate_name",
            "description",
            "email",
            "website",
            "tax_status",
            "tax_id",
            "year_incorporated",
            "legal_status",
            "logo",
            "uri",
            "parent_organization_id"));
    TABLES.put(
        "services",
        List.of(
            "id",
            "organization_id",
            "program_id",
            "name",
            "alternate_name",
            "description",
            "url",
            "email",
            "status",
            "interpretation_services",
            "application_process",
            "fees_description",
            "wait_time",
            "fees",
            "accreditations",
            "eligibility_description",
            "minimum_age",
            "maximum_age",
            "assured_date",
            "assurer_email",
            "licenses",
            "alert",
            "last_modified"));
    TABLES.put(
        "locations",
        List.of(
            "id",
            "location_type",
            "url",
            "organization_id",
            "name",
            "alternate_name",
            "description",
            "transportation",
            "latitude",
            "longitude",
            "external_identifier",
            "external_identifier_type"));
    TABLES.put(
        "addresses",
        List.of(
            "id",
            "location_id",
            "attention",
            "address_1",
            "address_2",
            "city",
            "region",
            "state_province",
            "postal_code",
            "country",
            "address_type"));
    TABLES.put("service_at_location", List.of("id", "service_id", "location_id", "description"));
    TABLES.put(
        "phones",
        List.of(
            "id",
            "location_id",
            "service_id",
            "organization_id",
            "contact_id",
            "service_at_location_id",
            "number",
            "extension",
            "type",
            "description"));
    TABLES.put(
        "schedules",
        List.of(
            "id",
            "service_id",
            "location_id",
            "service_at_location_id",
            "valid_from",
            "valid_to",
            "dtstart",
            "timezone",
            "until",
            "count",
            "wkst",
            "freq",
            "interval",
            "byday",
            "byweekno",
            "bymonthday",
            "byyearday",
            "description",
            "opens_at",
            "closes_at",
            "schedule_link",
            "attending_type",
            "notes"));
    TABLES.put(
        "languages",
        List.of("id", "service_id", "location_id", "phone_id", "name", "code", "note"));
    TABLES.put(
        "cost_options",
        List.of(
            "id",
            "service_id",
            "valid_from",
            "valid_to",
            "option",
            "currency",
            "amount",
            "amount_description"));
    TABLES.put(
        "contacts",
        List.of(
            "id",
            "organization_id",
            "service_id",
            "service_at_location_id",
            "location_id",
            "name",
            "title",
            "department",
            "email"));
    TABLES.put(
        "service_areas",
        List.of("id", "service_id", "name", "description", "extent", "extent_type", "uri"));
    TABLES.put("accessibility", List.of("id", "location_id", "description", "details", "url"));
    TABLES.put(
        "attributes",
        List.of("id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value"));
    TABLES.put(
        "taxonomy_terms",
        List.of(
            "id",
            "code",
            "name",
            "description",
            "parent_id",
            "taxonomy",
            "language",
            "taxonomy_id",
            "term_uri"));
  }

  private static final Set<String> INTEGERS =
      Set.of("minimum_age", "maximum_age", "timezone", "count", "interval", "extension");
  private static final Set<String> NUMBERS = Set.of("latitude", "longitude", "amount");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private HsdsTabular() {}

  // ------------------------------------------------------------------ writing

  static byte[] write(List<Map<String, Object>> services) {
    Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
    TABLES.keySet().forEach(t -> rows.put(t, new ArrayList<>()));
    Map<String, Boolean> seen = new LinkedHashMap<>();
    for (Map<String, Object> s : services) {
      String serviceId = (String) s.get("id");
      Map<String, Object> org = map(s.get("organization"));
      if (org != null && seen.putIfAbsent("o" + org.get("id"), true) == null) {
        rows.get("organizations").add(org);
        for (Map<String, Object> p : maps(org.get("phones"))) {
          rows.get("phones").add(with(p, "organization_id", org.get("id")));
        }
      }
      rows.get("services").add(s);
      for (Map<String, Object> p : maps(s.get("phones"))) {
        rows.get("phones").add(with(p, "service_id", serviceId));
      }
      maps(s.get("schedules"))
          .forEach(x -> rows.get("schedules").add(with(x, "service_id", serviceId)));
      maps(s.get("languages"))
          .forEach(x -> rows.get("languages").add(with(x, "service_id", serviceId)));
      maps(s.get("cost_options"))
          .forEach(x -> rows.get("cost_options").add(with(x, "service_id", serviceId)));
      maps(s.get("service_areas"))
          .forEach(x -> rows.get("service_areas").add(with(x, "service_id", serviceId)));
      for (Map<String, Object> k : maps(s.get("contacts"))) {
        rows.get("contacts").add(with(k, "service_id", serviceId));
        for (Map<String, Object> p : maps(k.get("phones"))) {
          rows.get("phones").add(with(p, "contact_id", k.get("id")));
        }
      }
      for (Map<String, Object> sal : maps(s.get("service_at_locations"))) {
        Map<String, Object> l = map(sal.get("location"));
        Object locationId = l == null ? sal.get("location_id") : l.get("id");
        Map<String, Object> link = new LinkedHashMap<>(sal);
        link.put("service_id", serviceId);
        link.put("location_id", locationId);
        rows.get("service_at_location").add(link);
        if (l != null && seen.putIfAbsent("l" + l.get("id"), true) == null) {
          rows.get("locations").add(l);
          maps(l.get("addresses"))
              .forEach(a -> rows.get("addresses").add(with(a, "location_id", l.get("id"))));
          maps(l.get("accessibility"))
              .forEach(a -> rows.get("accessibility").add(with(a, "location_id", l.get("id"))));
        }
      }
      for (Map<String, Object> a : maps(s.get("attributes"))) {
        Map<String, Object> attribute = new LinkedHashMap<>(a);
        attribute.putIfAbsent("link_entity", "service");
        rows.get("attributes").add(attribute);
        Map<String, Object> term = map(a.get("taxonomy_term"));
        if (term != null && seen.putIfAbsent("t" + term.get("id"), true) == null) {
          rows.get("taxonomy_terms").add(term);
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("datapackage.json"));
      zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(descriptor()));
      zip.closeEntry();
      for (Map.Entry<String, List<String>> t : TABLES.entrySet()) {
        zip.putNextEntry(new ZipEntry(t.getKey() + ".csv"));
        Writer w = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        CSVPrinter csv =
            new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
        csv.printRecord(t.getValue());
        for (Map<String, Object> r : rows.get(t.getKey())) {
          List<String> values = new ArrayList<>();
          for (String c : t.getValue()) {
            Object v = r.get(c);
            values.add(v == null || v instanceof Map || v instanceof List ? "" : v.toString());
          }
          csv.printRecord(values);
        }
        csv.flush();
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static Map<String, Object> descriptor() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("name", "hsds-lagebild");
    d.put("title", "Angebote aus Lagebild (HSDS 3.0, tabellarisch)");
    d.put("profile", "tabular-data-package");
    List<Map<String, Object>> resources = new ArrayList<>();
    for (Map.Entry<String, List<String>> t : TABLES.entrySet()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("name", t.getKey());
      r.put("path", t.getKey() + ".csv");
      r.put("profile", "tabular-data-resource");
      r.put("format", "csv");
      r.put("mediatype", "text/csv");
      r.put("encoding", "utf-8");
      List<Map<String, Object>> fields = new ArrayList<>();
      for (String c : t.getValue()) {
        fields.add(
            Map.of(
                "name",
                c,
                "type",
                INTEGERS.contains(c) ? "integer" : NUMBERS.contains(c) ? "number" : "string"));
      }
      r.put("schema", Map.of("fields", fields, "primaryKey", "id"));
      resources.add(r);
    }
    d.put("resources", resources);
    return d;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object o) {
    if (!(o instanceof List<?> l)) {
      return List.of();
    }
    List<Map<String, Object>> out = new ArrayList<>();
    l.forEach(
        x -> {
          if (x instanceof Map<?, ?> m) {
            out.add((Map<String, Object>) m);
          }
        });
    return out;
  }

  private static Map<String, Object> with(Map<String, Object> row, String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>(row);
    m.putIfAbsent(key, value);
    return m;
  }

  // ------------------------------------------------------------------ reading

  /** Whether the bytes are a ZIP (the tabular package) rather than JSON. */
  static boolean isZip(byte[] bytes) {
    return bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K';
  }

  /** The services of a tabular package, nested as the JSON API gives them. */
  static ArrayNode read(byte[] zip) {
    Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
    boolean descriptor = false;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        String name = e.getName().substring(e.getName().lastIndexOf('/') + 1);
        if (name.equalsIgnoreCase("datapackage.json")) {
          descriptor = true;
        } else if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
          tables.put(
              name.substring(0, name.length() - 4).toLowerCase(Locale.ROOT),
              csv(in.readAllBytes()));
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new DomainException("catalogue.hsds.zipBroken");
    }
    if (!descriptor || !tables.containsKey("services")) {
      throw new DomainException("catalogue.hsds.noPackage");
    }
    Map<String, Map<String, String>> organizations = byId(tables.get("organizations"));
    Map<String, Map<String, String>> locations = byId(tables.get("locations"));
    Map<String, Map<String, String>> terms = byId(tables.get("taxonomy_terms"));
    ArrayNode services = JSON.createArrayNode();
    for (Map<String, String> s : tables.get("services")) {
      String id = s.get("id");
      ObjectNode service = object(s);
      Map<String, String> org = organizations.get(s.get("organization_id"));
      if (org != null) {
        ObjectNode o = object(org);
        o.set("phones", objects(where(tables.get("phones"), "organization_id", org.get("id"))));
        service.set("organization", o);
      }
      service.set("phones", objects(where(tables.get("phones"), "service_id", id)));
      service.set("schedules", objects(where(tables.get("schedules"), "service_id", id)));
      service.set("languages", objects(where(tables.get("languages"), "service_id", id)));
      service.set("cost_options", objects(where(tables.get("cost_options"), "service_id", id)));
      service.set("service_areas", objects(where(tables.get("service_areas"), "service_id", id)));
      ArrayNode contacts = JSON.createArrayNode();
      for (Map<String, String> k : where(tables.get("contacts"), "service_id", id)) {
        ObjectNode c = object(k);
        c.set("phones", objects(where(tables.get("phones"), "contact_id", k.get("id"))));
        contacts.add(c);
      }
      service.set("contacts", contacts);
      ArrayNode atLocations = JSON.createArrayNode();
      for (Map<String, String> sal : where(tables.get("service_at_location"), "service_id", id)) {
        ObjectNode link = object(sal);
        Map<String, String> l = locations.get(sal.get("location_id"));
        if (l != null) {
          ObjectNode location = object(l);
          location.set(
              "addresses", objects(where(tables.get("addresses"), "location_id", l.get("id"))));
          location.set(
              "accessibility",
              objects(where(tables.get("accessibility"), "location_id", l.get("id"))));
          link.set("location", location);
        }
        atLocations.add(link);
      }
      service.set("service_at_locations", atLocations);
      ArrayNode attributes = JSON.createArrayNode();
      for (Map<String, String> a : where(tables.get("attributes"), "link_id", id)) {
        ObjectNode attribute = object(a);
        Map<String, String> term = terms.get(a.get("taxonomy_term_id"));
        if (term != null) {
          attribute.set("taxonomy_term", object(term));
        }
        attributes.add(attribute);
      }
      service.set("attributes", attributes);
      services.add(service);
    }
    return services;
  }

  private static List<Map<String, String>> csv(byte[] bytes) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (CSVParser p =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .get()
            .parse(
                new InputStreamReader(
                    new ByteArrayInputStream(stripBom(bytes)), StandardCharsets.UTF_8))) {
      for (CSVRecord r : p) {
        rows.add(new LinkedHashMap<>(r.toMap()));
      }
    }
    return rows;
  }

  private static byte[] stripBom(byte[] b) {
    return b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF
        ? java.util.Arrays.copyOfRange(b, 3, b.length)
        : b;
  }

  private static Map<String, Map<String, String>> byId(List<Map<String, String>> rows) {
    Map<String, Map<String, String>> m = new LinkedHashMap<>();
    if (rows != null) {
      rows.forEach(r -> m.putIfAbsent(r.get("id"), r));
    }
    return m;
  }

  private static List<Map<String, String>> where(
      List<Map<String, String>> rows, String column, String value) {
    if (rows == null || value == null || value.isBlank()) {
      return List.of();
    }
    return rows.stream().filter(r -> value.equals(r.get(column))).toList();
  }

  private static ArrayNode objects(List<Map<String, String>> rows) {
    ArrayNode a = JSON.createArrayNode();
    rows.forEach(r -> a.add(object(r)));
    return a;
  }

  /** A CSV row as an object: empty cells left out, numbers as numbers where HSDS has numbers. */
  private static ObjectNode object(Map<String, String> row) {
    ObjectNode o = JSON.createObjectNode();
    row.forEach(
        (k, v) -> {
          if (v == null || v.isBlank()) {
            return;
          }
          String value = v.strip();
          try {
            if (INTEGERS.contains(k)) {
              o.put(k, Integer.parseInt(value));
              return;
            }
            if (NUMBERS.contains(k)) {
              o.put(k, new java.math.BigDecimal(value));
              return;
            }
          } catch (NumberFormatException e) {
            // kept as text: the import's checks name it
          }
          o.put(k, value);
        });
    return o;
  }
}
