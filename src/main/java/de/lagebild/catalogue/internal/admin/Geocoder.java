package de.lagebild.catalogue.internal.admin;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Finds coordinates for an address. Optional and pluggable: an installation with a geocoding
 * service (e.g. its own Nominatim or the state's address service) provides a Spring bean
 * implementing this interface; without one, the default finds nothing and coordinates are typed,
 * imported or picked on the map.
 */
interface Geocoder {

  record Point(BigDecimal latitude, BigDecimal longitude) {}

  Optional<Point> locate(String street, String postalCode, String city);
}
