package de.lagebild.atlas.internal.store;

import de.lagebild.atlas.internal.store.AtlasTables.Mapping;
import de.lagebild.platform.TenantScope;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Named maps of text to text kept per tenant ({@code column_mapping}): the column mappings of wide
 * sheets, the remembered GENESIS variables of a table, the property choice of geometry files.
 */
@Repository
public class SavedMappings {

  private final TenantScope scope;
  private final JsonMapper json;
  private final Clock clock;

  SavedMappings(TenantScope scope, JsonMapper json, Clock clock) {
    this.scope = scope;
    this.json = json;
    this.clock = clock;
  }

  /** The entries saved under exactly this name. */
  public Optional<Map<String, String>> entries(String name) {
    return Optional.ofNullable(
            scope
                .dsl()
                .select(Mapping.ENTRIES)
                .from(scope.table(Mapping.T))
                .where(Mapping.NAME.eq(name))
                .fetchOne(Mapping.ENTRIES))
        .map(this::parse);
  }

  /** Saves (or replaces, raising its version) the entries under {@code name}. */
  public void save(String name, Map<String, String> entries) {
    String text = json.writeValueAsString(entries);
    Instant now = clock.instant();
    Integer version =
        scope
            .dsl()
            .select(Mapping.VERSION)
            .from(scope.table(Mapping.T))
            .where(Mapping.NAME.eq(name))
            .fetchOne(Mapping.VERSION);
    if (version != null) {
      scope
          .update(Mapping.T)
          .set(Mapping.ENTRIES, text)
          .set(Mapping.UPDATED_AT, now)
          .set(Mapping.VERSION, version + 1)
          .where(Mapping.NAME.eq(name))
          .execute();
    } else {
      scope
          .insertInto(Mapping.T)
          .set(Mapping.ID, UUID.randomUUID())
          .set(Mapping.NAME, name)
          .set(Mapping.ENTRIES, text)
          .set(Mapping.CREATED_AT, now)
          .set(Mapping.UPDATED_AT, now)
          .set(Mapping.VERSION, 0)
          .execute();
    }
  }

  public Map<String, String> parse(String text) {
    return json.readValue(text, new TypeReference<LinkedHashMap<String, String>>() {});
  }
}
