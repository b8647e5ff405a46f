package de.lagebild.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.Flyway;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Moves one tenant between installations: {@code ./lagebild export-tenant SLUG FILE} writes a ZIP
 * of open formats – {@code manifest.json} (format, schema version, tenant, per table its columns,
 * row count and SHA-256) and one JSON Lines file per table ({@code tables/strategy.jsonl}, …) –
 * with everything of the tenant: strategies, rounds, assessments, atlas (areas, indicators,
 * values), catalogue, surveys, needs, members and the audit log; the users who are members, without
 * passwords. {@code ./lagebild import-tenant FILE} writes it into another installation (SQLite or
 * PostgreSQL, migrated first if empty) in one transaction, or nothing: the path from the embedded
 * SQLite trial to PostgreSQL, or from a district's installation to the state platform.
 *
 * <p>Ids stay as they are. A user whose login name (or e-mail) the target knows already becomes
 * that user (their ids are rewritten wherever they occur); others are created without a password
 * and without platform rights – they get one from the administrator ("Passwort zurücksetzen") or
 * log in through the directory. The atlas' internal numbers (area, indicator, batch, source) are
 * given anew by the target and the values follow them.
 *
 * <p>Why this class is long: export and import are one format and belong together; the type mapping
 * between the two databases, the order of the tables by their foreign keys and the checks that make
 * an import refuse before it writes are all needed for one round trip.
 */
public final class TenantMove {

  static final String FORMAT = "lagebild-tenant";
  static final int FORMAT_VERSION = 1;

  /** Tables that hold no tenant data (or are written otherwise below). */
  private static final Set<String> NOT_MOVED =
      Set.of(
          "flyway_schema_history",
          "cluster_lock",
          "login_throttle",
          "rate_limit_bucket",
          "setup_token",
          "spring_session",
          "spring_session_attributes",
          "upload_stash",
          "upload_stash_piece",
          // a district's membership in a Land names two tenants; the target installation decides it
          "state_member",
          "tenant",
          "app_user",
          "atlas_value",
          // credentials stay where they were issued (like passwords)
          "api_token");

  /** Tables whose column {@code num} the target numbers anew, with the column that finds a row. */
  private static final Map<String, String> NUMBERED =
      Map.of("area", "id", "indicator", "id", "value_batch", "id", "value_source", "text");

  /** The columns of atlas_value that hold those numbers. */
  private static final Map<String, String> NUMBER_COLUMNS =
      Map.of(
          "indicator_num", "indicator",
          "area_num", "area",
          "batch_num", "value_batch",
          "source_num", "value_source");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** What went wrong, in German, for the operator. */
  public static final class MoveException extends Exception {
    public MoveException(String message) {
      super(message);
    }

    public MoveException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private TenantMove() {}

  /** {@code export-tenant SLUG FILE} or {@code import-tenant FILE}; returns the exit code. */
  public static int command(String[] args, Map<String, String> env, java.io.PrintStream out) {
    DatabaseBackup.Target db = DatabaseBackup.Target.fromEnvironment(env);
    try {
      if ("export-tenant".equals(args[0]) && args.length == 3) {
        out.println(export(db, args[1], Path.of(args[2])));
        return 0;
      }
      if ("import-tenant".equals(args[0]) && args.length == 2) {
        out.println(importInto(db, Path.of(args[1])));
        return 0;
      }
      out.println(
          "Aufruf: ./lagebild export-tenant MANDANT DATEI.zip | ./lagebild import-tenant DATEI.zip"
              + " (Datenbank aus LAGEBILD_DB_URL, LAGEBILD_DB_USER, LAGEBILD_DB_PASSWORD)");
      return 2;
    } catch (MoveException e) {
      out.println(e.getMessage());
      return 1;
    }
  }

  // ---------------------------------------------------------------- export

