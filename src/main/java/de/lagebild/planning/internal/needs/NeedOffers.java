package de.lagebild.planning.internal.needs;

import de.lagebild.catalogue.OfferPlaces;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The published offers that a need's areas already have: offers with a place in one of the areas,
 * for one of the need's life situations (any, when the need names none).
 */
@Component
class NeedOffers {

  /** An offer as the need shows it. */
  record Offer(UUID id, String name) {}

  private final OfferPlaces offers;

  NeedOffers(OfferPlaces offers) {
    this.offers = offers;
  }

  List<Offer> of(Need need) {
    if (need.areaIds().isEmpty()) {
      return List.of();
    }
    Map<UUID, Offer> found = new LinkedHashMap<>();
    List<String> situations =
        need.lifeSituations().isEmpty() ? null : new ArrayList<>(need.lifeSituations());
    for (String situation :
        situations == null ? java.util.Collections.<String>singletonList(null) : situations) {
      for (OfferPlaces.Place p : offers.places(null, situation)) {
        if (p.areaId() != null && need.areaIds().contains(p.areaId())) {
          found.putIfAbsent(p.offerId(), new Offer(p.offerId(), p.offerName()));
        }
      }
    }
    List<Offer> list = new ArrayList<>(found.values());
    list.sort(
        java.util.Comparator.comparing(
            Offer::name, java.text.Collator.getInstance(java.util.Locale.GERMAN)));
    return list;
  }
}
