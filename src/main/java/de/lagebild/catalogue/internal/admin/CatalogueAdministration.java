package de.lagebild.catalogue.internal.admin;

import de.lagebild.atlas.AreaLookup;
import de.lagebild.catalogue.internal.offers.Catalogue;
import de.lagebild.catalogue.internal.offers.OfferRules;
import de.lagebild.catalogue.internal.store.CatalogueRows.CategoryRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.LocationRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OrganizationRow;
import de.lagebild.catalogue.internal.store.CategoryRepository;
import de.lagebild.catalogue.internal.store.LocationRepository;
import de.lagebild.catalogue.internal.store.OrganizationRepository;
import de.lagebild.identity.TenantDirectory;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import de.lagebild.platform.Text;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coordinator's upkeep of the catalogue's frame: categories (add, rename, move, delete),
 * organisations, locations and the provider accounts that keep an organisation's offers. Each
 * change in one transaction with its audit entry.
 */
@Service
class CatalogueAdministration {

  /** The problems of a form, each with its field. */
  static final class Invalid extends RuntimeException {
    final transient List<OfferRules.Problem> problems;

    Invalid(List<OfferRules.Problem> problems) {
      super("invalid");
      this.problems = problems;
    }
  }

  private final Catalogue catalogue;
  private final CategoryRepository categoryRepository;
  private final LocationRepository locationRepository;
  private final OrganizationRepository organizationRepository;
  private final AreaLookup areas;
  private final TenantDirectory directory;
  private final Geocoder geocoder;
  private final AuditLog audit;

  CatalogueAdministration(
      Catalogue catalogue,
      CategoryRepository categoryRepository,
      LocationRepository locationRepository,
      OrganizationRepository organizationRepository,
      AreaLookup areas,
      TenantDirectory directory,
      Geocoder geocoder,
      AuditLog audit) {
    this.catalogue = catalogue;
    this.categoryRepository = categoryRepository;
    this.locationRepository = locationRepository;
    this.organizationRepository = organizationRepository;
    this.areas = areas;
    this.directory = directory;
    this.geocoder = geocoder;
    this.audit = audit;
  }