  /** Writes the tenant {@code slug} to {@code zip}; returns a German summary. */
  public static String export(DatabaseBackup.Target db, String slug, Path zip)
      throws MoveException {
    try (Connection c = connect(db)) {
      c.setAutoCommit(false);
      if (!db.sqlite()) {
        // one consistent picture while the application runs
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      }
      DSLContext dsl = DSL.using(c, dialect(db));
      Record tenant =
          dsl.select(fields(c, "tenant"))
              .from(DSL.table(DSL.name("tenant")))
              .where(DSL.field(DSL.name("slug"), String.class).eq(slug))
              .fetchOne();
      if (tenant == null) {
        throw new MoveException(
            "Einen Mandanten '" + slug + "' gibt es in dieser Datenbank nicht.");
      }
      String tenantId = tenant.get("id", String.class);
      ObjectNode manifest = JSON.createObjectNode();
      manifest.put("format", FORMAT);
      manifest.put("formatVersion", FORMAT_VERSION);
      manifest.put("schemaVersion", schemaVersion(dsl));
      manifest.put("exportedAt", Instant.now().toString());
      manifest.put("sourceDatabase", db.sqlite() ? "SQLite" : "PostgreSQL");
      manifest.put("tenant", slug);
      manifest.put("tenantName", tenant.get("name", String.class));
      manifest.put(
          "note",
          "Alle Daten des Mandanten; Benutzerkonten ohne Passwort. Einspielen mit ./lagebild"
              + " import-tenant DATEI.");
      var tables = manifest.putArray("tables");
      Path part = zip.resolveSibling(zip.getFileName() + ".part");
      long rows = 0;
      try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(part))) {
        rows += write(out, tables, c, dsl, "tenant", DSL.field(DSL.name("id")).eq(tenantId));
        rows +=
            write(
                out,
                tables,
                c,
                dsl,
                "app_user",
                DSL.field(DSL.name("id"))
                    .in(
                        DSL.select(DSL.field(DSL.name("user_id")))
                            .from(DSL.table(DSL.name("membership")))
                            .where(DSL.field(DSL.name("tenant_id")).eq(tenantId))));
        for (String table : tenantTables(c)) {
          rows += write(out, tables, c, dsl, table, DSL.field(DSL.name("tenant_id")).eq(tenantId));
        }
        rows +=
            write(
                out,
                tables,
                c,
                dsl,
                "atlas_value",
                DSL.field(DSL.name("indicator_num"))
                    .in(
                        DSL.select(DSL.field(DSL.name("num")))
                            .from(DSL.table(DSL.name("indicator")))
                            .where(DSL.field(DSL.name("tenant_id")).eq(tenantId))));
        landLinks(dsl, tenantId, manifest);
        out.putNextEntry(new ZipEntry("manifest.json"));
        out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        out.closeEntry();
      }
      c.rollback();
      Files.move(
          part,
          zip,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return "Mandant '"
          + slug
          + "' exportiert: "
          + tables.size()
          + " Tabellen, "
          + rows
          + " Zeilen → "
          + zip;
    } catch (SQLException | IOException e) {
      throw new MoveException("Der Export ist fehlgeschlagen: " + e.getMessage(), e);
    }
  }

  private static long write(
      ZipOutputStream out,
      tools.jackson.databind.node.ArrayNode manifest,
      Connection c,
      DSLContext dsl,
      String table,
      org.jooq.Condition which)
      throws SQLException, IOException {
    Map<String, Family> columns = columns(c, table);
    List<Field<?>> fields = fields(columns);
    String file = "tables/" + table + ".jsonl";
    out.putNextEntry(new ZipEntry(file));
    MessageDigest sha = sha256();
    long n = 0;
    OutputStream body = new DigestOutputStream(nonClosing(out), sha);
    try (var cursor =
        dsl.select(fields).from(DSL.table(DSL.name(table))).where(which).fetchLazy()) {
      for (Record r : cursor) {
        ObjectNode row = JSON.createObjectNode();
        for (Map.Entry<String, Family> col : columns.entrySet()) {
          Object v = r.get(col.getKey());
          if ("app_user".equals(table) && "password_hash".equals(col.getKey())) {
            v = null; // never leaves the installation
          }
          put(row, col.getKey(), col.getValue(), v);
        }
        body.write(JSON.writeValueAsBytes(row));
        body.write('\n');
        n++;
      }
    }
    out.closeEntry();
    ObjectNode entry = manifest.addObject();
    entry.put("table", table);
    entry.put("file", file);
    entry.put("rows", n);
    entry.put("sha256", HexFormat.of().formatHex(sha.digest()));
    ObjectNode cols = entry.putObject("columns");
    columns.forEach((k, v) -> cols.put(k, v.name().toLowerCase(Locale.ROOT)));
    return n;
  }

