package de.lagebild.catalogue.internal.offers;

import de.lagebild.atlas.AreaLookup;
import de.lagebild.catalogue.internal.search.OfferSearch;
import de.lagebild.catalogue.internal.store.CatalogueRevision;
import de.lagebild.catalogue.internal.store.CatalogueRows.CategoryRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.ChangeRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.LocationRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferContent;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferView;
import de.lagebild.catalogue.internal.store.CatalogueRows.OrganizationRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.Status;
import de.lagebild.catalogue.internal.store.CatalogueTables;
import de.lagebild.catalogue.internal.store.CategoryRepository;
import de.lagebild.catalogue.internal.store.LocationRepository;
import de.lagebild.catalogue.internal.store.OfferAccessRepository;
import de.lagebild.catalogue.internal.store.OfferChangeRepository;
import de.lagebild.catalogue.internal.store.OfferRepository;
import de.lagebild.catalogue.internal.store.OrganizationRepository;
import de.lagebild.catalogue.internal.store.ReminderRepository;
import de.lagebild.identity.CurrentUser;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.ConcurrentEditException;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import de.lagebild.platform.TenantAccess;
import de.lagebild.platform.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jooq.Record;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue's rules. Coordinators (and administrators) edit any offer directly. A provider
 * account acts only for its own organisations: its new offers wait in review; its changes to a
 * published offer are kept as a proposal and the published offer stays as it is until a coordinator
 * accepts the proposal (or returns it with a comment). An offer of another organisation is "not
 * found" for a provider. Confirming that an offer is still current needs no review. Search goes
 * through {@link OfferSearch}, rebuilt when the catalogue's revision changed.
 */
@Service
public class Catalogue {

