package de.lagebild.atlas.internal.statistics;

import de.lagebild.atlas.internal.store.AtlasTables.Mapping;
import de.lagebild.atlas.internal.store.SavedMappings;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.TenantScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Repository;

/**
 * Column mappings of wide sheets, saved under a name and applied to next year's file: a column is
 * found by its header; every column headed by a year stands for {@value #ANY_YEAR}, so a new year's
 * column maps as last year's did.
 */
@Repository
class ColumnMappings {

  static final String ANY_YEAR = "{Jahr}";

  /** Name prefix of the remembered GENESIS variables of a table (not a mapping to choose). */
  static final String VARIABLES = "Variablen der Tabelle ";

  record Saved(UUID id, String name, Map<String, String> entries, int version) {}

  private final TenantScope scope;
  private final SavedMappings saved;

  ColumnMappings(TenantScope scope, SavedMappings saved) {
    this.scope = scope;
    this.saved = saved;
  }

  List<Saved> all() {
    return scope
        .dsl()
        .select(Mapping.ID, Mapping.NAME, Mapping.ENTRIES, Mapping.VERSION)
        .from(scope.table(Mapping.T))
        // the geometry import keeps its property choice in the same table
        .where(Mapping.NAME.notLike("Geometrie: %"))
        .and(Mapping.NAME.notLike(VARIABLES + "%"))
        .orderBy(Mapping.NAME)
        .fetch(
            r ->
                new Saved(
                    r.get(Mapping.ID),
                    r.get(Mapping.NAME),
                    parse(r.get(Mapping.ENTRIES)),
                    r.get(Mapping.VERSION)));
  }

  Optional<Saved> byName(String name) {
    String n = name.strip();
    return scope
        .dsl()
        .select(Mapping.ID, Mapping.NAME, Mapping.ENTRIES, Mapping.VERSION)
        .from(scope.table(Mapping.T))
        .fetch(
            r ->
                new Saved(
                    r.get(Mapping.ID),
                    r.get(Mapping.NAME),
                    parse(r.get(Mapping.ENTRIES)),
                    r.get(Mapping.VERSION)))
        .stream()
        .filter(s -> s.name().equalsIgnoreCase(n))
        .findFirst();
  }

  Optional<Saved> byId(UUID id) {
    return all().stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /**
   * Saves (or replaces) the mapping called {@code name}: column header → indicator code or "skip".
   */
  void save(String name, Map<String, String> entries) {
    String n = name.strip();
    if (n.isEmpty() || n.length() > 200) {
      throw new DomainException("atlas.mappingName");
    }
    // a mapping of the same name in other spelling is replaced, not doubled
    saved.save(byName(n).map(Saved::name).orElse(n), entries);
  }

  /**
   * What a saved mapping says for the columns of a file (column index → target), and the problems:
   * columns the mapping does not know, entries the file lacks.
   */
  static Map<Integer, String> apply(
      Saved saved, List<StatisticsTable.Column> columns, List<StatisticsTable.Problem> problems) {
    Map<Integer, String> result = new LinkedHashMap<>();
    List<String> used = new ArrayList<>();
    for (StatisticsTable.Column c : columns) {
      String key =
          c.period() != null && saved.entries().containsKey(ANY_YEAR) ? ANY_YEAR : c.label();
      String target = saved.entries().get(key);
      if (target == null) {
        problems.add(
            new StatisticsTable.Problem(1, c.label(), "atlas.mappingColumnNew", c.label(), false));
      } else {
        result.put(c.index(), target);
        used.add(key);
      }
    }
    saved.entries().keySet().stream()
        .filter(k -> !used.contains(k))
        .forEach(
            k ->
                problems.add(
                    new StatisticsTable.Problem(1, k, "atlas.mappingColumnMissing", k, false)));
    return result;
  }

  private Map<String, String> parse(String text) {
    return saved.parse(text);
  }
}