  /**
   * Goals measured by an indicator of the district's Land name rows of the Land's tenant, which do
   * not move with the district: the manifest says what they are (the Land, the indicator's code,
   * the area's official key) so that the target can find them in its own copy of the Land.
   */
  private static void landLinks(DSLContext dsl, String tenantId, ObjectNode manifest) {
    var links = manifest.putArray("landLinks");
    for (Record r :
        dsl.resultQuery(
                "select gi.id, gi.indicator_id, gi.area_id, t.slug, i.code, a.official_key, a.name,"
                    + " i.name from goal_indicator gi join indicator i on i.id = gi.indicator_id"
                    + " join tenant t on t.id = i.tenant_id join area a on a.id = gi.area_id"
                    + " where gi.tenant_id = ? and gi.land = ? order by gi.id",
                tenantId,
                true)
            .fetch()) {
      ObjectNode link = links.addObject();
      link.put("goalIndicator", r.get(0, String.class));
      link.put("indicator", r.get(1, String.class));
      link.put("area", r.get(2, String.class));
      link.put("land", r.get(3, String.class));
      link.put("indicatorCode", r.get(4, String.class));
      link.put("areaKey", r.get(5, String.class));
      link.put("areaName", r.get(6, String.class));
      link.put("indicatorName", r.get(7, String.class));
    }
  }

  /**
   * Finds the Land's indicator and area of each link of the manifest in this installation (the Land
   * tenant by its slug, the indicator by its code, the area by its official key) and maps the old
   * ids to them; returns the ids of the links that have no counterpart here, which are left out.
   */
  private static Set<String> relinkLand(
      JsonNode manifest, DSLContext dsl, Map<String, String> ids, List<String> dropped) {
    Set<String> skip = new HashSet<>();
    for (JsonNode link : manifest.path("landLinks")) {
      String land = link.path("land").asString();
      String indicator =
          dsl.resultQuery(
                  "select i.id from indicator i join tenant t on t.id = i.tenant_id where t.slug"
                      + " = ? and t.kind = ? and i.code = ?",
                  land,
                  "LAND",
                  link.path("indicatorCode").asString())
              .fetchOptional(0, String.class)
              .orElse(null);
      String area =
          link.path("areaKey").isNull() || link.path("areaKey").asString("").isEmpty()
              ? null
              : dsl.resultQuery(
                      "select a.id from area a join tenant t on t.id = a.tenant_id where t.slug = ?"
                          + " and a.official_key = ? order by a.valid_to desc nulls first limit 1",
                      land,
                      link.path("areaKey").asString())
                  .fetchOptional(0, String.class)
                  .orElse(null);
      if (indicator == null || area == null) {
        skip.add(link.path("goalIndicator").asString());
        dropped.add(
            "„"
                + link.path("indicatorName").asString()
                + "“ in „"
                + link.path("areaName").asString()
                + "“ (Land '"
                + land
                + "')");
      } else {
        ids.put(link.path("indicator").asString(), indicator);
        ids.put(link.path("area").asString(), area);
      }
    }
    return skip;
  }

  // ---------------------------------------------------------------- import

