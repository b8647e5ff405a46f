package de.lagebild.platform;

import java.time.Instant;
import java.util.UUID;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * A table whose rows each belong to one tenant (column {@code tenant_id}). Modules declare their
 * tables as {@code TenantTable} constants; queries reach the rows only through {@link TenantScope},
 * which adds the tenant predicate. {@link #raw()} is for {@link TenantScope} alone (an ArchUnit
 * rule checks it).
 */
public final class TenantTable {

  private final String name;
  private final Table<Record> raw;
  private final Field<UUID> tenantId;

  private TenantTable(String name) {
    this.name = name;
    this.raw = DSL.table(DSL.name(name));
    this.tenantId = field("tenant_id", Types.ID);
  }

  public static TenantTable named(String name) {
    return new TenantTable(name);
  }

  public <T> Field<T> field(String column, DataType<T> type) {
    return DSL.field(DSL.name(name, column), type);
  }

  public Field<UUID> id(String column) {
    return field(column, Types.ID);
  }

  public Field<Instant> instant(String column) {
    return field(column, Types.INSTANT);
  }

  public Field<String> text(String column) {
    return field(column, Types.TEXT);
  }

  public Field<UUID> tenantId() {
    return tenantId;
  }

  public String name() {
    return name;
  }

  /** The unscoped table. Only {@link TenantScope} may use it. */
  Table<Record> raw() {
    return raw;
  }
}
