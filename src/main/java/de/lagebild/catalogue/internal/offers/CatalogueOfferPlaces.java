package de.lagebild.catalogue.internal.offers;

import de.lagebild.catalogue.OfferPlaces;
import de.lagebild.catalogue.internal.store.CatalogueTables.Location;
import de.lagebild.catalogue.internal.store.CatalogueTables.Offer;
import de.lagebild.catalogue.internal.store.CatalogueTables.OfferCategory;
import de.lagebild.catalogue.internal.store.CatalogueTables.OfferLocation;
import de.lagebild.catalogue.internal.store.CategoryRepository;
import de.lagebild.platform.TenantScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

/** {@link OfferPlaces} read from the catalogue tables of the current tenant. */
@Service
class CatalogueOfferPlaces implements OfferPlaces {

  private final TenantScope scope;
  private final CategoryRepository categories;

  CatalogueOfferPlaces(TenantScope scope, CategoryRepository categories) {
    this.scope = scope;
    this.categories = categories;
  }

  @Override
  public List<Category> categories() {
    return categories.categories().stream()
        .map(c -> new Category(c.id(), c.name(), c.parentId()))
        .toList();
  }

  @Override
  public int publishedCount() {
    return scope.dsl().fetchCount(scope.table(Offer.T), Offer.STATUS.eq("PUBLISHED"));
  }

  @Override
  public List<Place> places(UUID category, String lifeSituation) {
    Condition c = Offer.STATUS.eq("PUBLISHED");
    if (category != null) {
      Set<UUID> wanted = new HashSet<>();
      wanted.add(category);
      categories.categories().stream()
          .filter(k -> category.equals(k.parentId()))
          .forEach(k -> wanted.add(k.id()));
      c =
          c.and(
              Offer.ID.in(
                  scope
                      .dsl()
                      .select(OfferCategory.OFFER_ID)
                      .from(scope.table(OfferCategory.T))
                      .where(OfferCategory.CATEGORY_ID.in(wanted))));
    }
    if (lifeSituation != null) {
      c =
          c.and(
              DSL.concat(DSL.inline(","), Offer.LIFE_SITUATIONS, DSL.inline(","))
                  .contains("," + lifeSituation + ","));
    }
    Map<UUID, String> offers = new HashMap<>();
    Map<UUID, Integer> capacities = new HashMap<>();
    scope
        .dsl()
        .select(Offer.ID, Offer.NAME, Offer.PLACES)
        .from(scope.table(Offer.T))
        .where(c)
        .forEach(
            r -> {
              offers.put(r.value1(), r.value2());
              if (r.value3() != null) {
                capacities.put(r.value1(), r.value3());
              }
            });
    if (offers.isEmpty()) {
      return List.of();
    }
    Map<UUID, double[]> located = new HashMap<>();
    Map<UUID, UUID> areas = new HashMap<>();
    scope
        .dsl()
        .select(Location.ID, Location.LATITUDE, Location.LONGITUDE, Location.AREA_ID)
        .from(scope.table(Location.T))
        .where(Location.LATITUDE.isNotNull().and(Location.LONGITUDE.isNotNull()))
        .forEach(
            r -> {
              located.put(
                  r.value1(), new double[] {r.value2().doubleValue(), r.value3().doubleValue()});
              if (r.value4() != null) {
                areas.put(r.value1(), r.value4());
              }
            });
    List<Place> places = new ArrayList<>();
    scope
        .dsl()
        .select(OfferLocation.OFFER_ID, OfferLocation.LOCATION_ID)
        .from(scope.table(OfferLocation.T))
        .forEach(
            r -> {
              String name = offers.get(r.value1());
              double[] at = located.get(r.value2());
              if (name != null && at != null) {
                places.add(
                    new Place(
                        r.value1(),
                        name,
                        r.value2(),
                        at[0],
                        at[1],
                        areas.get(r.value2()),
                        capacities.get(r.value1())));
              }
            });
    return places;
  }
}