  /** Writes the tenant of {@code zip} into the database; returns a German summary. */
  public static String importInto(DatabaseBackup.Target db, Path zip) throws MoveException {
    if (!Files.isRegularFile(zip)) {
      throw new MoveException("Die Datei " + zip + " gibt es nicht.");
    }
    try (ZipFile file = new ZipFile(zip.toFile())) {
      JsonNode manifest = manifest(file);
      verify(file, manifest);
      migrate(db);
      try (Connection c = connect(db)) {
        if (db.sqlite()) {
          try (var s = c.createStatement()) {
            s.execute("pragma foreign_keys = on");
            s.execute("pragma busy_timeout = 10000");
          }
        }
        c.setAutoCommit(false);
        DSLContext dsl = DSL.using(c, dialect(db));
        String schema = schemaVersion(dsl);
        if (!schema.equals(manifest.path("schemaVersion").asString())) {
          throw new MoveException(
              "Die Datei stammt aus einer Installation mit Datenbankstand "
                  + manifest.path("schemaVersion").asString()
                  + ", diese hat "
                  + schema
                  + ". Bitte bringen Sie beide auf dieselbe Lagebild-Version und exportieren"
                  + " Sie erneut.");
        }
        String summary;
        try {
          summary = write(file, manifest, c, dsl);
          c.commit();
        } catch (MoveException | RuntimeException | SQLException | IOException e) {
          c.rollback();
          throw e;
        }
        return summary;
      }
    } catch (SQLException | IOException | RuntimeException e) {
      throw new MoveException(
          "Der Import ist fehlgeschlagen; es wurde nichts geschrieben: " + e.getMessage(), e);
    }
  }

  private static String write(ZipFile file, JsonNode manifest, Connection c, DSLContext dsl)
      throws MoveException, SQLException, IOException {
    Map<String, JsonNode> entries = new LinkedHashMap<>();
    manifest.path("tables").forEach(t -> entries.put(t.path("table").asString(), t));
    JsonNode tenantRow = rows(file, entries.get("tenant")).getFirst();
    String slug = tenantRow.path("slug").asString();
    String tenantId = tenantRow.path("id").asString();
    if (dsl.fetchExists(
        DSL.selectOne()
            .from(DSL.table(DSL.name("tenant")))
            .where(
                DSL.field(DSL.name("slug")).eq(slug).or(DSL.field(DSL.name("id")).eq(tenantId))))) {
      throw new MoveException(
          "Den Mandanten '"
              + slug
              + "' gibt es in dieser Installation schon. Ein Mandant wird nur einmal eingespielt.");
    }
    Set<String> known = new HashSet<>(tenantTables(c));
    known.addAll(List.of("tenant", "app_user", "atlas_value"));
    for (String table : entries.keySet()) {
      if (!known.contains(table)) {
        throw new MoveException(
            "Die Datei enthält die Tabelle '" + table + "', die diese Installation nicht kennt.");
      }
    }
    Map<String, String> ids = new HashMap<>(); // old user id → id here
    Map<String, Map<Long, Long>> numbers = new HashMap<>(); // table → old num → new num
    List<String> dropped = new ArrayList<>();
    Set<String> skip = relinkLand(manifest, dsl, ids, dropped);
    long rows = 0;
    rows += insert(file, c, dsl, entries.get("tenant"), ids, numbers, skip);
    int created = 0;
    int matched = 0;
    for (JsonNode user : rows(file, entries.get("app_user"))) {
      String old = user.path("id").asString();
      Record existing =
          dsl.select(DSL.field(DSL.name("id"), String.class))
              .from(DSL.table(DSL.name("app_user")))
              .where(
                  DSL.field(DSL.name("username"))
                      .eq(user.path("username").asString())
                      .or(DSL.field(DSL.name("email")).eq(user.path("email").asString())))
              .limit(1)
              .fetchOne();
      if (existing != null) {
        ids.put(old, existing.get(0, String.class));
        matched++;
      } else {
        ObjectNode fresh = (ObjectNode) user.deepCopy();
        fresh.putNull("password_hash");
        fresh.put("platform_admin", false);
        if (dsl.fetchExists(
            DSL.selectOne()
                .from(DSL.table(DSL.name("app_user")))
                .where(DSL.field(DSL.name("id")).eq(old)))) {
          String id = UUID.randomUUID().toString();
          ids.put(old, id);
          fresh.put("id", id);
        }
        insertRows(c, dsl, "app_user", List.of(fresh), Map.of(), numbers);
        created++;
      }
    }
    rows += created;
    List<String> order = ordered(c, entries.keySet());
    // rows the target made itself when the tenant row came (revision counters, by trigger) give
    // way to the moved ones
    for (String table : order.reversed()) {
      if (!Set.of("tenant", "app_user", "atlas_value").contains(table)) {
        dsl.deleteFrom(DSL.table(DSL.name(table)))
            .where(DSL.field(DSL.name("tenant_id")).eq(tenantId))
            .execute();
      }
    }
    for (String table : order) {
      if (!Set.of("tenant", "app_user").contains(table) && !table.endsWith("_revision")) {
        rows += insert(file, c, dsl, entries.get(table), ids, numbers, skip);
      }
    }
    // the revision counters last: the database raises them itself while rows come in (triggers);
    // then they take the source's values
    for (String table : order) {
      if (table.endsWith("_revision")) {
        dsl.deleteFrom(DSL.table(DSL.name(table)))
            .where(DSL.field(DSL.name("tenant_id")).eq(tenantId))
            .execute();
        rows += insert(file, c, dsl, entries.get(table), ids, numbers, skip);
      }
    }
    String land =
        manifest.path("landLinks").isEmpty()
            ? ""
            : " Ziele, die Indikatoren des Landes messen: "
                + (manifest.path("landLinks").size() - dropped.size())
                + " mit dem Land dieser Installation verbunden (Werte erscheinen, sobald der"
                + " Mandant dort Mitglied ist und die Landesdaten abonniert)"
                + (dropped.isEmpty()
                    ? "."
                    : ", "
                        + dropped.size()
                        + " nicht übernommen, weil das Land, sein Indikator oder sein Gebiet hier"
                        + " fehlt: "
                        + String.join("; ", dropped)
                        + ".");
    return "Mandant '"
        + slug
        + "' eingespielt: "
        + (entries.size())
        + " Tabellen, "
        + rows
        + " Zeilen; "
        + created
        + " Benutzerkonten neu (ohne Passwort: bitte über die Benutzerverwaltung ein Passwort"
        + " setzen lassen), "
        + matched
        + " vorhandenen zugeordnet."
        + land;
  }

