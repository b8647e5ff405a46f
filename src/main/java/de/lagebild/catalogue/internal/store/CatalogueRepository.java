package de.lagebild.catalogue.internal.store;

import de.lagebild.catalogue.internal.store.CatalogueRows.CategoryRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.ChangeRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.ContactRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.LocationRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferContent;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OrganizationRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.ScheduleRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.Status;
import de.lagebild.catalogue.internal.store.CatalogueTables.Access;
import de.lagebild.catalogue.internal.store.CatalogueTables.Category;
import de.lagebild.catalogue.internal.store.CatalogueTables.Change;
import de.lagebild.catalogue.internal.store.CatalogueTables.Contact;
import de.lagebild.catalogue.internal.store.CatalogueTables.Location;
import de.lagebild.catalogue.internal.store.CatalogueTables.Member;
import de.lagebild.catalogue.internal.store.CatalogueTables.Offer;
import de.lagebild.catalogue.internal.store.CatalogueTables.OfferCategory;
import de.lagebild.catalogue.internal.store.CatalogueTables.OfferLocation;
import de.lagebild.catalogue.internal.store.CatalogueTables.Organization;
import de.lagebild.catalogue.internal.store.CatalogueTables.Reminder;
import de.lagebild.catalogue.internal.store.CatalogueTables.Revision;
import de.lagebild.catalogue.internal.store.CatalogueTables.Schedule;
import de.lagebild.platform.TenantContext;
import de.lagebild.platform.TenantScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Organisations, locations, categories and offers of the current tenant, the providers' proposed
 * changes, access counts and reminders. Every write raises the tenant's catalogue revision in the
 * database (in the write's transaction), by which the search index of every instance knows it is
 * out of date.
 */
@Repository
public class CatalogueRepository {

  private final TenantScope scope;

  CatalogueRepository(TenantScope scope) {
    this.scope = scope;
  }

  // ---------------------------------------------------------------- revision

  /**
   * The tenant's catalogue revision and the revision of the last change to organisations, locations
   * or categories.
   */
  public record Revisions(long content, long structure) {}

  public Revisions revisions() {
    Record r =
        scope
            .dsl()
            .select(Revision.REVISION, Revision.STRUCTURE)
            .from(scope.table(Revision.T))
            .fetchOne();
    return r == null
        ? new Revisions(0, 0)
        : new Revisions(r.get(Revision.REVISION), r.get(Revision.STRUCTURE));
  }

  public long revision() {
    Long r =
        scope
            .dsl()
            .select(Revision.REVISION)
            .from(scope.table(Revision.T))
            .fetchOne(Revision.REVISION);
    return r == null ? 0 : r;
  }

  /**
   * Raises the tenant's revision – once per transaction (the row stays locked until the commit, so
   * writers follow one another) – and returns the revision this transaction writes.
   */
  long changed() {
    UUID tenant = TenantContext.require().value();
    String marker = "lagebild.catalogue.revision." + tenant;
    boolean tx = TransactionSynchronizationManager.isSynchronizationActive();
    if (tx && TransactionSynchronizationManager.getResource(marker) instanceof Long r) {
      return r;
    }
    scope.insertInto(Revision.T).set(Revision.REVISION, 0L).onConflictDoNothing().execute();
    scope.update(Revision.T).set(Revision.REVISION, Revision.REVISION.plus(1)).execute();
    long revision = revision();
    if (tx) {
      TransactionSynchronizationManager.bindResource(marker, revision);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(marker);
            }
          });
    }
    return revision;
  }

  /** A change to organisations, locations or categories: the search index is rebuilt in full. */
  void structureChanged() {
    long revision = changed();
    scope.update(Revision.T).set(Revision.STRUCTURE, revision).execute();
  }

  /**
   * Offers (any status) written after {@code revision}: what an index of that revision has to
   * update.
   */
  public List<OfferRow> offersChangedSince(long revision) {
    return load(Offer.REVISION.gt(revision));
  }

  // ---------------------------------------------------------------- organisations

  public List<OrganizationRow> organizations() {
    return scope
        .dsl()
        .select(Organization.ALL)
        .from(scope.table(Organization.T))
        .orderBy(Organization.NAME)
        .fetch(CatalogueRepository::organization);
  }

  public Optional<OrganizationRow> organization(UUID id) {
    return scope
        .dsl()
        .select(Organization.ALL)
        .from(scope.table(Organization.T))
        .where(Organization.ID.eq(id))
        .fetchOptional(CatalogueRepository::organization);
  }

  public void insertOrganization(OrganizationRow o, Instant now) {
    structureChanged();
    scope
        .insertInto(Organization.T)
        .set(Organization.ID, o.id())
        .set(Organization.NAME, o.name())
        .set(Organization.DESCRIPTION, o.description())
        .set(Organization.EMAIL, o.email())
        .set(Organization.PHONE, o.phone())
        .set(Organization.WEBSITE, o.website())
        .set(Organization.CREATED_AT, now)
        .set(Organization.VERSION, 0)
        .execute();
  }

  boolean updateOrganization(OrganizationRow o) {
    structureChanged();
    return scope
            .update(Organization.T)
            .set(Organization.NAME, o.name())
            .set(Organization.DESCRIPTION, o.description())
            .set(Organization.EMAIL, o.email())
            .set(Organization.PHONE, o.phone())
            .set(Organization.WEBSITE, o.website())
            .set(Organization.VERSION, o.version() + 1)
            .where(Organization.ID.eq(o.id()))
            .and(Organization.VERSION.eq(o.version()))
            .execute()
        == 1;
  }

  private static OrganizationRow organization(Record r) {
    return new OrganizationRow(
        r.get(Organization.ID),
        r.get(Organization.NAME),
        r.get(Organization.DESCRIPTION),
        r.get(Organization.EMAIL),
        r.get(Organization.PHONE),
        r.get(Organization.WEBSITE),
        r.get(Organization.VERSION));
  }

  /** The organisations a provider account acts for. */
  public List<UUID> organizationsOf(UUID user) {
    return scope
        .dsl()
        .select(Member.ORGANIZATION_ID)
        .from(scope.table(Member.T))
        .where(Member.USER_ID.eq(user))
        .fetch(Member.ORGANIZATION_ID);
  }

  /** The user ids of the provider accounts linked to an organisation. */
  public List<UUID> membersOf(UUID organization) {
    return scope
        .dsl()
        .select(Member.USER_ID)
        .from(scope.table(Member.T))
        .where(Member.ORGANIZATION_ID.eq(organization))
        .fetch(Member.USER_ID);
  }

  public void addMember(UUID user, UUID organization) {
    scope
        .insertInto(Member.T)
        .set(Member.USER_ID, user)
        .set(Member.ORGANIZATION_ID, organization)
        .onConflictDoNothing()
        .execute();
  }

  // ---------------------------------------------------------------- locations

  public List<LocationRow> locations() {
    return scope
        .dsl()
        .select(Location.ALL)
        .from(scope.table(Location.T))
        .orderBy(Location.CITY, Location.NAME)
        .fetch(CatalogueRepository::location);
  }

  public Optional<LocationRow> location(UUID id) {
    return scope
        .dsl()
        .select(Location.ALL)
        .from(scope.table(Location.T))
        .where(Location.ID.eq(id))
        .fetchOptional(CatalogueRepository::location);
  }

  public void insertLocation(LocationRow l) {
    structureChanged();
    scope
        .insertInto(Location.T)
        .set(Location.ID, l.id())
        .set(Location.ORGANIZATION_ID, l.organizationId())
        .set(Location.NAME, l.name())
        .set(Location.STREET, l.street())
        .set(Location.POSTAL_CODE, l.postalCode())
        .set(Location.CITY, l.city())
        .set(Location.LATITUDE, l.latitude())
        .set(Location.LONGITUDE, l.longitude())
        .set(Location.ACCESSIBILITY, l.accessibility())
        .set(Location.AREA_ID, l.areaId())
        .set(Location.VERSION, 0)
        .execute();
  }

  boolean updateLocation(LocationRow l) {
    structureChanged();
    return scope
            .update(Location.T)
            .set(Location.NAME, l.name())
            .set(Location.STREET, l.street())
            .set(Location.POSTAL_CODE, l.postalCode())
            .set(Location.CITY, l.city())
            .set(Location.LATITUDE, l.latitude())
            .set(Location.LONGITUDE, l.longitude())
            .set(Location.ACCESSIBILITY, l.accessibility())
            .set(Location.AREA_ID, l.areaId())
            .set(Location.VERSION, l.version() + 1)
            .where(Location.ID.eq(l.id()))
            .and(Location.VERSION.eq(l.version()))
            .execute()
        == 1;
  }

  private static LocationRow location(Record r) {
    return new LocationRow(
        r.get(Location.ID),
        r.get(Location.ORGANIZATION_ID),
        r.get(Location.NAME),
        r.get(Location.STREET),
        r.get(Location.POSTAL_CODE),
        r.get(Location.CITY),
        r.get(Location.LATITUDE),
        r.get(Location.LONGITUDE),
        r.get(Location.ACCESSIBILITY),
        r.get(Location.AREA_ID),
        r.get(Location.VERSION));
  }

  // ---------------------------------------------------------------- categories

  public List<CategoryRow> categories() {
    return scope
        .dsl()
        .select(Category.ID, Category.PARENT_ID, Category.NAME, Category.POSITION)
        .from(scope.table(Category.T))
        .orderBy(Category.POSITION, Category.NAME)
        .fetch(r -> new CategoryRow(r.value1(), r.value2(), r.value3(), r.value4()));
  }

  public void insertCategory(CategoryRow c) {
    structureChanged();
    scope
        .insertInto(Category.T)
        .set(Category.ID, c.id())
        .set(Category.PARENT_ID, c.parentId())
        .set(Category.NAME, c.name())
        .set(Category.POSITION, c.position())
        .set(Category.VERSION, 0)
        .execute();
  }

  /**
   * The order of categories under one parent: each gets its index in {@code ordered} as its
   * position. The search index does not hold the order, so this is no structural change.
   */
  public void orderCategories(List<UUID> ordered) {
    changed();
    for (int i = 0; i < ordered.size(); i++) {
      scope
          .update(Category.T)
          .set(Category.POSITION, i)
          .set(Category.VERSION, Category.VERSION.plus(1))
          .where(Category.ID.eq(ordered.get(i)))
          .execute();
    }
  }

  public void renameCategory(UUID id, String name) {
    structureChanged();
    scope
        .update(Category.T)
        .set(Category.NAME, name)
        .set(Category.VERSION, Category.VERSION.plus(1))
        .where(Category.ID.eq(id))
        .execute();
  }

  public int categoryUse(UUID id) {
    return scope.dsl().fetchCount(scope.table(OfferCategory.T), OfferCategory.CATEGORY_ID.eq(id))
        + scope.dsl().fetchCount(scope.table(Category.T), Category.PARENT_ID.eq(id));
  }

  public void deleteCategory(UUID id) {
    structureChanged();
    scope.deleteFrom(Category.T).where(Category.ID.eq(id)).execute();
  }

  // ---------------------------------------------------------------- offers

  public List<OfferRow> offers(Status... statuses) {
    Condition where =
        statuses.length == 0
            ? DSL.trueCondition()
            : Offer.STATUS.in(Arrays.stream(statuses).map(Enum::name).toList());
    return load(where);
  }

  public List<OfferRow> offersOf(Collection<UUID> organizations) {
    return load(Offer.ORGANIZATION_ID.in(organizations));
  }

  /** Organisations with at least one published offer. */
  public Set<UUID> publishedOrganizationIds() {
    return new HashSet<>(
        scope
            .dsl()
            .selectDistinct(Offer.ORGANIZATION_ID)
            .from(scope.table(Offer.T))
            .where(Offer.STATUS.eq(Status.PUBLISHED.name()))
            .fetch(Offer.ORGANIZATION_ID));
  }

  /** Locations of at least one published offer. */
  public Set<UUID> publishedLocationIds() {
    return new HashSet<>(
        scope
            .dsl()
            .selectDistinct(OfferLocation.LOCATION_ID)
            .from(scope.table(OfferLocation.T))
            .join(scope.table(Offer.T))
            .on(Offer.ID.eq(OfferLocation.OFFER_ID))
            .where(Offer.STATUS.eq(Status.PUBLISHED.name()))
            .fetch(OfferLocation.LOCATION_ID));
  }

  public Optional<OfferRow> offer(UUID id) {
    List<OfferRow> rows = load(Offer.ID.eq(id));
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  public List<OfferRow> offers(Collection<UUID> ids) {
    return ids.isEmpty() ? List.of() : load(Offer.ID.in(ids));
  }

  /** Offers with their lists, in five queries whatever their number. */
  private List<OfferRow> load(Condition where) {
    List<Record> rows =
        scope
            .dsl()
            .select(Offer.ALL)
            .from(scope.table(Offer.T))
            .where(where)
            .orderBy(Offer.NAME)
            .fetch();
    if (rows.isEmpty()) {
      return List.of();
    }
    boolean all = rows.size() > 500;
    List<UUID> ids = rows.stream().map(r -> r.get(Offer.ID)).toList();
    Map<UUID, List<ScheduleRow>> schedules = new HashMap<>();
    scope
        .dsl()
        .select(Schedule.OFFER_ID, Schedule.WEEKDAY, Schedule.OPENS, Schedule.CLOSES, Schedule.NOTE)
        .from(scope.table(Schedule.T))
        .where(all ? DSL.trueCondition() : Schedule.OFFER_ID.in(ids))
        .orderBy(Schedule.WEEKDAY, Schedule.OPENS)
        .forEach(
            r ->
                schedules
                    .computeIfAbsent(r.value1(), k -> new ArrayList<>())
                    .add(new ScheduleRow(r.value2(), r.value3(), r.value4(), r.value5())));
    Map<UUID, List<ContactRow>> contacts = new HashMap<>();
    scope
        .dsl()
        .select(Contact.OFFER_ID, Contact.NAME, Contact.ROLE, Contact.EMAIL, Contact.PHONE)
        .from(scope.table(Contact.T))
        .where(all ? DSL.trueCondition() : Contact.OFFER_ID.in(ids))
        .orderBy(Contact.NAME)
        .forEach(
            r ->
                contacts
                    .computeIfAbsent(r.value1(), k -> new ArrayList<>())
                    .add(new ContactRow(r.value2(), r.value3(), r.value4(), r.value5())));
    Map<UUID, List<UUID>> categories = new HashMap<>();
    scope
        .dsl()
        .select(OfferCategory.OFFER_ID, OfferCategory.CATEGORY_ID)
        .from(scope.table(OfferCategory.T))
        .where(all ? DSL.trueCondition() : OfferCategory.OFFER_ID.in(ids))
        .forEach(
            r -> categories.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
    Map<UUID, List<UUID>> locations = new HashMap<>();
    scope
        .dsl()
        .select(OfferLocation.OFFER_ID, OfferLocation.LOCATION_ID)
        .from(scope.table(OfferLocation.T))
        .where(all ? DSL.trueCondition() : OfferLocation.OFFER_ID.in(ids))
        .forEach(
            r -> locations.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
    List<OfferRow> result = new ArrayList<>(rows.size());
    for (Record r : rows) {
      UUID id = r.get(Offer.ID);
      OfferContent content =
          new OfferContent(
              r.get(Offer.NAME),
              r.get(Offer.DESCRIPTION),
              r.get(Offer.COST),
              r.get(Offer.COST_NOTE),
              r.get(Offer.AGE_FROM),
              r.get(Offer.AGE_TO),
              split(r.get(Offer.LANGUAGES)),
              split(r.get(Offer.TARGET_GROUPS)),
              split(r.get(Offer.LIFE_SITUATIONS)),
              r.get(Offer.URL),
              r.get(Offer.EMAIL),
              r.get(Offer.PHONE),
              r.get(Offer.APPLICATION),
              categories.getOrDefault(id, List.of()),
              locations.getOrDefault(id, List.of()),
              schedules.getOrDefault(id, List.of()),
              contacts.getOrDefault(id, List.of()));
      result.add(
          new OfferRow(
              id,
              r.get(Offer.ORGANIZATION_ID),
              Status.valueOf(r.get(Offer.STATUS)),
              Boolean.TRUE.equals(r.get(Offer.DEMO)),
              r.get(Offer.VERIFIED_AT),
              r.get(Offer.VERIFIED_BY),
              r.get(Offer.UPDATED_AT),
              r.get(Offer.VERSION),
              content));
    }
    return result;
  }

  public void insertOffer(OfferRow o, Instant now) {
    long revision = changed();
    OfferContent c = o.content();
    scope
        .insertInto(Offer.T)
        .set(Offer.ID, o.id())
        .set(Offer.ORGANIZATION_ID, o.organizationId())
        .set(Offer.NAME, c.name())
        .set(Offer.DESCRIPTION, c.description())
        .set(Offer.STATUS, o.status().name())
        .set(Offer.COST, c.cost())
        .set(Offer.COST_NOTE, c.costNote())
        .set(Offer.AGE_FROM, c.ageFrom())
        .set(Offer.AGE_TO, c.ageTo())
        .set(Offer.LANGUAGES, join(c.languages()))
        .set(Offer.TARGET_GROUPS, join(c.targetGroups()))
        .set(Offer.LIFE_SITUATIONS, join(c.lifeSituations()))
        .set(Offer.URL, c.url())
        .set(Offer.EMAIL, c.email())
        .set(Offer.PHONE, c.phone())
        .set(Offer.APPLICATION, c.applicationProcess())
        .set(Offer.VERIFIED_AT, o.verifiedAt())
        .set(Offer.VERIFIED_BY, o.verifiedBy())
        .set(Offer.DEMO, o.demo())
        .set(Offer.CREATED_AT, now)
        .set(Offer.UPDATED_AT, now)
        .set(Offer.VERSION, 0)
        .set(Offer.REVISION, revision)
        .execute();
    writeLists(o.id(), c);
  }

  /** Replaces the content if the offer still has {@code version}; false if someone was faster. */
  public boolean updateContent(UUID id, int version, OfferContent c, Instant now) {
    long revision = changed();
    int n =
        scope
            .update(Offer.T)
            .set(Offer.NAME, c.name())
            .set(Offer.DESCRIPTION, c.description())
            .set(Offer.COST, c.cost())
            .set(Offer.COST_NOTE, c.costNote())
            .set(Offer.AGE_FROM, c.ageFrom())
            .set(Offer.AGE_TO, c.ageTo())
            .set(Offer.LANGUAGES, join(c.languages()))
            .set(Offer.TARGET_GROUPS, join(c.targetGroups()))
            .set(Offer.LIFE_SITUATIONS, join(c.lifeSituations()))
            .set(Offer.URL, c.url())
            .set(Offer.EMAIL, c.email())
            .set(Offer.PHONE, c.phone())
            .set(Offer.APPLICATION, c.applicationProcess())
            .set(Offer.UPDATED_AT, now)
            .set(Offer.VERSION, version + 1)
            .set(Offer.REVISION, revision)
            .where(Offer.ID.eq(id))
            .and(Offer.VERSION.eq(version))
            .execute();
    if (n != 1) {
      return false;
    }
    scope.deleteFrom(Schedule.T).where(Schedule.OFFER_ID.eq(id)).execute();
    scope.deleteFrom(Contact.T).where(Contact.OFFER_ID.eq(id)).execute();
    scope.deleteFrom(OfferCategory.T).where(OfferCategory.OFFER_ID.eq(id)).execute();
    scope.deleteFrom(OfferLocation.T).where(OfferLocation.OFFER_ID.eq(id)).execute();
    writeLists(id, c);
    return true;
  }

  private void writeLists(UUID id, OfferContent c) {
    for (ScheduleRow s : c.schedules()) {
      scope
          .insertInto(Schedule.T)
          .set(Schedule.ID, UUID.randomUUID())
          .set(Schedule.OFFER_ID, id)
          .set(Schedule.WEEKDAY, s.weekday())
          .set(Schedule.OPENS, s.opens())
          .set(Schedule.CLOSES, s.closes())
          .set(Schedule.NOTE, s.note())
          .execute();
    }
    for (ContactRow k : c.contacts()) {
      scope
          .insertInto(Contact.T)
          .set(Contact.ID, UUID.randomUUID())
          .set(Contact.OFFER_ID, id)
          .set(Contact.NAME, k.name())
          .set(Contact.ROLE, k.role())
          .set(Contact.EMAIL, k.email())
          .set(Contact.PHONE, k.phone())
          .execute();
    }
    for (UUID category : c.categories().stream().distinct().toList()) {
      scope
          .insertInto(OfferCategory.T)
          .set(OfferCategory.OFFER_ID, id)
          .set(OfferCategory.CATEGORY_ID, category)
          .execute();
    }
    for (UUID location : c.locations().stream().distinct().toList()) {
      scope
          .insertInto(OfferLocation.T)
          .set(OfferLocation.OFFER_ID, id)
          .set(OfferLocation.LOCATION_ID, location)
          .execute();
    }
  }

  public void setStatus(UUID id, Status status, Instant now) {
    long revision = changed();
    scope
        .update(Offer.T)
        .set(Offer.STATUS, status.name())
        .set(Offer.UPDATED_AT, now)
        .set(Offer.REVISION, revision)
        .set(Offer.VERSION, Offer.VERSION.plus(1))
        .where(Offer.ID.eq(id))
        .execute();
  }

  public void setVerified(UUID id, Instant at, String by) {
    long revision = changed();
    scope
        .update(Offer.T)
        .set(Offer.VERIFIED_AT, at)
        .set(Offer.VERIFIED_BY, by)
        .set(Offer.REVISION, revision)
        .where(Offer.ID.eq(id))
        .execute();
  }

  // ---------------------------------------------------------------- proposed changes

  public void insertChange(ChangeRow c, String proposedJson) {
    scope
        .insertInto(Change.T)
        .set(Change.ID, c.id())
        .set(Change.OFFER_ID, c.offerId())
        .set(Change.PROPOSED, proposedJson)
        .set(Change.STATE, c.state())
        .set(Change.SUBMITTED_BY, c.submittedBy())
        .set(Change.SUBMITTED_AT, c.submittedAt())
        .execute();
  }

  public List<Record> changes(String state) {
    return scope
        .dsl()
        .select(
            Change.ID,
            Change.OFFER_ID,
            Change.PROPOSED,
            Change.STATE,
            Change.COMMENT,
            Change.SUBMITTED_BY,
            Change.SUBMITTED_AT,
            Change.DECIDED_BY,
            Change.DECIDED_AT)
        .from(scope.table(Change.T))
        .where(state == null ? DSL.trueCondition() : Change.STATE.eq(state))
        .orderBy(Change.SUBMITTED_AT)
        .fetch()
        .stream()
        .map(r -> (Record) r)
        .toList();
  }

  public List<Record> changesOf(UUID offer) {
    return scope
        .dsl()
        .select(
            Change.ID,
            Change.OFFER_ID,
            Change.PROPOSED,
            Change.STATE,
            Change.COMMENT,
            Change.SUBMITTED_BY,
            Change.SUBMITTED_AT,
            Change.DECIDED_BY,
            Change.DECIDED_AT)
        .from(scope.table(Change.T))
        .where(Change.OFFER_ID.eq(offer))
        .orderBy(Change.SUBMITTED_AT.desc())
        .fetch()
        .stream()
        .map(r -> (Record) r)
        .toList();
  }

  /**
   * Decides a submitted change; false if it was no longer submitted (decided by someone else
   * meanwhile).
   */
  public boolean decide(UUID change, String state, String comment, String by, Instant at) {
    return scope
            .update(Change.T)
            .set(Change.STATE, state)
            .set(Change.COMMENT, comment)
            .set(Change.DECIDED_BY, by)
            .set(Change.DECIDED_AT, at)
            .where(Change.ID.eq(change))
            .and(Change.STATE.eq("SUBMITTED"))
            .execute()
        == 1;
  }

  // ---------------------------------------------------------------- access counts, reminders

  /**
   * One more view of the offer's public page in {@code month} (yyyy-MM): a number, nothing about
   * the visitor.
   */
  public void countView(UUID offer, String month) {
    int n =
        scope
            .update(Access.T)
            .set(Access.VIEWS, Access.VIEWS.plus(1))
            .where(Access.OFFER_ID.eq(offer))
            .and(Access.MONTH.eq(month))
            .execute();
    if (n == 0) {
      scope
          .insertInto(Access.T)
          .set(Access.OFFER_ID, offer)
          .set(Access.MONTH, month)
          .set(Access.VIEWS, 1)
          .onConflictDoNothing()
          .execute();
    }
  }

  Map<String, Integer> views(UUID offer) {
    Map<String, Integer> result = new TreeMap<>();
    scope
        .dsl()
        .select(Access.MONTH, Access.VIEWS)
        .from(scope.table(Access.T))
        .where(Access.OFFER_ID.eq(offer))
        .forEach(r -> result.put(r.value1(), r.value2()));
    return result;
  }

  /** Sets the views of an offer in a month (the demo's invented history). */
  public void setViews(UUID offer, String month, int views) {
    scope
        .insertInto(Access.T)
        .set(Access.OFFER_ID, offer)
        .set(Access.MONTH, month)
        .set(Access.VIEWS, views)
        .onConflictDoNothing()
        .execute();
  }

  /** Views per offer and month from {@code fromMonth} (yyyy-MM) on. */
  public Map<UUID, Map<String, Integer>> viewsSince(String fromMonth) {
    Map<UUID, Map<String, Integer>> result = new HashMap<>();
    scope
        .dsl()
        .select(Access.OFFER_ID, Access.MONTH, Access.VIEWS)
        .from(scope.table(Access.T))
        .where(Access.MONTH.ge(fromMonth))
        .forEach(
            r ->
                result
                    .computeIfAbsent(r.value1(), k -> new HashMap<>())
                    .put(r.value2(), r.value3()));
    return result;
  }

  public Map<UUID, Integer> viewsIn(String month) {
    Map<UUID, Integer> result = new HashMap<>();
    scope
        .dsl()
        .select(Access.OFFER_ID, Access.VIEWS)
        .from(scope.table(Access.T))
        .where(Access.MONTH.eq(month))
        .forEach(r -> result.put(r.value1(), r.value2()));
    return result;
  }

  public void insertReminder(UUID organization, String to, int offers, Instant at, String by) {
    scope
        .insertInto(Reminder.T)
        .set(Reminder.ID, UUID.randomUUID())
        .set(Reminder.ORGANIZATION_ID, organization)
        .set(Reminder.SENT_TO, to)
        .set(Reminder.OFFERS, offers)
        .set(Reminder.SENT_AT, at)
        .set(Reminder.SENT_BY, by)
        .execute();
  }

  /** The last reminder per organisation. */
  public Map<UUID, Instant> lastReminders() {
    Map<UUID, Instant> result = new HashMap<>();
    scope
        .dsl()
        .select(Reminder.ORGANIZATION_ID, DSL.max(Reminder.SENT_AT))
        .from(scope.table(Reminder.T))
        .groupBy(Reminder.ORGANIZATION_ID)
        .forEach(r -> result.put(r.value1(), r.value2()));
    return result;
  }

  static List<String> split(String s) {
    return s == null || s.isBlank()
        ? List.of()
        : Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
  }

  static String join(List<String> values) {
    return values == null || values.isEmpty() ? null : String.join(",", values);
  }
}
