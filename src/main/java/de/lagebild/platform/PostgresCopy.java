package de.lagebild.platform;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import org.jooq.DSLContext;
import org.postgresql.PGConnection;

/**
 * Rows into a PostgreSQL table through {@code COPY … FROM STDIN} on the transaction's connection
 * (the fastest way in): values as text in the form PostgreSQL reads – ids and timestamps ISO,
 * numbers plain, texts quoted, null empty. Callers scope the rows: {@link TenantScope} prefixes the
 * tenant, the value store writes numbers it read through the tenant scope.
 */
public final class PostgresCopy {

  private PostgresCopy() {}

  public static void copyIn(
      DSLContext dsl, String table, List<String> columns, List<Object[]> rows) {
    String sql =
        "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)";
    StringBuilder csv = new StringBuilder(rows.size() * 64 * Math.max(1, columns.size() / 4));
    for (Object[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          csv.append(',');
        }
        Object v = row[i];
        if (v instanceof String text) {
          csv.append('"').append(text.replace("\"", "\"\"")).append('"');
        } else if (v instanceof BigDecimal d) {
          csv.append(d.toPlainString());
        } else if (v != null) {
          csv.append(v);
        }
      }
      csv.append('\n');
    }
    dsl.connection(
        c ->
            c.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(sql, new StringReader(csv.toString())));
  }
}
