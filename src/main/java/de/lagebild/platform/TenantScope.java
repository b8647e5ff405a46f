package de.lagebild.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.DeleteUsingStep;
import org.jooq.Field;
import org.jooq.InsertSetMoreStep;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.UpdateSetFirstStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The one place where tenant separation of SQL is enforced. Every read, update and delete of a
 * {@link TenantTable} goes through an inline derived table that carries {@code tenant_id = <current
 * tenant>}; every insert sets the current tenant. There is no way to name a tenant table without it
 * (see ArchitectureTests).
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
   * All tenants' rows. Only for the few platform reads that are about a user rather than a tenant
   * (which tenants may this user enter?); ArchitectureTests lists the classes allowed to call it.
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

  /**
   * Inserts many rows of one table for the current tenant as one JDBC batch: the statement is
   * rendered once with placeholders and bound once per row ({@code rows} hold the values of {@code
   * columns}, in that order, as the fields' own types).
   */
  public void batchInsert(TenantTable table, List<Field<?>> columns, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    if (rows.size() >= 100 && dsl.dialect().family() == SQLDialect.POSTGRES) {
      copy(table, columns, rows);
      return;
    }
    List<Field<?>> fields = new ArrayList<>();
    fields.add(table.tenantId());
    fields.addAll(columns);
    List<Field<?>> params =
        fields.stream().<Field<?>>map(f -> DSL.val(null, f.getDataType())).toList();
    Query insert = dsl.insertInto(table.raw(), fields).values(params);
    BatchBindStep batch = dsl.batch(insert);
    UUID tenant = TenantContext.require().value();
    for (Object[] row : rows) {
      if (row.length != columns.size()) {
        throw new IllegalArgumentException(
            row.length + " values for " + columns.size() + " columns");
      }
      Object[] values = new Object[row.length + 1];
      values[0] = tenant;
      System.arraycopy(row, 0, values, 1, row.length);
      batch = batch.bind(values);
    }
    batch.execute();
  }

  /**
   * PostgreSQL: the rows as CSV through {@code COPY … FROM STDIN} on the transaction's connection
   * (the fastest way into a table; values as text in the form PostgreSQL reads: ids and timestamps
   * ISO, numbers plain, null empty).
   */
  private void copy(TenantTable table, List<Field<?>> columns, List<Object[]> rows) {
    List<String> names = new ArrayList<>();
    names.add(table.tenantId().getName());
    columns.forEach(f -> names.add(f.getName()));
    UUID tenant = TenantContext.require().value();
    List<Object[]> withTenant = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      Object[] r = new Object[row.length + 1];
      // the tenant as an id (unquoted), like every other id
      r[0] = tenant;
      System.arraycopy(row, 0, r, 1, row.length);
      withTenant.add(r);
    }
    PostgresCopy.copyIn(dsl, table.raw().getName(), names, withTenant);
  }
}
