package de.lagebild.catalogue.internal.imports;

import de.lagebild.platform.AuditLog;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.TenantScope;
import de.lagebild.platform.TenantTable;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Field;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Column mappings of offer imports, saved by name per tenant (field → column header). */
@Repository
class OfferColumnMappings {

  static final TenantTable T = TenantTable.named("offer_column_mapping");
  static final Field<String> NAME = T.text("name");
  static final Field<String> ENTRIES = T.text("entries");
  static final Field<Instant> UPDATED_AT = T.instant("updated_at");

  private final TenantScope scope;
  private final AuditLog audit;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();

  OfferColumnMappings(TenantScope scope, AuditLog audit, Clock clock) {
    this.scope = scope;
    this.audit = audit;
    this.clock = clock;
  }

  List<String> names() {
    return scope.dsl().select(NAME).from(scope.table(T)).orderBy(NAME).fetch(NAME);
  }

  Optional<Map<String, String>> byName(String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    String entries =
        scope
            .dsl()
            .select(ENTRIES)
            .from(scope.table(T))
            .where(NAME.eq(name.strip()))
            .fetchOne(ENTRIES);
    return Optional.ofNullable(entries)
        .map(e -> json.readValue(e, new TypeReference<LinkedHashMap<String, String>>() {}));
  }

  @Transactional
  void save(String name, Map<String, String> entries) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > 200) {
      throw new DomainException("catalogue.import.mappingName");
    }
    String text = json.writeValueAsString(entries);
    Instant now = clock.instant();
    boolean existed = byName(n).isPresent();
    if (existed) {
      scope.update(T).set(ENTRIES, text).set(UPDATED_AT, now).where(NAME.eq(n)).execute();
    } else {
      scope.insertInto(T).set(NAME, n).set(ENTRIES, text).set(UPDATED_AT, now).execute();
    }
    audit.record(
        existed ? "UPDATE" : "CREATE",
        "OfferColumnMapping",
        null,
        "Spaltenzuordnung für Angebotsimporte gespeichert: " + n,
        null,
        Map.of("name", n, "columns", entries.size()));
  }
}
