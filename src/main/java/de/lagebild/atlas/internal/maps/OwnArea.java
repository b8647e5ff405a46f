package de.lagebild.atlas.internal.maps;

import de.lagebild.atlas.internal.store.AreaRepository;
import de.lagebild.atlas.internal.store.AtlasRows.AreaRow;
import de.lagebild.atlas.internal.store.AtlasRows.IndicatorRow;
import de.lagebild.atlas.internal.store.AtlasRows.Polarity;
import de.lagebild.atlas.internal.store.AtlasRows.ValueRow;
import de.lagebild.atlas.internal.store.ValueRepository;
import de.lagebild.identity.TenantDirectory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The tenant's own area (by its official key, e.g. 16062 for Landkreis Nordhausen) and its Land
 * (the first two digits, 16 for Thüringen): what the atlas opens on and compares with.
 */
@Component
class OwnArea {

  private final TenantDirectory tenants;
  private final AreaRepository areas;
  private final ValueRepository values;

  OwnArea(TenantDirectory tenants, AreaRepository areas, ValueRepository values) {
    this.tenants = tenants;
    this.areas = areas;
    this.values = values;
  }

  Optional<AreaRow> own(String slug) {
    return tenants
        .find(slug)
        .map(t -> t.officialKey())
        .filter(k -> k != null && !k.isBlank())
        .flatMap(k -> areas.areasByKey(k).stream().findFirst());
  }

  Optional<AreaRow> land(String slug) {
    return tenants
        .find(slug)
        .map(t -> t.officialKey())
        .filter(k -> k != null && k.length() > 2)
        .flatMap(k -> areas.areasByKey(k.substring(0, 2)).stream().findFirst());
  }

  /** The own area and the Land, as far as the tenant has them. */
  List<UUID> ownAndLand(String slug) {
    List<UUID> ids = new ArrayList<>();
    own(slug).ifPresent(a -> ids.add(a.id()));
    land(slug).ifPresent(a -> ids.add(a.id()));
    return ids;
  }

  /**
   * The indicator the atlas opens on: the first (in the tenant's order) that judges – lower or
   * higher is better – and has a time series for the own area; else the first with a value for it;
   * else the first of all.
   */
  Optional<IndicatorRow> openingIndicator(String slug, List<IndicatorRow> indicators) {
    if (indicators.isEmpty()) {
      return Optional.empty();
    }
    Optional<AreaRow> own = own(slug);
    if (own.isEmpty()) {
      return Optional.of(indicators.get(0));
    }
    Map<UUID, Set<String>> periods = new HashMap<>();
    for (ValueRow v : values.valuesOfArea(own.get().id())) {
      if (v.value() != null) {
        periods.computeIfAbsent(v.indicatorId(), k -> new HashSet<>()).add(v.period());
      }
    }
    return indicators.stream()
        .filter(i -> i.polarity() != Polarity.NEUTRAL)
        .filter(i -> periods.getOrDefault(i.id(), Set.of()).size() >= 2)
        .findFirst()
        .or(() -> indicators.stream().filter(i -> periods.containsKey(i.id())).findFirst())
        .or(() -> Optional.of(indicators.get(0)));
  }
}
