package de.lagebild.catalogue.internal.offers;

import de.lagebild.atlas.AreaId;
import de.lagebild.atlas.AreaLookup;
import de.lagebild.catalogue.internal.search.OfferSearch;
import de.lagebild.catalogue.internal.store.CatalogueRevision;
import de.lagebild.catalogue.internal.store.CatalogueRows.CategoryRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.LocationRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferView;
import de.lagebild.catalogue.internal.store.CatalogueRows.OrganizationRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.Status;
import de.lagebild.catalogue.internal.store.CategoryRepository;
import de.lagebild.catalogue.internal.store.LocationRepository;
import de.lagebild.catalogue.internal.store.OfferAccessRepository;
import de.lagebild.catalogue.internal.store.OfferChangeRepository;
import de.lagebild.catalogue.internal.store.OfferRepository;
import de.lagebild.catalogue.internal.store.OrganizationRepository;
import de.lagebild.catalogue.internal.store.ReminderRepository;
import de.lagebild.identity.CurrentUser;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import de.lagebild.platform.TenantAccess;
import de.lagebild.platform.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue's rules. Coordinators (and administrators) edit any offer directly. A provider
 * account acts only for its own organisations: its new offers wait in review; its changes to a
 * published offer are kept as a proposal and the published offer stays as it is until a coordinator
 * accepts the proposal (or returns it with a comment). An offer of another organisation is "not
 * found" for a provider. Confirming that an offer is still current needs no review. Search goes
 * through {@link OfferSearch}, rebuilt when the catalogue's revision changed.
 *
 * <p>Why this class is long: the review workflow (direct edit, proposal, acceptance, return,
 * confirmation) is one set of rules over the same offer and must stay in one place; the snapshot of
 * categories, organisations and locations that every view of an offer needs belongs beside it.
 */
@Service
public class Catalogue {

  private final CatalogueRevision catalogueRevision;
  private final CategoryRepository categoryRepository;
  private final LocationRepository locationRepository;
  private final OfferAccessRepository accessRepository;
  private final OfferChangeRepository changeRepository;
  private final OfferRepository offerRepository;
  private final OrganizationRepository organizationRepository;
  private final ReminderRepository reminderRepository;
  private final AreaLookup areas;
  private final AuditLog audit;
  private final JsonMapper json;
  private final Clock clock;
  private final OfferSearch search = new OfferSearch();

