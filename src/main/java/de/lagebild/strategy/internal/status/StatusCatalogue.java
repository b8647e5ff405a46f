package de.lagebild.strategy.internal.status;

import de.lagebild.platform.TenantScope;
import de.lagebild.strategy.internal.store.Rows.StatusOptionRow;
import de.lagebild.strategy.internal.store.StrategyTables.StatusOption;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Repository;

/**
 * The tenant's catalogue of measure statuses. Each status has a default progress, a colour and a
 * symbol, so that colour is never the only carrier of meaning. A new tenant gets the default
 * catalogue.
 */
@Repository
public class StatusCatalogue {

  /** code, label, default progress, colour (AA contrast on white as text), symbol */
  static final List<StatusOptionRow> DEFAULTS =
      List.of(
          new StatusOptionRow(null, "NOT_STARTED", "Nicht begonnen", 0, "#5b6169", "○", 1, true),
          new StatusOptionRow(null, "PREPARING", "In Vorbereitung", 10, "#6a4c93", "◔", 2, true),
          new StatusOptionRow(null, "IN_PROGRESS", "In Umsetzung", 50, "#005a9c", "◑", 3, true),
          new StatusOptionRow(null, "IMPLEMENTED", "Umgesetzt", 100, "#1e6b34", "●", 4, true),
          new StatusOptionRow(
              null, "ROUTINE", "Als Regelaufgabe fortgeführt", 100, "#2f6f5e", "↻", 5, true),
          new StatusOptionRow(null, "DELAYED", "Verzögert", 30, "#9a4a00", "⚠", 6, true),
          new StatusOptionRow(null, "STOPPED", "Eingestellt", 0, "#a0182b", "✕", 7, true));

  private final TenantScope scope;

  StatusCatalogue(TenantScope scope) {
    this.scope = scope;
  }

  public List<StatusOptionRow> all() {
    return scope
        .dsl()
        .select(StatusOption.ALL)
        .from(scope.table(StatusOption.T))
        .orderBy(StatusOption.POSITION)
        .fetch(
            r ->
                new StatusOptionRow(
                    r.get(StatusOption.ID),
                    r.get(StatusOption.CODE),
                    r.get(StatusOption.LABEL),
                    r.get(StatusOption.DEFAULT_PROGRESS),
                    r.get(StatusOption.COLOUR),
                    r.get(StatusOption.SYMBOL),
                    r.get(StatusOption.POSITION),
                    r.get(StatusOption.ACTIVE)));
  }

  public Map<String, StatusOptionRow> byCode() {
    return all().stream().collect(Collectors.toMap(StatusOptionRow::code, Function.identity()));
  }

  void update(StatusOptionRow s) {
    scope
        .update(StatusOption.T)
        .set(StatusOption.LABEL, s.label())
        .set(StatusOption.DEFAULT_PROGRESS, s.defaultProgress())
        .set(StatusOption.COLOUR, s.colour())
        .set(StatusOption.SYMBOL, s.symbol())
        .set(StatusOption.ACTIVE, s.active())
        .set(StatusOption.VERSION, StatusOption.VERSION.plus(1))
        .where(StatusOption.ID.eq(s.id()))
        .execute();
  }

  void insert(StatusOptionRow s) {
    scope
        .insertInto(StatusOption.T)
        .set(StatusOption.ID, s.id())
        .set(StatusOption.CODE, s.code())
        .set(StatusOption.LABEL, s.label())
        .set(StatusOption.DEFAULT_PROGRESS, s.defaultProgress())
        .set(StatusOption.COLOUR, s.colour())
        .set(StatusOption.SYMBOL, s.symbol())
        .set(StatusOption.POSITION, s.position())
        .set(StatusOption.ACTIVE, s.active())
        .set(StatusOption.VERSION, 0)
        .execute();
  }

  /** Writes the default catalogue when the tenant has none yet. */
  public void ensureDefaults() {
    if (scope.dsl().fetchExists(scope.table(StatusOption.T))) {
      return;
    }
    for (StatusOptionRow s : DEFAULTS) {
      scope
          .insertInto(StatusOption.T)
          .set(StatusOption.ID, UUID.randomUUID())
          .set(StatusOption.CODE, s.code())
          .set(StatusOption.LABEL, s.label())
          .set(StatusOption.DEFAULT_PROGRESS, s.defaultProgress())
          .set(StatusOption.COLOUR, s.colour())
          .set(StatusOption.SYMBOL, s.symbol())
          .set(StatusOption.POSITION, s.position())
          .set(StatusOption.ACTIVE, true)
          .set(StatusOption.VERSION, 0)
          .execute();
    }
  }
}
