package de.lagebild.catalogue.internal.demo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import de.lagebild.atlas.AreaLookup;
import de.lagebild.catalogue.internal.offers.OfferRules;
import de.lagebild.catalogue.internal.store.CatalogueRows;
import de.lagebild.catalogue.internal.store.CatalogueRows.CategoryRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.ContactRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.LocationRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferContent;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OrganizationRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.ScheduleRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.Status;
import de.lagebild.catalogue.internal.store.CategoryRepository;
import de.lagebild.catalogue.internal.store.LocationRepository;
import de.lagebild.catalogue.internal.store.OfferAccessRepository;
import de.lagebild.catalogue.internal.store.OfferChangeRepository;
import de.lagebild.catalogue.internal.store.OfferRepository;
import de.lagebild.catalogue.internal.store.OrganizationRepository;
import de.lagebild.identity.DemoTenantWork;
import de.lagebild.identity.TenantDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo catalogue of the Landkreis Nordhausen (invented, see {@code demo/catalogue/SOURCES.md}):
 * categories with sub-categories, eleven organisations, their locations (placed in their atlas
 * area), 67 offers – 64 published, some not verified for more than a year, two in review, one draft
 * – and the provider accounts "anbieter" and "anbieter2" linked to their organisations. Every offer
 * carries the demo flag.
 */
