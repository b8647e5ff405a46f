package de.lagebild.catalogue;

import java.util.List;
import java.util.UUID;

/**
 * Where the published offers of the current tenant are: for the planning module's comparison of
 * offers and need per area.
 */
public interface OfferPlaces {

  /** A category of the catalogue ({@code parentId} null for a main category). */
  record Category(UUID id, String name, UUID parentId) {}

  /**
   * A published offer at one of its locations that has coordinates (WGS84), with the atlas area the
   * location was placed in (null when none), and the places (capacity) the offer states (null when
   * none; an offer at several locations states them once, for all).
   */
  record Place(
      UUID offerId,
      String offerName,
      UUID locationId,
      double latitude,
      double longitude,
      UUID areaId,
      Integer places) {}

  List<Category> categories();

  /**
   * Published offers at their located places; with {@code category} only those in it or one of its
   * sub-categories, with {@code lifeSituation} only those for that life situation. An offer at
   * several locations is one place per location.
   */
  List<Place> places(UUID category, String lifeSituation);

  /** How many offers are published now. */
  int publishedCount();
}
