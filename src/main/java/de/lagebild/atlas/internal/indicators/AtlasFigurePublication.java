package de.lagebild.atlas.internal.indicators;

import de.lagebild.atlas.FigurePublication;
import de.lagebild.atlas.IndicatorId;
import de.lagebild.atlas.internal.store.AtlasRows.IndicatorRow;
import de.lagebild.atlas.internal.store.AtlasRows.Polarity;
import de.lagebild.atlas.internal.store.AtlasRows.ValueRow;
import de.lagebild.atlas.internal.store.IndicatorRepository;
import de.lagebild.atlas.internal.store.Periods;
import de.lagebild.atlas.internal.store.ValueRepository;
import de.lagebild.identity.CurrentUser;
import de.lagebild.platform.ConcurrentEditException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Other modules' figures in the atlas ({@link FigurePublication}). */
@Service
class AtlasFigurePublication implements FigurePublication {

  private final IndicatorRepository indicators;
  private final ValueRepository values;
  private final Clock clock;
  private final Derivation derivation;

  AtlasFigurePublication(
      IndicatorRepository indicators, ValueRepository values, Clock clock, Derivation derivation) {
    this.indicators = indicators;
    this.values = values;
    this.clock = clock;
    this.derivation = derivation;
  }

  @Override
  public void published() {
    derivation.recomputeAll();
  }

  @Override
  public IndicatorId publish(
      Indicator indicator, String period, List<Figure> figures, String origin) {
    Instant now = clock.instant();
    String canonical = Periods.normalise(period);
    IndicatorRow existing = indicators.indicatorByCode(indicator.code()).orElse(null);
    UUID id;
    if (existing == null) {
      id = UUID.randomUUID();
      indicators.insertIndicator(row(id, indicator, indicators.indicators().size(), 0), now);
    } else {
      id = existing.id();
      IndicatorRow changed = row(id, indicator, existing.position(), existing.version());
      if (!indicators.updateIndicator(changed)) {
        throw new ConcurrentEditException("Kennzahl");
      }
    }
    String author = CurrentUser.get().map(u -> u.actorName()).orElse("Import");
    UUID batch = values.insertBatch(origin, "SURVEY", figures.size(), author, now);
    for (Figure f : figures) {
      values.putValue(
          new ValueRow(
              id,
              f.area().value(),
              canonical,
              Periods.end(canonical),
              f.value(),
              f.value() == null ? "." : null,
              null,
              batch,
              indicator.source(),
              0),
          now);
    }
    return IndicatorId.of(id);
  }

  private static IndicatorRow row(UUID id, Indicator i, int position, int version) {
    return new IndicatorRow(
        id,
        i.code(),
        cut(i.name(), 300),
        cut(i.shortName(), 80),
        i.definition(),
        cut(i.unit(), 40),
        i.decimals(),
        i.source(),
        "eigene Erhebung",
        "einmalig",
        Polarity.NEUTRAL,
        null,
        null,
        i.minCount(),
        i.kind(),
        false,
        position,
        version,
        null,
        null,
        null);
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