@Component
@Order(40)
class DemoCatalogue implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoCatalogue.class);
  static final String RESOURCE = "demo/catalogue/angebote-nordhausen.json";

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Category(String name, List<String> children) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Organization(
      String key,
      String name,
      String description,
      String provider,
      String email,
      String phone,
      String website) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Location(
      String key,
      String organization,
      String name,
      String street,
      String postalCode,
      String city,
      BigDecimal latitude,
      BigDecimal longitude,
      String accessibility) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Contact(String name, String role, String email, String phone) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Offer(
      String organization,
      List<String> locations,
      String name,
      List<String> categories,
      String description,
      Integer ageFrom,
      Integer ageTo,
      List<String> languages,
      List<String> targetGroups,
      List<String> lifeSituations,
      String cost,
      String costNote,
      List<ScheduleRow> schedules,
      String applicationProcess,
      Contact contact,
      String status,
      int verifiedDaysAgo,
      boolean url,
      Integer places) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Data(
      List<Category> categories,
      List<Organization> organizations,
      List<Location> locations,
      List<Offer> offers) {}

  private final TenantDirectory tenants;
  private final CategoryRepository categoryRepository;
  private final LocationRepository locationRepository;
  private final OfferAccessRepository accessRepository;
  private final OfferChangeRepository changeRepository;
  private final OfferRepository offerRepository;
  private final OrganizationRepository organizationRepository;
  private final AreaLookup areas;
  private final JsonMapper json;
  private final DemoTenantWork demo;
  private final Clock clock;

  DemoCatalogue(
      TenantDirectory tenants,
      CategoryRepository categoryRepository,
      LocationRepository locationRepository,
      OfferAccessRepository accessRepository,
      OfferChangeRepository changeRepository,
      OfferRepository offerRepository,
      OrganizationRepository organizationRepository,
      AreaLookup areas,
      JsonMapper json,
      DemoTenantWork demo,
      Clock clock) {
    this.tenants = tenants;
    this.categoryRepository = categoryRepository;
    this.locationRepository = locationRepository;
    this.accessRepository = accessRepository;
    this.changeRepository = changeRepository;
    this.offerRepository = offerRepository;
    this.organizationRepository = organizationRepository;
    this.areas = areas;
    this.json = json;
    this.demo = demo;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    if (!demo.demo()) {
      return;
    }
    Data data;
    try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
      data = json.readValue(in, Data.class);
    }
    demo.inTenant(
        "nordhausen", () -> !organizationRepository.organizations().isEmpty(), () -> load(data));
  }

  void load(Data data) {
    Instant now = clock.instant();
    Map<String, UUID> categories = new HashMap<>();
    int position = 0;
    for (Category c : data.categories()) {
      UUID id = UUID.randomUUID();
      categoryRepository.insertCategory(new CategoryRow(id, null, c.name(), position++));
      categories.put(c.name(), id);
      int sub = 0;
      for (String child : c.children()) {
        UUID childId = UUID.randomUUID();
        categoryRepository.insertCategory(new CategoryRow(childId, id, child, sub++));
        categories.put(child, childId);
      }
    }
    Map<String, UUID> organizations = new HashMap<>();
    for (Organization o : data.organizations()) {
      UUID id = UUID.randomUUID();
      organizationRepository.insertOrganization(
          new OrganizationRow(
              id, o.name() + "", o.description(), o.email(), o.phone(), o.website(), 0),
          now);
      organizations.put(o.key(), id);
      if (o.provider() != null) {
        tenants.userId(o.provider()).ifPresent(user -> organizationRepository.addMember(user, id));
      }
    }
    Map<String, UUID> locations = new HashMap<>();
    for (Location l : data.locations()) {
      UUID id = UUID.randomUUID();
      UUID area =
          areas
              .areaAt(l.latitude().doubleValue(), l.longitude().doubleValue())
              .map(r -> r.id().value())
              .orElse(null);
      locationRepository.insertLocation(
          new LocationRow(
              id,
              organizations.get(l.organization()),
              l.name(),
              l.street(),
              l.postalCode(),
              l.city(),
              l.latitude(),
              l.longitude(),
              l.accessibility(),
              area,
              0));
      locations.put(l.key(), id);
    }
    int published = 0;
    for (Offer o : data.offers()) {
      UUID org = organizations.get(o.organization());
      OrganizationRow organization = organizationRepository.organization(org).orElseThrow();
      String slug =
          o.name()
              .toLowerCase(Locale.GERMAN)
              .replaceAll("[^a-z0-9]+", "-")
              .replaceAll("(^-|-$)", "");
      OfferContent content =
          OfferRules.clean(
              new OfferContent(
                  o.name(),
                  o.description(),
                  o.cost(),
                  o.costNote(),
                  o.ageFrom(),
                  o.ageTo(),
                  o.languages(),
                  o.targetGroups(),
                  o.lifeSituations(),
                  o.url() ? organization.website() + "/" + slug : null,
                  organization.email(),
                  organization.phone(),
                  o.applicationProcess(),
                  o.categories().stream().map(categories::get).toList(),
                  o.locations().stream().map(locations::get).toList(),
                  o.schedules(),
                  o.contact() == null
                      ? List.of()
                      : List.of(
                          new ContactRow(
                              o.contact().name(),
                              o.contact().role(),
                              o.contact().email(),
                              o.contact().phone())),
                  o.places()));
      List<OfferRules.Problem> problems =
          OfferRules.check(
              content, Set.copyOf(categories.values()), Set.copyOf(locations.values()));
      if (!problems.isEmpty()) {
        throw new IllegalStateException("Demo offer " + o.name() + ": " + problems);
      }
      Status status = Status.valueOf(o.status());
      Instant verified =
          status == Status.PUBLISHED ? now.minus(Duration.ofDays(o.verifiedDaysAgo())) : null;
      UUID id = UUID.randomUUID();
      offerRepository.insertOffer(
          new OfferRow(
              id,
              org,
              status,
              true,
              verified,
              verified == null ? null : "Demo-Redaktion",
              now,
              0,
              content),
          now);
      if (status == Status.IN_REVIEW) {
        changeRepository.insertChange(
            new CatalogueRows.ChangeRow(
                UUID.randomUUID(),
                id,
                content,
                "SUBMITTED",
                null,
                "Demo-Anbieter",
                now,
                null,
                null),
            json.writeValueAsString(content));
      }
      if (status == Status.PUBLISHED) {
        published++;
        // an invented history of page views for the last six months (the current month starts at
        // zero)
        Random random = new Random(o.name().hashCode());
        int base = 5 + random.nextInt(60);
        YearMonth month = YearMonth.now(ZoneId.of("Europe/Berlin"));
        for (int back = 1; back <= 6; back++) {
          accessRepository.setViews(
              id, month.minusMonths(back).toString(), Math.max(0, base + random.nextInt(21) - 10));
        }
      }
    }
    log.info(
        "Demo catalogue loaded: {} categories, {} organisations, {} locations, {} offers ({} published)",
        categories.size(),
        organizations.size(),
        locations.size(),
        data.offers().size(),
        published);
  }
}