  @Transactional
  UUID addCategory(String name, UUID parent) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > 200) {
      throw new DomainException("catalogue.category.name");
    }
    Map<UUID, CategoryRow> categories = catalogue.categoryMap();
    if (parent != null && !categories.containsKey(parent)) {
      throw new NotFoundException();
    }
    UUID id = UUID.randomUUID();
    categoryRepository.insertCategory(new CategoryRow(id, parent, n, categories.size()));
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("name", n);
    after.put("parent", parent == null ? "" : categories.get(parent).name());
    audit.record("CREATE", "Category", id, "Kategorie angelegt: " + n, null, after);
    return id;
  }

  @Transactional
  void renameCategory(UUID id, String name) {
    CategoryRow c = category(id);
    if (name == null || name.isBlank() || name.strip().length() > 200) {
      throw new DomainException("catalogue.category.name");
    }
    categoryRepository.renameCategory(id, name.strip());
    audit.record(
        "UPDATE",
        "Category",
        id,
        "Kategorie umbenannt: " + c.name() + " → " + name.strip(),
        Map.of("name", c.name()),
        Map.of("name", name.strip()));
  }

  /**
   * One place up ({@code hoch}) or down ({@code runter}) among the categories of the same parent.
   */
  @Transactional
  void moveCategory(UUID id, String direction) {
    CategoryRow moved = category(id);
    List<UUID> siblings =
        new ArrayList<>(
            categoryRepository.categories().stream()
                .filter(c -> Objects.equals(c.parentId(), moved.parentId()))
                .map(CategoryRow::id)
                .toList());
    int from = siblings.indexOf(id);
    int to = "hoch".equals(direction) ? from - 1 : "runter".equals(direction) ? from + 1 : -1;
    if (to < 0 || to >= siblings.size()) {
      throw new DomainException("catalogue.category.move", moved.name());
    }
    Collections.swap(siblings, from, to);
    categoryRepository.orderCategories(siblings);
    audit.record(
        "UPDATE",
        "Category",
        id,
        "Kategorie "
            + ("hoch".equals(direction) ? "nach oben" : "nach unten")
            + " verschoben: "
            + moved.name(),
        Map.of("position", from + 1),
        Map.of("position", to + 1));
  }

  @Transactional
  void deleteCategory(UUID id) {
    CategoryRow c = category(id);
    int use = categoryRepository.categoryUse(id);
    if (use > 0) {
      throw new DomainException("catalogue.category.inUse", use);
    }
    categoryRepository.deleteCategory(id);
    audit.record(
        "DELETE",
        "Category",
        id,
        "Kategorie gelöscht: " + c.name(),
        Map.of("name", c.name()),
        null);
  }

  @Transactional
  UUID addOrganization(String name, String email, String phone, String website) {
    List<OfferRules.Problem> p = new ArrayList<>();
    if (name == null || name.isBlank() || name.strip().length() > 300) {
      p.add(new OfferRules.Problem("name", "catalogue.rule.nameMissing", ""));
    }
    OfferRules.email(email, "email", p);
    OfferRules.url(website, "url", p);
    if (!p.isEmpty()) {
      throw new Invalid(p);
    }
    OrganizationRow row =
        new OrganizationRow(
            UUID.randomUUID(),
            name.strip(),
            null,
            Text.blankToNull(email),
            Text.blankToNull(phone),
            Text.blankToNull(website),
            0);
    organizationRepository.insertOrganization(row, catalogue.now());
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("name", row.name());
    after.put("email", nz(row.email()));
    after.put("phone", nz(row.phone()));
    after.put("website", nz(row.website()));
    audit.record(
        "CREATE", "Organization", row.id(), "Anbieter angelegt: " + row.name(), null, after);
    return row.id();
  }

  /**
   * A new location; coordinates typed (or found by the geocoder), checked, and placed in its atlas
   * area.
   */
  @Transactional
  UUID addLocation(
      UUID organization,
      String name,
      String street,
      String postalCode,
      String city,
      String latitude,
      String longitude,
      String accessibility) {
    OrganizationRow org =
        organizationRepository.organization(organization).orElseThrow(NotFoundException::new);
    List<OfferRules.Problem> p = new ArrayList<>();
    BigDecimal lat = OfferRules.coordinate(latitude, "latitude", p);
    BigDecimal lon = OfferRules.coordinate(longitude, "longitude", p);
    if (lat == null && lon == null && p.isEmpty()) {
      Optional<Geocoder.Point> found =
          geocoder.locate(
              Text.blankToNull(street), Text.blankToNull(postalCode), Text.blankToNull(city));
      lat = found.map(Geocoder.Point::latitude).orElse(null);
      lon = found.map(Geocoder.Point::longitude).orElse(null);
    }
    LocationRow l =
        new LocationRow(
            UUID.randomUUID(),
            organization,
            name == null ? null : name.strip(),
            Text.blankToNull(street),
            Text.blankToNull(postalCode),
            Text.blankToNull(city),
            lat,
            lon,
            Text.blankToNull(accessibility),
            null,
            0);
    p.addAll(OfferRules.check(l));
    if (!p.isEmpty()) {
      throw new Invalid(p);
    }
    UUID area =
        lat == null
            ? null
            : areas
                .areaAt(lat.doubleValue(), lon.doubleValue())
                .map(r -> r.id().value())
                .orElse(null);
    LocationRow row =
        new LocationRow(
            l.id(),
            organization,
            l.name(),
            l.street(),
            l.postalCode(),
            l.city(),
            lat,
            lon,
            l.accessibility(),
            area,
            0);
    locationRepository.insertLocation(row);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("organization", org.name());
    after.put("name", nz(row.name()));
    after.put("address", row.address());
    after.put("latitude", lat == null ? "" : lat.toPlainString());
    after.put("longitude", lon == null ? "" : lon.toPlainString());
    audit.record(
        "CREATE",
        "Location",
        row.id(),
        "Ort angelegt: " + nz(row.name()) + " (" + org.name() + ")",
        null,
        after);
    return row.id();
  }

  /** Lets a provider account keep the offers of an organisation. */
  @Transactional
  void linkProvider(UUID user, UUID organization) {
    OrganizationRow org =
        organizationRepository.organization(organization).orElseThrow(NotFoundException::new);
    var member =
        directory.members(Role.PROVIDER).stream()
            .filter(m -> m.userId().equals(user))
            .findFirst()
            .orElseThrow(NotFoundException::new);
    organizationRepository.addMember(user, organization);
    audit.record(
        "CREATE",
        "ProviderAccount",
        organization,
        "Anbieterkonto verknüpft: " + member.username() + " → " + org.name(),
        null,
        Map.of("user", member.username(), "organization", org.name()));
  }

  private CategoryRow category(UUID id) {
    CategoryRow c = catalogue.categoryMap().get(id);
    if (c == null) {
      throw new NotFoundException();
    }
    return c;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