  private static long insert(
      ZipFile file,
      Connection c,
      DSLContext dsl,
      JsonNode entry,
      Map<String, String> ids,
      Map<String, Map<Long, Long>> numbers,
      Set<String> skip)
      throws SQLException, IOException, MoveException {
    String table = entry.path("table").asString();
    long n = 0;
    long skipped = 0;
    boolean selfReferencing = !selfReferences(c, table).isEmpty();
    List<JsonNode> batch = new ArrayList<>();
    try (InputStream in = file.getInputStream(file.getEntry(entry.path("file").asString()));
        var lines =
            new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode row = JSON.readTree(line);
        if ("goal_indicator".equals(table) && skip.contains(row.path("id").asString())) {
          skipped++; // a link to the Land that this installation does not have
          continue;
        }
        batch.add(row);
        if (batch.size() == 1000 && !selfReferencing) {
          n += insertRows(c, dsl, table, batch, ids, numbers);
          batch.clear();
        }
      }
    }
    if (selfReferencing) {
      // a row's parent in the same table may come later in the file: parents first
      n += insertInOrder(c, dsl, table, batch, ids, numbers);
    } else {
      n += insertRows(c, dsl, table, batch, ids, numbers);
    }
    if (n + skipped != entry.path("rows").asLong()) {
      throw new MoveException(
          "Tabelle "
              + table
              + ": "
              + n
              + " Zeilen gelesen, das Manifest nennt "
              + entry.path("rows"));
    }
    return n;
  }

  /** Rows of a table that refers to itself (a category's parent), parents first. */
  private static long insertInOrder(
      Connection c,
      DSLContext dsl,
      String table,
      List<JsonNode> rows,
      Map<String, String> ids,
      Map<String, Map<Long, Long>> numbers)
      throws SQLException, MoveException {
    List<String> parentColumns = selfReferences(c, table);
    Set<String> done = new HashSet<>();
    Set<String> all = new HashSet<>();
    rows.forEach(r -> all.add(r.path("id").asString()));
    List<JsonNode> left = new ArrayList<>(rows);
    long n = 0;
    while (!left.isEmpty()) {
      List<JsonNode> ready = new ArrayList<>();
      for (JsonNode r : left) {
        boolean parentsThere = true;
        for (String p : parentColumns) {
          String parent = r.path(p).isNull() ? null : r.path(p).asString(null);
          if (parent != null && all.contains(parent) && !done.contains(parent)) {
            parentsThere = false;
          }
        }
        if (parentsThere) {
          ready.add(r);
        }
      }
      if (ready.isEmpty()) {
        throw new MoveException(
            "Tabelle " + table + ": die Zeilen verweisen im Kreis aufeinander.");
      }
      n += insertRows(c, dsl, table, ready, ids, numbers);
      ready.forEach(r -> done.add(r.path("id").asString()));
      left.removeAll(ready);
    }
    return n;
  }

  private static int insertRows(
      Connection c,
      DSLContext dsl,
      String table,
      List<JsonNode> rows,
      Map<String, String> ids,
      Map<String, Map<Long, Long>> numbers)
      throws SQLException {
    if (rows.isEmpty()) {
      return 0;
    }
    Map<String, Family> target = columns(c, table);
    boolean numbered = NUMBERED.containsKey(table);
    List<String> names = new ArrayList<>();
    for (String col : target.keySet()) {
      if (!(numbered && "num".equals(col)) && rows.getFirst().has(col)) {
        names.add(col);
      }
    }
    List<Field<Object>> fields = new ArrayList<>();
    for (String col : names) {
      fields.add(DSL.field(DSL.name(col), target.get(col).type()));
    }
    Table<?> t = DSL.table(DSL.name(table));
    BatchBindStep batch =
        dsl.batch(
            dsl.insertInto(t)
                .columns(fields)
                .values(java.util.Collections.nCopies(fields.size(), (Object) null)));
    for (JsonNode row : rows) {
      Object[] values = new Object[names.size()];
      for (int i = 0; i < names.size(); i++) {
        String col = names.get(i);
        Object v = target.get(col).read(row.get(col));
        if (v instanceof String s && ids.containsKey(s)) {
          v = ids.get(s);
        }
        if ("atlas_value".equals(table) && NUMBER_COLUMNS.containsKey(col) && v != null) {
          Long mapped = numbers.getOrDefault(NUMBER_COLUMNS.get(col), Map.of()).get((Long) v);
          if (mapped == null) {
            throw new IllegalStateException(
                "atlas_value." + col + " = " + v + " verweist auf keine eingespielte Zeile");
          }
          v = mapped;
        }
        values[i] = v;
      }
      batch.bind(values);
    }
    batch.execute();
    if (numbered) {
      String key = NUMBERED.get(table);
      Map<Long, Long> map = numbers.computeIfAbsent(table, k -> new HashMap<>());
      for (JsonNode row : rows) {
        var where = DSL.field(DSL.name(key)).eq(row.path(key).asString());
        if ("value_source".equals(table)) {
          where = where.and(DSL.field(DSL.name("tenant_id")).eq(row.path("tenant_id").asString()));
        }
        Long now =
            dsl.select(DSL.field(DSL.name("num"), Long.class))
                .from(t)
                .where(where)
                .fetchOne(0, Long.class);
        map.put(row.path("num").asLong(), now);
      }
    }
    return rows.size();
  }

  // ---------------------------------------------------------------- the schema

  /** The kinds of column values, as both databases declare them. */
  enum Family {
    TEXT(SQLDataType.VARCHAR),
    INTEGER(SQLDataType.BIGINT),
    DECIMAL(SQLDataType.DECIMAL),
    DOUBLE(SQLDataType.DOUBLE),
    BOOLEAN(SQLDataType.BOOLEAN),
    INSTANT(SQLDataType.INSTANT),
    DATE(SQLDataType.LOCALDATE),
    BYTES(SQLDataType.BLOB);

    private final DataType<?> type;

    Family(DataType<?> type) {
      this.type = type;
    }

    @SuppressWarnings("unchecked")
    DataType<Object> type() {
      return (DataType<Object>) type;
    }

    static Family of(String declared) {
      String t = declared == null ? "" : declared.toLowerCase(Locale.ROOT);
      if (t.contains("timestamp")) {
        return INSTANT;
      }
      if (t.equals("date")) {
        return DATE;
      }
      if (t.startsWith("bool")) {
        return BOOLEAN;
      }
      if (t.contains("bytea") || t.contains("blob")) {
        return BYTES;
      }
      if (t.contains("int") || t.equals("serial") || t.equals("bigserial")) {
        return INTEGER;
      }
      if (t.contains("numeric") || t.contains("decimal")) {
        return DECIMAL;
      }
      if (t.contains("double") || t.contains("float") || t.contains("real")) {
        return DOUBLE;
      }
      return TEXT;
    }

    Object read(JsonNode v) {
      if (v == null || v.isNull()) {
        return null;
      }
      return switch (this) {
        case TEXT -> v.asString();
        case INTEGER -> v.asLong();
        case DECIMAL -> new BigDecimal(v.asString());
        case DOUBLE -> v.asDouble();
        case BOOLEAN -> v.asBoolean();
        case INSTANT -> Instant.parse(v.asString());
        case DATE -> LocalDate.parse(v.asString());
        case BYTES -> Base64.getDecoder().decode(v.asString());
      };
    }
  }

  private static void put(ObjectNode row, String name, Family family, Object v) {
    if (v == null) {
      row.putNull(name);
      return;
    }
    switch (family) {
      case INTEGER -> row.put(name, ((Number) v).longValue());
      // 1.5 whether the source kept 1.5 (SQLite) or 1.500000 (PostgreSQL numeric(20, 6))
      case DECIMAL -> {
        BigDecimal d = ((BigDecimal) v).stripTrailingZeros();
        row.put(name, (d.scale() < 0 ? d.setScale(0) : d).toPlainString());
      }
      case DOUBLE -> row.put(name, ((Number) v).doubleValue());
      case BOOLEAN -> row.put(name, (Boolean) v);
      case BYTES -> row.put(name, Base64.getEncoder().encodeToString((byte[]) v));
      // to the microsecond, as PostgreSQL keeps it (SQLite keeps what Java gave, nanoseconds)
      case INSTANT -> row.put(name, ((Instant) v).truncatedTo(ChronoUnit.MICROS).toString());
      default -> row.put(name, v.toString());
    }
  }

  /** The table's columns in their order, with the family of each. */
  private static Map<String, Family> columns(Connection c, String table) throws SQLException {
    Map<String, Family> out = new LinkedHashMap<>();
    try (ResultSet rs = c.getMetaData().getColumns(null, null, table, null)) {
      while (rs.next()) {
        out.put(
            rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
            Family.of(rs.getString("TYPE_NAME")));
      }
    }
    return out;
  }

  private static List<Field<?>> fields(Map<String, Family> columns) {
    List<Field<?>> out = new ArrayList<>();
    columns.forEach((name, family) -> out.add(DSL.field(DSL.name(name), family.type())));
    return out;
  }

  private static List<Field<?>> fields(Connection c, String table) throws SQLException {
    return fields(columns(c, table));
  }

  /** The tables with a column tenant_id (not views), apart from those moved otherwise. */
  private static List<String> tenantTables(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    DatabaseMetaData meta = c.getMetaData();
    try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        String schema = rs.getString("TABLE_SCHEM");
        if (schema != null && !"public".equalsIgnoreCase(schema)) {
          continue;
        }
        if (NOT_MOVED.contains(table) || table.startsWith("sqlite_")) {
          continue;
        }
        if (!columns(c, table).containsKey("tenant_id")) {
          throw new IllegalStateException(
              "Tabelle " + table + " hat keine Spalte tenant_id und ist dem Umzug unbekannt");
        }
        out.add(table);
      }
    }
    out.sort(null);
    return out;
  }

  /** The tables in an order in which every row's references come before it. */
  private static List<String> ordered(Connection c, Set<String> tables) throws SQLException {
    Map<String, Set<String>> needs = new LinkedHashMap<>();
    for (String t : tables) {
      Set<String> parents = new LinkedHashSet<>();
      try (ResultSet rs = c.getMetaData().getImportedKeys(null, null, t)) {
        while (rs.next()) {
          String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
          if (!parent.equals(t) && tables.contains(parent)) {
            parents.add(parent);
          }
        }
      }
      needs.put(t, parents);
    }
    List<String> out = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    while (out.size() < tables.size()) {
      boolean progress = false;
      for (Map.Entry<String, Set<String>> e : needs.entrySet()) {
        if (!placed.contains(e.getKey()) && placed.containsAll(e.getValue())) {
          out.add(e.getKey());
          placed.add(e.getKey());
          progress = true;
        }
      }
      if (!progress) {
        throw new IllegalStateException("Fremdschlüssel im Kreis: " + needs);
      }
    }
    return out;
  }

  private static List<String> selfReferences(Connection c, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getImportedKeys(null, null, table)) {
      while (rs.next()) {
        if (rs.getString("PKTABLE_NAME").equalsIgnoreCase(table)) {
          out.add(rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT));
        }
      }
    }
    return out;
  }

  private static String schemaVersion(DSLContext dsl) {
    List<String> versions =
        dsl.select(DSL.field(DSL.name("version"), String.class))
            .from(DSL.table(DSL.name("flyway_schema_history")))
            .where(DSL.field(DSL.name("version")).isNotNull())
            .and(DSL.field(DSL.name("success"), Boolean.class).isTrue())
            .fetch(0, String.class);
    return versions.stream()
        .max(java.util.Comparator.comparing(v -> Integer.parseInt(v.replaceAll("\\D.*", ""))))
        .orElse("0");
  }

  // ---------------------------------------------------------------- the file

  private static JsonNode manifest(ZipFile file) throws IOException, MoveException {
    ZipEntry entry = file.getEntry("manifest.json");
    if (entry == null) {
      throw new MoveException(
          "Die Datei ist kein Mandanten-Export von Lagebild (manifest.json fehlt).");
    }
    JsonNode m;
    try (InputStream in = file.getInputStream(entry)) {
      m = JSON.readTree(in);
    }
    if (!FORMAT.equals(m.path("format").asString())
        || m.path("formatVersion").asInt() != FORMAT_VERSION) {
      throw new MoveException(
          "Die Datei ist kein Mandanten-Export von Lagebild im Format "
              + FORMAT
              + " "
              + FORMAT_VERSION
              + ".");
    }
    return m;
  }

  /** Every file is there and has the checksum of the manifest – before anything is written. */
  private static void verify(ZipFile file, JsonNode manifest) throws IOException, MoveException {
    for (JsonNode t : manifest.path("tables")) {
      ZipEntry e = file.getEntry(t.path("file").asString());
      if (e == null) {
        throw new MoveException(
            "Die Datei ist unvollständig: " + t.path("file").asString() + " fehlt.");
      }
      MessageDigest sha = sha256();
      try (InputStream in = file.getInputStream(e)) {
        byte[] buf = new byte[65536];
        int r;
        while ((r = in.read(buf)) > 0) {
          sha.update(buf, 0, r);
        }
      }
      if (!HexFormat.of().formatHex(sha.digest()).equals(t.path("sha256").asString())) {
        throw new MoveException(
            "Die Datei ist beschädigt: die Prüfsumme von "
                + t.path("file").asString()
                + " stimmt nicht.");
      }
    }
    for (String needed : List.of("tenant", "app_user")) {
      boolean there = false;
      for (JsonNode t : manifest.path("tables")) {
        there |= needed.equals(t.path("table").asString());
      }
      if (!there) {
        throw new MoveException("Die Datei ist unvollständig: die Tabelle " + needed + " fehlt.");
      }
    }
  }

  private static List<JsonNode> rows(ZipFile file, JsonNode entry) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (InputStream in = file.getInputStream(file.getEntry(entry.path("file").asString()))) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          out.add(JSON.readTree(line));
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- helpers

  /** An empty database gets the schema first (as at the application's start). */
  private static void migrate(DatabaseBackup.Target db) {
    Flyway.configure()
        .dataSource(db.url(), db.user(), db.password())
        .locations(
            "classpath:db/migration/common",
            "classpath:db/migration/" + (db.sqlite() ? "sqlite" : "postgresql"))
        .load()
        .migrate();
  }

  private static Connection connect(DatabaseBackup.Target db) throws SQLException {
    return DriverManager.getConnection(db.url(), db.user(), db.password());
  }

  private static SQLDialect dialect(DatabaseBackup.Target db) {
    return db.sqlite() ? SQLDialect.SQLITE : SQLDialect.POSTGRES;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static OutputStream nonClosing(OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }
}
