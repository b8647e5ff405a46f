package de.lagebild.platform;

import org.jooq.DSLContext;
import org.jooq.DeleteUsingStep;
import org.jooq.InsertSetMoreStep;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.UpdateSetFirstStep;
import org.springframework.stereotype.Component;

/**
 * The one place where tenant separation of SQL is enforced. Every read, update and delete of a {@link TenantTable}
 * goes through an inline derived table that carries {@code tenant_id = <current tenant>}; every insert sets the
 * current tenant. There is no way to name a tenant table without it (see ArchitectureTests).
 */
@Component
public class TenantScope {

  private final DSLContext dsl;

  public TenantScope(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** For building queries; name tenant tables only through {@link #table}. */
  public DSLContext dsl() {
    return dsl;
  }

  /** The rows of {@code table} that belong to the current tenant. */
  public Table<Record> table(TenantTable table) {
    return table.raw().where(table.tenantId().eq(TenantContext.require().value()));
  }

  /**
   * All tenants' rows. Only for the few platform reads that are about a user rather than a tenant (which tenants
   * may this user enter?); ArchitectureTests lists the classes allowed to call it.
   */
  public Table<Record> acrossTenants(TenantTable table) {
    return table.raw();
  }

  public InsertSetMoreStep<Record> insertInto(TenantTable table) {
    return dsl.insertInto(table.raw()).set(table.tenantId(), TenantContext.require().value());
  }

  public UpdateSetFirstStep<Record> update(TenantTable table) {
    return dsl.update(table(table));
  }

  public DeleteUsingStep<Record> deleteFrom(TenantTable table) {
    return dsl.deleteFrom(table(table));
  }
}
