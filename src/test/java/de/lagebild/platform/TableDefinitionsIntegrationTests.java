package de.lagebild.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.IntegrationTest;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Name;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The column definitions the code declares (every static jOOQ {@code Field} of every class, with
 * its table in its qualified name) exist in the schema that Flyway built – on SQLite and on
 * PostgreSQL – with a type of the same kind (text, whole number, decimal, date, timestamp, boolean,
 * bytes; the kind is compared on PostgreSQL, whose types are strict). Nothing else checks that the
 * hand-kept table classes match the migrations (ADR 0005).
 */
@IntegrationTest
class TableDefinitionsIntegrationTests extends DatabaseProperties {

  @Autowired DataSource dataSource;

  record Declared(String table, String column, DataType<?> type, String where) {}

  @Test
  void everyDeclaredColumnExistsWithACompatibleType() throws Exception {
    List<Declared> declared = declared();
    assertThat(declared).hasSizeGreaterThan(200);
    Map<String, Integer> columns = new HashMap<>();
    boolean typed;
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      // SQLite stores any value in any column and reports types by affinity: there, presence only
      typed = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
      // table by table: SQLite's driver answers "all columns" with one compound SELECT over every
      // table, which passes SQLite's limit of 500 terms once the schema has enough tables
      List<String> names = new ArrayList<>();
      try (ResultSet t = meta.getTables(null, null, "%", new String[] {"TABLE", "VIEW"})) {
        while (t.next()) {
          names.add(t.getString("TABLE_NAME"));
        }
      }
      for (String name : names) {
        try (ResultSet r = meta.getColumns(null, null, name, "%")) {
          while (r.next()) {
            columns.put(
                (r.getString("TABLE_NAME") + "." + r.getString("COLUMN_NAME"))
                    .toLowerCase(Locale.ROOT),
                r.getInt("DATA_TYPE"));
          }
        }
      }
    }
    List<String> missing = new ArrayList<>();
    List<String> mismatched = new ArrayList<>();
    TreeSet<String> tables = new TreeSet<>();
    for (Declared d : declared) {
      String key = (d.table() + "." + d.column()).toLowerCase(Locale.ROOT);
      tables.add(d.table());
      Integer sqlType = columns.get(key);
      if (sqlType == null) {
        missing.add(key + " (" + d.where() + ")");
      } else if (typed && !compatible(d.type(), sqlType)) {
        mismatched.add(key + ": declared " + d.type().getName() + ", schema " + sqlType);
      }
    }
    assertThat(missing).as("declared columns the schema lacks").isEmpty();
    assertThat(mismatched).as("declared columns of another kind than in the schema").isEmpty();
    assertThat(tables).contains("offer", "indicator_value", "assessment", "background_job");
  }

  static List<Declared> declared() throws Exception {
    List<Declared> result = new ArrayList<>();
    for (JavaClass jc :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("de.lagebild")) {
      Class<?> type = jc.reflect();
      for (java.lang.reflect.Field f : type.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers()) || !Field.class.isAssignableFrom(f.getType())) {
          continue;
        }
        f.setAccessible(true);
        Field<?> field = (Field<?>) f.get(null);
        if (field == null) {
          continue;
        }
        Name name = field.getQualifiedName();
        if (name.parts().length == 2) {
          result.add(
              new Declared(
                  name.first(),
                  name.last(),
                  field.getDataType(),
                  type.getSimpleName() + "." + f.getName()));
        }
      }
    }
    return result;
  }

  /** Same kind of value; SQLite reports declared type names loosely, so kinds are compared. */
  static boolean compatible(DataType<?> declared, int sqlType) {
    Class<?> t = declared.getType();
    return switch (kind(sqlType)) {
      case "text" -> t == String.class || t == java.util.UUID.class;
      case "integer" -> t == Integer.class || t == Long.class || t == Short.class;
      case "decimal" -> t == java.math.BigDecimal.class || t == Double.class || t == Long.class;
      case "date" -> t == java.time.LocalDate.class;
      case "timestamp" -> t == java.time.Instant.class || t == java.time.OffsetDateTime.class;
      case "boolean" -> t == Boolean.class;
      case "bytes" -> t == byte[].class;
      default -> true;
    };
  }

  static String kind(int sqlType) {
    return switch (sqlType) {
      case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB, Types.NVARCHAR, Types.OTHER ->
          "text";
      case Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.TINYINT -> "integer";
      case Types.NUMERIC, Types.DECIMAL, Types.DOUBLE, Types.FLOAT, Types.REAL -> "decimal";
      case Types.DATE -> "date";
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> "timestamp";
      case Types.BOOLEAN, Types.BIT -> "boolean";
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "bytes";
      default -> "other";
    };
  }
}
