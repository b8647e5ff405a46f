package de.lagebild.catalogue.internal.hsds;

import de.lagebild.catalogue.internal.offers.Labels;
import de.lagebild.catalogue.internal.search.GermanAnalysis;
import de.lagebild.catalogue.internal.store.CatalogueRows;
import de.lagebild.catalogue.internal.store.CatalogueRows.CategoryRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.LocationRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferContent;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferView;
import de.lagebild.catalogue.internal.store.CatalogueRows.OrganizationRow;
import de.lagebild.platform.LocalCalendar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Lagebild's offers, organisations, locations and categories as HSDS 3.0 objects (Open Referral):
 * the one mapping that the read API and the export write and that the HSDS import reads back.
 */
final class HsdsMapping {

  static final String[] BYDAY = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

  private HsdsMapping() {}

  static Map<String, Object> service(OfferView v) {
    OfferContent c = v.content();
    String id = v.id().toString();
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("id", id);
    s.put("organization_id", v.offer().organizationId().toString());
    s.put("name", c.name());
    s.put("description", GermanAnalysis.plain(c.description()).replaceAll("\\s+", " ").strip());
    put(s, "url", c.url());
    put(s, "email", c.email());
    s.put("status", "active");
    s.put(
        "fees_description",
        Labels.cost(c.cost()) + (c.costNote() == null ? "" : " – " + c.costNote()));
    s.put("eligibility_description", String.join(", ", c.targetGroups()));
    if (c.ageFrom() != null) {
      s.put("minimum_age", c.ageFrom());
    }
    if (c.ageTo() != null) {
      s.put("maximum_age", c.ageTo());
    }
    if (v.offer().verifiedAt() != null) {
      s.put(
          "assured_date",
          v.offer().verifiedAt().atZone(LocalCalendar.ZONE).toLocalDate().toString());
    }
    if (c.applicationProcess() != null) {
      s.put("application_process", GermanAnalysis.plain(c.applicationProcess()).strip());
    }
    if (v.offer().updatedAt() != null) {
      s.put("last_modified", v.offer().updatedAt().toString());
    }
    List<Map<String, Object>> phones = new ArrayList<>();
    if (c.phone() != null) {
      phones.add(phone(id + "phone", c.phone(), "service_id", id));
    }
    s.put("phones", phones);
    List<Map<String, Object>> schedules = new ArrayList<>();
    int n = 0;
    for (CatalogueRows.ScheduleRow r : c.schedules()) {
      Map<String, Object> sc = new LinkedHashMap<>();
      sc.put("id", UUID.nameUUIDFromBytes((id + "schedule" + n++).getBytes()).toString());
      sc.put("service_id", id);
      if (v.offer().verifiedAt() != null || v.offer().updatedAt() != null) {
        // the first day Lagebild knows the times to hold: when they were last checked or changed
        Instant since =
            v.offer().verifiedAt() != null ? v.offer().verifiedAt() : v.offer().updatedAt();
        sc.put("dtstart", since.atZone(LocalCalendar.ZONE).toLocalDate().toString());
      }
      // HSDS 3.0: the UTC offset of the times (Central European Time)
      sc.put("timezone", 1);
      sc.put("freq", "WEEKLY");
      sc.put("wkst", "MO");
      sc.put("byday", BYDAY[r.weekday() - 1]);
      sc.put("opens_at", r.opens());
      sc.put("closes_at", r.closes());
      sc.put(
          "description",
          WEEKDAYS[r.weekday() - 1]
              + " "
              + r.opens()
              + "–"
              + r.closes()
              + " Uhr"
              + (r.note() == null ? "" : " (" + r.note() + ")"));
      if (r.note() != null) {
        sc.put("notes", r.note());
      }
      schedules.add(sc);
    }
    s.put("schedules", schedules);
    List<Map<String, Object>> atLocations = new ArrayList<>();
    for (LocationRow l : v.locations()) {
      atLocations.add(
          Map.of(
              "id",
              UUID.nameUUIDFromBytes((id + l.id()).getBytes()).toString(),
              "service_id",
              id,
              "location_id",
              l.id().toString(),
              "location",
              location(l)));
    }
    s.put("service_at_locations", atLocations);
    // the places the offer serves: the towns of its locations
    List<Map<String, Object>> areas = new ArrayList<>();
    v.locations().stream()
        .map(LocationRow::city)
        .filter(x -> x != null && !x.isBlank())
        .distinct()
        .forEach(
            town -> {
              Map<String, Object> a = new LinkedHashMap<>();
              a.put("id", UUID.nameUUIDFromBytes((id + "area" + town).getBytes()).toString());
              a.put("service_id", id);
              a.put("name", town);
              a.put("description", "Angebot vor Ort in " + town);
              areas.add(a);
            });
    s.put("service_areas", areas);
    s.put(
        "languages",
        c.languages().stream()
            .map(
                code ->
                    Map.of(
                        "id",
                        UUID.nameUUIDFromBytes((id + code).getBytes()).toString(),
                        "service_id",
                        id,
                        "name",
                        Labels.language(code),
                        "code",
                        code))
            .toList());
    if (v.organization() != null) {
      s.put("organization", organization(v.organization()));
    }
    Map<String, Object> cost = new LinkedHashMap<>();
    cost.put("id", UUID.nameUUIDFromBytes((id + "cost").getBytes()).toString());
    cost.put("service_id", id);
    cost.put("option", Labels.cost(c.cost()));
    if ("FREE".equals(c.cost())) {
      cost.put("amount", 0);
      cost.put("currency", "EUR");
    }
    if (c.costNote() != null) {
      cost.put("amount_description", c.costNote());
    }
    s.put("cost_options", List.of(cost));
    s.put(
        "contacts",
        c.contacts().stream()
            .map(
                k -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("id", UUID.nameUUIDFromBytes((id + k.name()).getBytes()).toString());
                  m.put("service_id", id);
                  m.put("name", k.name());
                  put(m, "title", k.role());
                  put(m, "email", k.email());
                  String contactId = (String) m.get("id");
                  m.put(
                      "phones",
                      k.phone() == null || k.phone().isBlank()
                          ? List.of()
                          : List.of(
                              phone(contactId + "phone", k.phone(), "contact_id", contactId)));
                  return m;
                })
            .toList());
    List<Map<String, Object>> attributes = new ArrayList<>();
    for (CategoryRow k : v.categories()) {
      Map<String, Object> term = term(k);
      attributes.add(
          Map.of(
              "id",
              UUID.nameUUIDFromBytes((id + k.id()).getBytes()).toString(),
              "link_id",
              id,
              "link_type",
              "service",
              "taxonomy_term_id",
              k.id().toString(),
              "taxonomy_term",
              term));
    }
    if (c.places() != null) {
      // HSDS 3.0 has no capacity object (3.1 adds service_capacity): the places go as an
      // attribute with a value, which the import reads back
      attributes.add(
          Map.of(
              "id",
              UUID.nameUUIDFromBytes((id + PLACES_TERM).getBytes()).toString(),
              "link_id",
              id,
              "link_type",
              "service",
              "taxonomy_term_id",
              PLACES_TERM_ID,
              "taxonomy_term",
              placesTerm(),
              "value",
              String.valueOf(c.places())));
    }
    s.put("attributes", attributes);
    return s;
  }

  /** The name of the attribute that carries an offer's places (capacity). */
  static final String PLACES_TERM = "Plätze";

  static final String PLACES_TERM_ID =
      UUID.nameUUIDFromBytes("lagebild-merkmale/plaetze".getBytes()).toString();

  static Map<String, Object> placesTerm() {
    Map<String, Object> term = new LinkedHashMap<>();
    term.put("id", PLACES_TERM_ID);
    term.put("name", PLACES_TERM);
    term.put("description", "Plätze (Kapazität), die das Angebot angibt");
    term.put("taxonomy", "lagebild-merkmale");
    term.put("language", "de");
    return term;
  }

  static Map<String, Object> term(CategoryRow k) {
    Map<String, Object> term = new LinkedHashMap<>();
    term.put("id", k.id().toString());
    term.put("name", k.name());
    term.put("description", k.name());
    if (k.parentId() != null) {
      term.put("parent_id", k.parentId().toString());
    }
    term.put("taxonomy", "lagebild-kategorien");
    term.put("language", "de");
    return term;
  }

  static Map<String, Object> organization(OrganizationRow o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", o.id().toString());
    m.put("name", o.name());
    m.put("description", o.description() == null ? o.name() : o.description());
    put(m, "email", o.email());
    put(m, "website", o.website());
    List<Map<String, Object>> phones = new ArrayList<>();
    if (o.phone() != null) {
      phones.add(phone(o.id() + "phone", o.phone(), "organization_id", o.id().toString()));
    }
    m.put("phones", phones);
    return m;
  }

  static Map<String, Object> location(LocationRow l) {
    Map<String, Object> m = new LinkedHashMap<>();
    String id = l.id().toString();
    m.put("id", id);
    m.put("location_type", "physical");
    m.put("name", l.name());
    m.put("organization_id", l.organizationId().toString());
    if (l.hasCoordinates()) {
      m.put("latitude", l.latitude());
      m.put("longitude", l.longitude());
    }
    Map<String, Object> address = new LinkedHashMap<>();
    address.put("id", UUID.nameUUIDFromBytes((id + "address").getBytes()).toString());
    address.put("location_id", id);
    address.put("address_1", l.street() == null ? "" : l.street());
    address.put("city", l.city() == null ? "" : l.city());
    address.put("state_province", "");
    address.put("postal_code", l.postalCode() == null ? "" : l.postalCode());
    address.put("country", "DE");
    address.put("address_type", "physical");
    m.put("addresses", List.of(address));
    if (l.accessibility() != null) {
      m.put(
          "accessibility",
          List.of(
              Map.of(
                  "id",
                  UUID.nameUUIDFromBytes((id + "access").getBytes()).toString(),
                  "location_id",
                  id,
                  "description",
                  l.accessibility())));
    }
    return m;
  }

  static final String[] WEEKDAYS = {
    "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"
  };

  /** A phone of a service, organisation or contact: HSDS type "voice". */
  static Map<String, Object> phone(String seed, String number, String linkField, String linkId) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("id", UUID.nameUUIDFromBytes(seed.getBytes()).toString());
    p.put(linkField, linkId);
    p.put("number", number);
    p.put("type", "voice");
    return p;
  }

  private static void put(Map<String, Object> m, String key, String value) {
    if (value != null && !value.isBlank()) {
      m.put(key, value);
    }
  }
}
