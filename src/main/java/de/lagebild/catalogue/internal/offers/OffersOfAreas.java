package de.lagebild.catalogue.internal.offers;

import de.lagebild.atlas.AreaContext;
import de.lagebild.atlas.AreaId;
import de.lagebild.catalogue.internal.store.CatalogueTables.Location;
import de.lagebild.catalogue.internal.store.CatalogueTables.Offer;
import de.lagebild.catalogue.internal.store.CatalogueTables.OfferLocation;
import de.lagebild.platform.TenantScope;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** The published offers with a place in an area (by the place's recorded area), for its profile. */
@Service
class OffersOfAreas implements AreaContext {

  static final int SHOWN = 50;

  private final TenantScope scope;
  private final MessageSource messages;

  OffersOfAreas(TenantScope scope, MessageSource messages) {
    this.scope = scope;
    this.messages = messages;
  }

  @Override
  public Section section(String tenant, AreaId area) {
    var dsl = scope.dsl();
    var locations =
        dsl.select(Location.ID)
            .from(scope.table(Location.T))
            .where(Location.AREA_ID.eq(area.value()));
    var offers =
        dsl.select(OfferLocation.OFFER_ID)
            .from(scope.table(OfferLocation.T))
            .where(OfferLocation.LOCATION_ID.in(locations));
    List<Item> items =
        dsl.select(Offer.ID, Offer.NAME)
            .from(scope.table(Offer.T))
            .where(Offer.STATUS.eq("PUBLISHED").and(Offer.ID.in(offers)))
            .orderBy(Offer.NAME)
            .limit(SHOWN + 1)
            .fetch(r -> new Item(r.value2(), "/" + tenant + "/angebote/" + r.value1(), null));
    String title = messages.getMessage("catalogue.area.title", null, Locale.GERMAN);
    if (items.size() > SHOWN) {
      int all =
          dsl.fetchCount(
              dsl.selectFrom(scope.table(Offer.T))
                  .where(Offer.STATUS.eq("PUBLISHED").and(Offer.ID.in(offers))));
      items = items.subList(0, SHOWN);
      title =
          messages.getMessage("catalogue.area.titleMore", new Object[] {SHOWN, all}, Locale.GERMAN);
    }
    return new Section(
        30, title, items, messages.getMessage("catalogue.area.none", null, Locale.GERMAN));
  }
}