  /**
   * Offers not verified for this long are stale (configurable: {@code
   * lagebild.catalogue.stale-after-days}).
   */
  private final Duration staleAfter;

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
      @Value("${lagebild.catalogue.stale-after-days:365}") int staleDays) {
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
    this.staleAfter = Duration.ofDays(staleDays);
  }

  public Duration staleAfter() {
    return staleAfter;
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
      Map<UUID, LocationRow> locations) {}

  private final Map<UUID, Snapshot> snapshots = new ConcurrentHashMap<>();

  private Snapshot snapshot(long revision) {
    UUID tenant = TenantContext.require().value();
    Snapshot s = snapshots.get(tenant);
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
        .forEach(a -> areas.chain(a).forEach(r -> used.add(r.id())));
    return areas.areas().stream().filter(a -> used.contains(a.id())).toList();
  }

  /** The public offer (published only). */
  public OfferView published(UUID id) {
    OfferRow o = offerRepository.offer(id).orElseThrow(NotFoundException::new);
    if (o.status() != Status.PUBLISHED) {
      throw new NotFoundException();
    }
    return view(o);
  }

  public record Page(
      List<OfferView> offers, long total, int offset, int limit, OfferSearch.Facets facets) {
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
    return new Page(views(ordered, snapshot(revision)), r.total(), offset, limit, r.facets());
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
                area, a -> areas.chain(a).stream().map(AreaLookup.AreaRef::id).toList()));
  }

  // ---------------------------------------------------------------- writing

  /**
   * Creates an offer of {@code organization}: published at once when a coordinator says so,
   * otherwise (providers) in review – or a draft when {@code draft}.
   */
  @Transactional
  UUID create(UUID organization, OfferContent content, boolean draft, boolean publish) {
    if (!editableOrganizations().contains(organization)) {
      throw new NotFoundException();
    }
    OfferContent c = checked(organization, content);
    Instant now = clock.instant();
    UUID id = UUID.randomUUID();
    boolean coordinator = isCoordinator();
    Status status =
        draft
            ? Status.DRAFT
            : coordinator && publish
                ? Status.PUBLISHED
                : coordinator ? Status.DRAFT : Status.IN_REVIEW;
    offerRepository.insertOffer(
        new OfferRow(
            id,
            organization,
            status,
            false,
            status == Status.PUBLISHED ? now : null,
            status == Status.PUBLISHED ? actor() : null,
            now,
            0,
            c),
        now);
    if (status == Status.IN_REVIEW) {
      submit(id, c, now);
    }
    audit.record(
        "CREATE",
        "Offer",
        id,
        "Angebot angelegt: " + c.name(),
        null,
        Map.of("status", status.name()));
    return id;
  }

  /** What happened to an edit. */
  enum Outcome {
    SAVED,
    SUBMITTED
  }

  /**
   * Saves an edit. A coordinator's edit is saved; a provider's edit of a published offer becomes a
   * proposal (the published offer unchanged); a provider's edit of an unpublished offer is saved
   * and sent to review again.
   */
  @Transactional
  Outcome update(UUID id, int version, OfferContent content, boolean draft) {
    OfferRow o = editable(id);
    if (o.version() != version) {
      throw new ConcurrentEditException("Angebot");
    }
    OfferContent c = checked(o.organizationId(), content);
    Instant now = clock.instant();
    if (isCoordinator()) {
      if (!offerRepository.updateContent(id, version, c, now)) {
        throw new ConcurrentEditException("Angebot");
      }
      audit.record(
          "UPDATE",
          "Offer",
          id,
          "Angebot geändert: " + c.name(),
          null,
          Map.of("by", "coordinator"));
      return Outcome.SAVED;
    }
    if (o.status() == Status.PUBLISHED) {
      withdrawOpen(id, now);
      submit(id, c, now);
      audit.record("PROPOSE", "Offer", id, "Änderung vorgeschlagen: " + c.name(), null, Map.of());
      return Outcome.SUBMITTED;
    }
    if (!offerRepository.updateContent(id, version, c, now)) {
      throw new ConcurrentEditException("Angebot");
    }
    withdrawOpen(id, now);
    if (draft) {
      offerRepository.setStatus(id, Status.DRAFT, now);
      return Outcome.SAVED;
    }
    offerRepository.setStatus(id, Status.IN_REVIEW, now);
    submit(id, c, now);
    return Outcome.SUBMITTED;
  }

  private void submit(UUID offer, OfferContent c, Instant now) {
    changeRepository.insertChange(
        new ChangeRow(UUID.randomUUID(), offer, c, "SUBMITTED", null, actor(), now, null, null),
        json.writeValueAsString(c));
  }

  private void withdrawOpen(UUID offer, Instant now) {
    for (Record r : changeRepository.changesOf(offer)) {
      if ("SUBMITTED".equals(r.get(CatalogueTables.Change.STATE))) {
        changeRepository.decide(
            r.get(CatalogueTables.Change.ID),
            "WITHDRAWN",
            "durch neuere Fassung ersetzt",
            actor(),
            now);
      }
    }
  }

  /** The checked, cleaned content; errors are thrown with field and reason. */
  OfferContent checked(UUID organization, OfferContent content) {
    OfferContent c = OfferRules.clean(content);
    Set<UUID> locations =
        locationRepository.locations().stream()
            .filter(l -> l.organizationId().equals(organization))
            .map(LocationRow::id)
            .collect(Collectors.toSet());
    List<OfferRules.Problem> problems = OfferRules.check(c, categoryMap().keySet(), locations);
    if (!problems.isEmpty()) {
      throw new InvalidOffer(problems);
    }
    return c;
  }

  /** An offer that breaks a rule: the problems with field and message. */
  static final class InvalidOffer extends DomainException {
    private final transient List<OfferRules.Problem> problems;

    InvalidOffer(List<OfferRules.Problem> problems) {
      super("catalogue.invalid", problems.size());
      this.problems = List.copyOf(problems);
    }

    List<OfferRules.Problem> problems() {
      return problems;
    }
  }

  /**
   * The provider or coordinator confirms the offer is still current (no review needed: nothing
   * changes).
   */
  @Transactional
  void confirmCurrent(UUID id) {
    editable(id);
    offerRepository.setVerified(id, clock.instant(), actor());
    audit.record("VERIFY", "Offer", id, "Angaben bestätigt", null, Map.of());
  }

  @Transactional
  public void setStatus(UUID id, String statusName) {
    if (!isCoordinator()) {
      throw new NotFoundException();
    }
    OfferRow o = offerRepository.offer(id).orElseThrow(NotFoundException::new);
    Status status;
    try {
      status = Status.valueOf(statusName);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new DomainException("catalogue.rule.choice", statusName);
    }
    offerRepository.setStatus(id, status, clock.instant());
    if (status == Status.PUBLISHED && o.verifiedAt() == null) {
      offerRepository.setVerified(id, clock.instant(), actor());
    }
    audit.record(
        "STATUS",
        "Offer",
        id,
        "Status: " + status,
        Map.of("status", o.status().name()),
        Map.of("status", status.name()));
  }

  // ---------------------------------------------------------------- review

  public record ReviewItem(ChangeRow change, OfferView offer, boolean isNew) {}

  public List<ReviewItem> reviewQueue() {
    List<ReviewItem> items = new ArrayList<>();
    for (Record r : changeRepository.changes("SUBMITTED")) {
      ChangeRow c = change(r);
      offerRepository
          .offer(c.offerId())
          .ifPresent(o -> items.add(new ReviewItem(c, view(o), o.status() != Status.PUBLISHED)));
    }
    return items;
  }

  List<ChangeRow> changesOf(UUID offer) {
    return changeRepository.changesOf(offer).stream().map(this::change).toList();
  }

  ChangeRow change(Record r) {
    return new ChangeRow(
        r.get(CatalogueTables.Change.ID),
        r.get(CatalogueTables.Change.OFFER_ID),
        json.readValue(r.get(CatalogueTables.Change.PROPOSED), OfferContent.class),
        r.get(CatalogueTables.Change.STATE),
        r.get(CatalogueTables.Change.COMMENT),
        r.get(CatalogueTables.Change.SUBMITTED_BY),
        r.get(CatalogueTables.Change.SUBMITTED_AT),
        r.get(CatalogueTables.Change.DECIDED_BY),
        r.get(CatalogueTables.Change.DECIDED_AT));
  }

  /** Accepts a proposal: its content becomes the published offer (checked again), verified now. */
  @Transactional
  public void accept(UUID changeId) {
    ChangeRow c = submittedChange(changeId);
    OfferRow o = offerRepository.offer(c.offerId()).orElseThrow(NotFoundException::new);
    OfferContent content = checked(o.organizationId(), c.proposed());
    Instant now = clock.instant();
    if (!changeRepository.decide(changeId, "ACCEPTED", null, actor(), now)) {
      throw new ConcurrentEditException("Änderungsvorschlag");
    }
    if (!offerRepository.updateContent(o.id(), o.version(), content, now)) {
      throw new ConcurrentEditException("Angebot");
    }
    offerRepository.setStatus(o.id(), Status.PUBLISHED, now);
    offerRepository.setVerified(o.id(), now, c.submittedBy() == null ? actor() : c.submittedBy());
    audit.record(
        "ACCEPT", "Offer", o.id(), "Änderung übernommen: " + content.name(), null, Map.of());
  }

  /**
   * Returns a proposal with a comment (required); a new offer goes back to draft, a published one
   * stays.
   */
  @Transactional
  public void returnChange(UUID changeId, String comment) {
    if (comment == null || comment.isBlank()) {
      throw new DomainException("catalogue.review.commentMissing");
    }
    ChangeRow c = submittedChange(changeId);
    OfferRow o = offerRepository.offer(c.offerId()).orElseThrow(NotFoundException::new);
    Instant now = clock.instant();
    if (!changeRepository.decide(changeId, "RETURNED", comment.strip(), actor(), now)) {
      throw new ConcurrentEditException("Änderungsvorschlag");
    }
    if (o.status() == Status.IN_REVIEW) {
      offerRepository.setStatus(o.id(), Status.DRAFT, now);
    }
    audit.record(
        "RETURN", "Offer", o.id(), "Änderung zurückgegeben: " + comment.strip(), null, Map.of());
  }

  private ChangeRow submittedChange(UUID id) {
    if (!isCoordinator()) {
      throw new NotFoundException();
    }
    ChangeRow c =
        changeRepository.changes(null).stream()
            .map(this::change)
            .filter(x -> x.id().equals(id))
            .findFirst()
            .orElseThrow(NotFoundException::new);
    if (!"SUBMITTED".equals(c.state())) {
      throw new DomainException("catalogue.review.decided");
    }
    return c;
  }

  // ---------------------------------------------------------------- staleness

  public record Stale(OfferView offer, long daysSince, Instant lastReminder) {}

  /** Published offers not verified within {@link #staleAfter()}, oldest first. */
  public List<Stale> stale() {
    Instant limit = clock.instant().minus(staleAfter);
    Map<UUID, Instant> reminders = reminderRepository.lastReminders();
    List<OfferRow> offers =
        offerRepository.offers(Status.PUBLISHED).stream()
            .filter(o -> o.verifiedAt() == null || o.verifiedAt().isBefore(limit))
            .sorted(
                Comparator.comparing(o -> o.verifiedAt() == null ? Instant.EPOCH : o.verifiedAt()))
            .toList();
    return views(offers).stream()
        .map(
            v ->
                new Stale(
                    v,
                    v.offer().verifiedAt() == null
                        ? -1
                        : Duration.between(v.offer().verifiedAt(), clock.instant()).toDays(),
                    reminders.get(v.offer().organizationId())))
        .toList();
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
