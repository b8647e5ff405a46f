package de.lagebild.strategy.internal.imports;

import de.lagebild.platform.AuditLog;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.TenantScope;
import de.lagebild.platform.TenantTable;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.Field;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant's own spellings of field labels for goal agreements, on top of the built-in dictionary
 * ({@link ImportFields}): label as written → field. Replaced as a whole, audited.
 */
@Repository
public class ImportLabels {

  static final TenantTable T = TenantTable.named("import_label");
  static final Field<String> LABEL = T.text("label");
  static final Field<String> FIELD = T.text("field");
  static final Field<Instant> CREATED_AT = T.instant("created_at");

  private final TenantScope scope;
  private final AuditLog audit;
  private final Clock clock;

  ImportLabels(TenantScope scope, AuditLog audit, Clock clock) {
    this.scope = scope;
    this.audit = audit;
    this.clock = clock;
  }

  /** The tenant's own spellings, in the order of their labels. */
  public Map<String, String> own() {
    Map<String, String> own = new LinkedHashMap<>();
    scope
        .dsl()
        .select(LABEL, FIELD)
        .from(scope.table(T))
        .orderBy(LABEL)
        .forEach(r -> own.put(r.value1(), r.value2()));
    return own;
  }

  ImportFields.Labels labels() {
    return new ImportFields.Labels(own());
  }

  /** Replaces the tenant's own spellings; every field must be one the import knows. */
  @Transactional
  public Map<String, String> replace(Map<String, String> wanted) {
    Map<String, String> before = own();
    for (Map.Entry<String, String> e : wanted.entrySet()) {
      String label = e.getKey() == null ? "" : e.getKey().strip();
      if (label.isEmpty() || label.length() > 200) {
        throw new DomainException("import.labelInvalid", String.valueOf(e.getKey()));
      }
      if (!ImportFields.fields().contains(e.getValue())) {
        throw new DomainException(
            "import.labelFieldUnknown",
            String.valueOf(e.getValue()),
            String.join(", ", ImportFields.fields()));
      }
    }
    scope.deleteFrom(T).execute();
    Instant now = clock.instant();
    wanted.forEach(
        (label, field) ->
            scope
                .insertInto(T)
                .set(LABEL, label.strip())
                .set(FIELD, field)
                .set(CREATED_AT, now)
                .execute());
    audit.record(
        "UPDATE",
        "ImportLabels",
        null,
        "Eigene Bezeichnungen für Zielvereinbarungen: " + wanted.size(),
        Map.of("spellings", text(before)),
        Map.of("spellings", text(wanted)));
    return own();
  }

  private static String text(Map<String, String> spellings) {
    StringBuilder b = new StringBuilder();
    spellings.forEach(
        (k, v) -> b.append(b.isEmpty() ? "" : "; ").append(k).append(" → ").append(v));
    return b.isEmpty() ? "–" : b.toString();
  }
}
