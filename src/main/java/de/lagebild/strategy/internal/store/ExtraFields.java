package de.lagebild.strategy.internal.store;

import de.lagebild.platform.TenantScope;
import de.lagebild.strategy.internal.store.StrategyTables.ExtraField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Query;
import org.springframework.stereotype.Repository;

/**
 * Fields of goals and measures that an import found without a column of their own ("Weitere
 * Felder").
 */
@Repository
public class ExtraFields {

  private final TenantScope scope;

  ExtraFields(TenantScope scope) {
    this.scope = scope;
  }

  /** label → value per goal or measure id, in the order they were found. */
  public Map<UUID, Map<String, String>> ofStrategy(UUID strategyId) {
    Map<UUID, Map<String, String>> result = new HashMap<>();
    scope
        .dsl()
        .select(ExtraField.NODE_ID, ExtraField.LABEL, ExtraField.VALUE)
        .from(scope.table(ExtraField.T))
        .where(ExtraField.STRATEGY_ID.eq(strategyId))
        .orderBy(ExtraField.NODE_ID, ExtraField.POSITION)
        .forEach(
            r ->
                result
                    .computeIfAbsent(r.value1(), k -> new LinkedHashMap<>())
                    .put(r.value2(), r.value3()));
    return result;
  }

  public Map<String, String> of(UUID nodeId) {
    Map<String, String> result = new LinkedHashMap<>();
    scope
        .dsl()
        .select(ExtraField.LABEL, ExtraField.VALUE)
        .from(scope.table(ExtraField.T))
        .where(ExtraField.NODE_ID.eq(nodeId))
        .orderBy(ExtraField.POSITION)
        .forEach(r -> result.put(r.value1(), r.value2()));
    return result;
  }

  public static final List<Field<?>> COLUMNS =
      List.of(
          ExtraField.ID,
          ExtraField.STRATEGY_ID,
          ExtraField.NODE_ID,
          ExtraField.POSITION,
          ExtraField.LABEL,
          ExtraField.VALUE);

  /** Rows of {@link #COLUMNS} for a node's extra fields. */
  public static List<Object[]> rows(UUID strategyId, UUID nodeId, Map<String, String> fields) {
    List<Object[]> rows = new ArrayList<>();
    int position = 0;
    for (Map.Entry<String, String> e : fields.entrySet()) {
      rows.add(
          new Object[] {
            UUID.randomUUID(),
            strategyId,
            nodeId,
            position++,
            truncate(e.getKey(), 200),
            e.getValue()
          });
    }
    return rows;
  }

  List<Query> insertQueries(UUID strategyId, UUID nodeId, Map<String, String> fields) {
    List<Query> queries = new ArrayList<>();
    int position = 0;
    for (Map.Entry<String, String> e : fields.entrySet()) {
      queries.add(
          scope
              .insertInto(ExtraField.T)
              .set(ExtraField.ID, UUID.randomUUID())
              .set(ExtraField.STRATEGY_ID, strategyId)
              .set(ExtraField.NODE_ID, nodeId)
              .set(ExtraField.POSITION, position++)
              .set(ExtraField.LABEL, truncate(e.getKey(), 200))
              .set(ExtraField.VALUE, e.getValue()));
    }
    return queries;
  }

  public void replace(UUID strategyId, UUID nodeId, Map<String, String> fields) {
    scope.deleteFrom(ExtraField.T).where(ExtraField.NODE_ID.eq(nodeId)).execute();
    insertQueries(strategyId, nodeId, fields).forEach(Query::execute);
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
