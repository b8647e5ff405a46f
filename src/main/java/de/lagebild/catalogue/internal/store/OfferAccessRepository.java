package de.lagebild.catalogue.internal.store;

import de.lagebild.catalogue.internal.store.CatalogueTables.Access;
import de.lagebild.platform.TenantScope;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Repository;

/** How often each offer was viewed, per month (counts only, nothing about the visitor). */
@Repository
public class OfferAccessRepository {

  private final TenantScope scope;
  private final CatalogueRevision revisions;

  OfferAccessRepository(TenantScope scope, CatalogueRevision revisions) {
    this.scope = scope;
    this.revisions = revisions;
  }

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
}
