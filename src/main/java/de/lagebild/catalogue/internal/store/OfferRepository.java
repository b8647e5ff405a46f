package de.lagebild.catalogue.internal.store;

import de.lagebild.catalogue.internal.store.CatalogueRows.ContactRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferContent;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.ScheduleRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.Status;
import de.lagebild.catalogue.internal.store.CatalogueTables.Contact;
import de.lagebild.catalogue.internal.store.CatalogueTables.Offer;
import de.lagebild.catalogue.internal.store.CatalogueTables.OfferCategory;
import de.lagebild.catalogue.internal.store.CatalogueTables.OfferLocation;
import de.lagebild.catalogue.internal.store.CatalogueTables.Schedule;
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
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Offers with their contents, places, categories, schedules and contacts; status and confirmation.
 */
@Repository
public class OfferRepository {

  private final TenantScope scope;
  private final CatalogueRevision revisions;

  OfferRepository(TenantScope scope, CatalogueRevision revisions) {
    this.scope = scope;
    this.revisions = revisions;
  }

  /**
   * Offers (any status) written after {@code revision}: what an index of that revision has to
   * update.
   */
  public List<OfferRow> offersChangedSince(long revision) {
    return load(Offer.REVISION.gt(revision));
  }

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
              contacts.getOrDefault(id, List.of()),
              r.get(Offer.PLACES));
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
    long revision = revisions.changed();
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
        .set(Offer.PLACES, c.places())
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
    long revision = revisions.changed();
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
            .set(Offer.PLACES, c.places())
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
    long revision = revisions.changed();
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
    long revision = revisions.changed();
    scope
        .update(Offer.T)
        .set(Offer.VERIFIED_AT, at)
        .set(Offer.VERIFIED_BY, by)
        .set(Offer.REVISION, revision)
        .where(Offer.ID.eq(id))
        .execute();
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