  Catalogue(
      CatalogueRevision catalogueRevision,
      CategoryRepository categoryRepository,
      LocationRepository locationRepository,
      OfferAccessRepository accessRepository,
      OfferChangeRepository changeRepository,
      OfferRepository offerRepository,
      OrganizationRepository organizationRepository,
      ReminderRepository reminderRepository,
      AreaLookup areas,
      AuditLog audit,
      JsonMapper json,
      Clock clock,
      org.springframework.cache.CacheManager caches) {
    this.snapshots = java.util.Objects.requireNonNull(caches.getCache(SNAPSHOT_CACHE));
    this.catalogueRevision = catalogueRevision;
    this.categoryRepository = categoryRepository;
    this.locationRepository = locationRepository;
    this.accessRepository = accessRepository;
    this.changeRepository = changeRepository;
    this.offerRepository = offerRepository;
    this.organizationRepository = organizationRepository;
    this.reminderRepository = reminderRepository;
    this.areas = areas;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- who may do what

  static boolean isCoordinator() {
    return TenantContext.access().map(a -> a.hasRole(Role.ADMIN, Role.COORDINATOR)).orElse(false);
  }

  /**
   * The organisations the current user may edit offers of: all for coordinators, its own for
   * providers.
   */
  Set<UUID> editableOrganizations() {
    if (isCoordinator()) {
      return organizationRepository.organizations().stream()
          .map(OrganizationRow::id)
          .collect(Collectors.toSet());
    }
    TenantAccess access = TenantContext.access().orElseThrow();
    if (!access.hasRole(Role.PROVIDER)) {
      return Set.of();
    }
    UUID user = CurrentUser.get().map(u -> u.id()).orElseThrow();
    return Set.copyOf(organizationRepository.organizationsOf(user));
  }

  /** An offer the current user may edit; another organisation's offer is not found. */
  OfferRow editable(UUID id) {
    OfferRow o = offerRepository.offer(id).orElseThrow(NotFoundException::new);
    if (!editableOrganizations().contains(o.organizationId())) {
      throw new NotFoundException();
    }
    return o;
  }

  // ---------------------------------------------------------------- reading

  OfferView view(OfferRow o) {
    Map<UUID, CategoryRow> categories = categoryMap();
    List<LocationRow> locations =
        o.content().locations().stream()
            .map(locationRepository::location)
            .flatMap(Optional::stream)
            .toList();
    return new OfferView(
        o,
        organizationRepository.organization(o.organizationId()).orElse(null),
        locations,
        o.content().categories().stream().map(categories::get).filter(Objects::nonNull).toList());
  }

  /**
   * Categories, organisations and locations of a tenant as of one catalogue revision (they change
   * rarely).
   */
  private record Snapshot(
      long revision,
      Map<UUID, CategoryRow> categories,
      Map<UUID, OrganizationRow> organizations,
      Map<UUID, LocationRow> locations)
      implements de.lagebild.platform.CacheSpec.Weighed {
    /** About 600 bytes per row with its texts and map slot. */
    @Override
    public long bytes() {
      return 128 + 600L * (categories.size() + organizations.size() + locations.size());
    }
  }

  static final String SNAPSHOT_CACHE = "catalogue-snapshots";

  /** The snapshots of every tenant that asked: 16 MB (about 27,000 rows). */
  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  static class Caches {
    @org.springframework.context.annotation.Bean
    de.lagebild.platform.CacheSpec catalogueSnapshotCache() {
      return new de.lagebild.platform.CacheSpec(SNAPSHOT_CACHE, 16L * 1024 * 1024, null);
    }
  }

  private final org.springframework.cache.Cache snapshots;

  private Snapshot snapshot(long revision) {
    UUID tenant = TenantContext.require().value();
    Snapshot s = snapshots.get(tenant, Snapshot.class);
    if (s == null || s.revision() != revision) {
      Map<UUID, OrganizationRow> organizations = new HashMap<>();
      organizationRepository.organizations().forEach(o -> organizations.put(o.id(), o));
      Map<UUID, LocationRow> locations = new HashMap<>();
      locationRepository.locations().forEach(l -> locations.put(l.id(), l));
      s = new Snapshot(revision, categoryMap(), Map.copyOf(organizations), Map.copyOf(locations));
      snapshots.put(tenant, s);
    }
    return s;
  }

  public List<OfferView> views(List<OfferRow> offers) {
    return views(offers, snapshot(catalogueRevision.revision()));
  }

  private List<OfferView> views(List<OfferRow> offers, Snapshot snapshot) {
    Map<UUID, CategoryRow> categories = snapshot.categories();
    Map<UUID, OrganizationRow> organizations = snapshot.organizations();
    Map<UUID, LocationRow> locations = snapshot.locations();
    return offers.stream()
        .map(
            o ->
                new OfferView(
                    o,
                    organizations.get(o.organizationId()),
                    o.content().locations().stream()
                        .map(locations::get)
                        .filter(Objects::nonNull)
                        .toList(),
                    o.content().categories().stream()
                        .map(categories::get)
                        .filter(Objects::nonNull)
                        .toList()))
        .toList();
  }

  /** The categories as of the current revision (from the snapshot, no query of their own). */
  public Collection<CategoryRow> categories() {
    return snapshot(catalogueRevision.revision()).categories().values();
  }

  /** The categories in tree order: each top-level category followed by its sub-categories. */
  public Map<UUID, CategoryRow> categoryMap() {
    List<CategoryRow> all = categoryRepository.categories();
    Map<UUID, CategoryRow> m = new LinkedHashMap<>();
    for (CategoryRow top : all) {
      if (top.parentId() == null) {
        m.put(top.id(), top);
        all.stream().filter(c -> top.id().equals(c.parentId())).forEach(c -> m.put(c.id(), c));
      }
    }
    all.forEach(c -> m.putIfAbsent(c.id(), c));
    return m;
  }

  /**
   * The atlas areas the tenant's locations lie in, with the areas around them (for the area
   * filter).
   */
  public List<AreaLookup.AreaRef> areasWithOffers() {
    Snapshot s = snapshot(catalogueRevision.revision());
    Set<UUID> used = new HashSet<>();
    s.locations().values().stream()
        .map(LocationRow::areaId)
        .filter(Objects::nonNull)
        .distinct()
        .forEach(a -> areas.chain(AreaId.of(a)).forEach(r -> used.add(r.id().value())));
    return areas.areas().stream().filter(a -> used.contains(a.id().value())).toList();
  }

  /** The public offer (published only). */
  /** The tenant's catalogue revision (raised by every write). */
  public long revision() {
    return catalogueRevision.revision();
  }

  public OfferView published(UUID id) {
    OfferRow o = offerRepository.offer(id).orElseThrow(NotFoundException::new);
    if (o.status() != Status.PUBLISHED) {
      throw new NotFoundException();
    }
    return view(o);
  }

  /**
   * A page of offers found; {@code revision} is the catalogue's revision it shows and {@code
   * current} whether the search index was at that revision (see {@link OfferSearch.Result}).
   */
  public record Page(
      List<OfferView> offers,
      long total,
      int offset,
      int limit,
      OfferSearch.Facets facets,
      long revision,
      boolean current) {
    public int pages() {
      return (int) Math.max(1, (total + limit - 1) / limit);
    }

    public int page() {
      return offset / limit + 1;
    }
  }

  public Page search(OfferSearch.Query q, int offset, int limit) {
    return search(q, offset, limit, false);
  }

  /**
   * The search with the counts per filter value ({@link Page#facets()}), for the public search
   * page.
   */
  public Page search(OfferSearch.Query q, int offset, int limit, boolean facets) {
    UUID tenant = TenantContext.require().value();
    CatalogueRevision.Revisions revisions = catalogueRevision.revisions();
    long revision = revisions.content();
    OfferSearch.Result r = search.search(tenant, revisions, feed(), q, offset, limit, facets);
    Map<UUID, OfferRow> rows = new HashMap<>();
    offerRepository
        .offers(r.hits().stream().map(OfferSearch.Hit::offer).toList())
        .forEach(o -> rows.put(o.id(), o));
    List<OfferRow> ordered =
        r.hits().stream().map(h -> rows.get(h.offer())).filter(Objects::nonNull).toList();
    return new Page(
        views(ordered, snapshot(revision)),
        r.total(),
        offset,
        limit,
        r.facets(),
        revision,
        r.current());
  }

  /**
   * The counts per filter value alone (the benchmark times them; the page gets them with its
   * search).
   */
  public OfferSearch.Facets facets(OfferSearch.Query q) {
    return search.facets(TenantContext.require().value(), catalogueRevision.revisions(), feed(), q);
  }

  /** Only the ids of a search (the API and the benchmark): the index alone, no offer loaded. */
  public OfferSearch.Result searchIds(OfferSearch.Query q, int offset, int limit) {
    return search.search(
        TenantContext.require().value(), catalogueRevision.revisions(), feed(), q, offset, limit);
  }

  public int rebuildIndex() {
    return search.rebuild(TenantContext.require().value(), catalogueRevision.revisions(), feed());
  }

  public OfferSearch.Stats indexStats() {
    return search.stats(TenantContext.require().value());
  }

  /**
   * The search index's view of the database: all published offers, or the offers written after a
   * revision.
   */
  OfferSearch.Feed feed() {
    return new OfferSearch.Feed() {
      @Override
      public OfferSearch.Source full() {
        return source(offerRepository.offers(Status.PUBLISHED));
      }

      @Override
      public OfferSearch.Source changedSince(long revision) {
        return source(offerRepository.offersChangedSince(revision));
      }
    };
  }

  private OfferSearch.Source source(List<OfferRow> offers) {
    Map<UUID, OrganizationRow> organizations = new HashMap<>();
    organizationRepository.organizations().forEach(o -> organizations.put(o.id(), o));
    Map<UUID, LocationRow> locations = new HashMap<>();
    locationRepository.locations().forEach(l -> locations.put(l.id(), l));
    Map<UUID, List<UUID>> chains = new HashMap<>();
    return new OfferSearch.Source(
        offers,
        organizations,
        locations,
        categoryMap(),
        area ->
            chains.computeIfAbsent(
                area, a -> areas.chain(AreaId.of(a)).stream().map(r -> r.id().value()).toList()));
  }

  // ---------------------------------------------------------------- access counts

  public void countView(UUID offer) {
    accessRepository.countView(
        offer, YearMonth.now(clock.withZone(ZoneId.of("Europe/Berlin"))).toString());
  }

  public static String actor() {
    return CurrentUser.get().map(u -> u.actorName()).orElse("System");
  }

  public Instant now() {
    return clock.instant();
  }
}
