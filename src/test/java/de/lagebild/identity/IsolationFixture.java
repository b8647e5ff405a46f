package de.lagebild.identity;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import de.lagebild.platform.Types;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;

/**
 * A non-public tenant B with rows in every identity table, written with plain jOOQ inserts so that
 * setting it up does not depend on the code under test. Other modules add their rows and
 * identifiers here as they come.
 */
record IsolationFixture(UUID tenantId, String slug, List<UUID> ids) {

  static IsolationFixture createTenantB(DSLContext dsl) {
    UUID tenant = UUID.randomUUID();
    String slug = "b-" + tenant.toString().substring(0, 8);
    UUID unit = UUID.randomUUID();
    UUID user = UUID.randomUUID();
    UUID membership = UUID.randomUUID();
    insert(
        dsl,
        "tenant",
        row(
            "id",
            tenant,
            "slug",
            slug,
            "name",
            "Mandant B " + slug,
            "kind",
            "LANDKREIS",
            "public_visible",
            false,
            "version",
            0,
            "created_at",
            Instant.now()));
    insert(
        dsl,
        "responsible_unit",
        row(
            "tenant_id",
            tenant,
            "id",
            unit,
            "name",
            "Geheimes Amt",
            "active",
            true,
            "version",
            0,
            "created_at",
            Instant.now()));
    insert(
        dsl,
        "app_user",
        row(
            "id",
            user,
            "username",
            "user-" + slug,
            "email",
            slug + "@example.org",
            "display_name",
            "Person B",
            "platform_admin",
            false,
            "enabled",
            true,
            "version",
            0,
            "created_at",
            Instant.now()));
    insert(
        dsl,
        "membership",
        row(
            "tenant_id",
            tenant,
            "id",
            membership,
            "user_id",
            user,
            "role",
            "ADMIN",
            "version",
            0,
            "created_at",
            Instant.now()));
    insert(
        dsl,
        "membership_unit",
        row("tenant_id", tenant, "membership_id", membership, "unit_id", unit));
    insert(
        dsl,
        "audit_event",
        row(
            "tenant_id",
            tenant,
            "id",
            UUID.randomUUID(),
            "occurred_at",
            Instant.now(),
            "actor_name",
            "Test",
            "action",
            "CREATE",
            "entity_type",
            "Tenant",
            "summary",
            "B angelegt"));
    // strategy module: a strategy with a goal, a measure of B's unit, a milestone, an open round,
    // an assessment
    UUID strategy = UUID.randomUUID();
    UUID goal = UUID.randomUUID();
    UUID measure = UUID.randomUUID();
    UUID round = UUID.randomUUID();
    UUID assessment = UUID.randomUUID();
    UUID statusOption = UUID.randomUUID();
    UUID milestone = UUID.randomUUID();
    insert(
        dsl,
        "strategy",
        row(
            "tenant_id",
            tenant,
            "id",
            strategy,
            "title",
            "Geheime Strategie",
            "status",
            "DECIDED",
            "level_names",
            "Leitziel|Teilziel",
            "visibility",
            "INTERNAL",
            "version",
            0,
            "created_at",
            Instant.now()));
    insert(
        dsl,
        "goal",
        row(
            "tenant_id",
            tenant,
            "id",
            goal,
            "strategy_id",
            strategy,
            "level",
            0,
            "position",
            0,
            "code",
            "1",
            "title",
            "Geheimes Ziel",
            "version",
            0,
            "created_at",
            Instant.now()));
    insert(
        dsl,
        "measure",
        row(
            "tenant_id",
            tenant,
            "id",
            measure,
            "strategy_id",
            strategy,
            "goal_id",
            goal,
            "position",
            0,
            "code",
            "1.1",
            "title",
            "Geheime Maßnahme",
            "weight",
            1,
            "version",
            0,
            "created_at",
            Instant.now()));
    insert(dsl, "measure_unit", row("tenant_id", tenant, "measure_id", measure, "unit_id", unit));
    insert(
        dsl,
        "milestone",
        row(
            "tenant_id",
            tenant,
            "id",
            milestone,
            "measure_id",
            measure,
            "position",
            0,
            "title",
            "Geheimer Meilenstein",
            "version",
            0,
            "created_at",
            Instant.now()));
    insert(
        dsl,
        "status_option",
        row(
            "tenant_id",
            tenant,
            "id",
            statusOption,
            "code",
            "IN_PROGRESS",
            "label",
            "In Umsetzung",
            "default_progress",
            50,
            "colour",
            "#005a9c",
            "symbol",
            "◑",
            "position",
            1,
            "active",
            true,
            "version",
            0));
    insert(
        dsl,
        "reporting_round",
        row(
            "tenant_id",
            tenant,
            "id",
            round,
            "strategy_id",
            strategy,
            "name",
            "Juni 2023",
            "state",
            "OPEN",
            "version",
            0,
            "created_at",
            Instant.now()));
    insert(
        dsl,
        "assessment",
        row(
            "tenant_id",
            tenant,
            "id",
            assessment,
            "round_id",
            round,
            "measure_id",
            measure,
            "version_no",
            1,
            "status_code",
            "IN_PROGRESS",
            "progress",
            50,
            "narrative",
            "<p>geheim</p>",
            "author_name",
            "Person B",
            "created_at",
            Instant.now()));
    UUID token = UUID.randomUUID();
    insert(
        dsl,
        "api_token",
        row(
            "tenant_id",
            tenant,
            "id",
            token,
            "user_id",
            user,
            "name",
            "Token B",
            "token_hash",
            "0".repeat(64 - 8) + slug.substring(2),
            "created_at",
            Instant.now()));
    // strategy exchange: an extra field of the measure, an import job, the imprint of the strategy
    UUID extra = UUID.randomUUID();
    UUID job = UUID.randomUUID();
    UUID imprint = UUID.randomUUID();
    insert(
        dsl,
        "node_extra_field",
        row(
            "tenant_id",
            tenant,
            "id",
            extra,
            "strategy_id",
            strategy,
            "node_id",
            measure,
            "position",
            0,
            "label",
            "Ansprechpartner",
            "value",
            "Geheim"));
    insert(
        dsl,
        "background_job",
        row(
            "tenant_id",
            tenant,
            "id",
            job,
            "kind",
            "STRATEGY_IMPORT",
            "file_name",
            "geheim.docx",
            "format",
            "docx",
            "state",
            "DONE",
            "result_id",
            strategy,
            "summary",
            "geheim",
            "started_at",
            Instant.now()));
    insert(
        dsl,
        "report_imprint",
        row(
            "tenant_id",
            tenant,
            "id",
            imprint,
            "strategy_id",
            strategy,
            "publisher",
            "Geheimes Landratsamt",
            "version",
            0));
    // atlas: an area with geometry and a successor, an indicator, a batch, a value and its history
    UUID area = UUID.randomUUID();
    UUID area2 = UUID.randomUUID();
    UUID indicator = UUID.randomUUID();
    UUID batch = UUID.randomUUID();
    insert(
        dsl,
        "area",
        row(
            "tenant_id",
            tenant,
            "id",
            area,
            "type",
            "KREIS",
            "name",
            "Geheimkreis",
            "official_key",
            "99001",
            "version",
            0,
            "created_at",
            Instant.now()));
    insert(
        dsl,
        "area",
        row(
            "tenant_id",
            tenant,
            "id",
            area2,
            "type",
            "KREIS",
            "name",
            "Geheimkreis Neu",
            "official_key",
            "99002",
            "version",
            0,
            "created_at",
            Instant.now()));
    insert(
        dsl,
        "area_successor",
        row(
            "tenant_id",
            tenant,
            "predecessor_id",
            area,
            "successor_id",
            area2,
            "effective_on",
            LocalDate.of(2021, 7, 1),
            "weight",
            BigDecimal.ONE));
    insert(
        dsl,
        "area_geometry",
        row(
            "tenant_id",
            tenant,
            "area_id",
            area,
            "original",
            "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}",
            "simplified",
            "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}",
            "created_at",
            Instant.now()));
    insert(
        dsl,
        "indicator",
        row(
            "tenant_id",
            tenant,
            "id",
            indicator,
            "code",
            "geheim",
            "name",
            "Geheimquote",
            "short_name",
            "Geheim",
            "decimals",
            1,
            "polarity",
            "NEUTRAL",
            "kind",
            "RATE",
            "public_visible",
            false,
            "position",
            0,
            "version",
            0,
            "created_at",
            Instant.now()));
    insert(
        dsl,
        "value_batch",
        row(
            "tenant_id",
            tenant,
            "id",
            batch,
            "format",
            "csv",
            "rows_read",
            1,
            "created_at",
            Instant.now()));
    // values (V17) refer to numbers; the tenant is the indicator's
    int indicatorNum = num(dsl, "indicator", indicator);
    int areaNum = num(dsl, "area", area);
    int batchNum = num(dsl, "value_batch", batch);
    dsl.execute(
        "insert into atlas_value (indicator_num, area_num, period_end, batch_num, version, period,"
            + " value) values (?, ?, ?, ?, 0, '2019', 4.2)",
        indicatorNum,
        areaNum,
        LocalDate.of(2019, 12, 31),
        batchNum);
    insert(
        dsl,
        "atlas_value_history",
        row(
            "tenant_id",
            tenant,
            "indicator_num",
            indicatorNum,
            "area_num",
            areaNum,
            "period",
            "2019",
            "value",
            new BigDecimal("4.1"),
            "replaced_at",
            Instant.now()));
    insert(dsl, "value_source", row("tenant_id", tenant, "text", "Quelle " + tenant));
    UUID goalIndicator = UUID.randomUUID();
    insert(
        dsl,
        "goal_indicator",
        row(
            "tenant_id",
            tenant,
            "id",
            goalIndicator,
            "goal_id",
            goal,
            "indicator_id",
            indicator,
            "area_id",
            area,
            "target_value",
            new BigDecimal("3.0"),
            "created_at",
            Instant.now()));
    UUID event = UUID.randomUUID();
    insert(
        dsl,
        "participation_event",
        row(
            "tenant_id",
            tenant,
            "id",
            event,
            "title",
            "Geheime Konferenz",
            "format",
            "WORKSHOP",
            "held_on",
            LocalDate.of(2024, 2, 1),
            "area_id",
            area,
            "demo",
            false,
            "version",
            0,
            "created_at",
            Instant.now()));
    insert(
        dsl,
        "participation_group",
        row(
            "tenant_id",
            tenant,
            "event_id",
            event,
            "position",
            0,
            "name",
            "Fachkräfte",
            "people",
            7));
    UUID need = UUID.randomUUID();
    insert(
        dsl,
        "need",
        row(
            "tenant_id",
            tenant,
            "id",
            need,
            "title",
            "Geheimer Bedarf",
            "source_kind",
            "SURVEY",
            "priority",
            "HIGH",
            "status",
            "IDENTIFIED",
            "status_since",
            LocalDate.of(2024, 1, 1),
            "responsible_unit_id",
            unit,
            "demo",
            false,
            "version",
            0,
            "created_at",
            Instant.now(),
            "updated_at",
            Instant.now(),
            "event_id",
            event));
    insert(dsl, "need_area", row("tenant_id", tenant, "need_id", need, "area_id", area));
    insert(dsl, "need_goal", row("tenant_id", tenant, "need_id", need, "goal_id", goal));
    insert(
        dsl,
        "need_evidence",
        row(
            "tenant_id",
            tenant,
            "id",
            UUID.randomUUID(),
            "need_id",
            need,
            "position",
            0,
            "kind",
            "INDICATOR",
            "indicator_id",
            indicator,
            "area_id",
            area,
            "value_text",
            "42 %"));
    insert(
        dsl,
        "need_status_change",
        row(
            "tenant_id",
            tenant,
            "id",
            UUID.randomUUID(),
            "need_id",
            need,
            "status",
            "IDENTIFIED",
            "changed_on",
            LocalDate.of(2024, 1, 1),
            "actor_name",
            "Person B",
            "created_at",
            Instant.now()));
    insert(dsl, "survey_setting", row("tenant_id", tenant, "min_n", 7, "version", 0));
    UUID survey = UUID.randomUUID();
    insert(
        dsl,
        "survey",
        row(
            "tenant_id",
            tenant,
            "id",
            survey,
            "title",
            "Geheime Befragung",
            "period",
            "2025",
            "area_question",
            "SR",
            "responses",
            40,
            "used",
            38,
            "unmapped",
            2,
            "min_n",
            7,
            "raw_file_name",
            "geheim.csv",
            "raw_keep_until",
            LocalDate.now().plusDays(30),
            "demo",
            false,
            "version",
            0,
            "created_at",
            Instant.now()));
    UUID figure = UUID.randomUUID();
    insert(
        dsl,
        "survey_figure",
        row(
            "tenant_id",
            tenant,
            "id",
            figure,
            "survey_id",
            survey,
            "position",
            0,
            "question_code",
            "Q1",
            "question_text",
            "Geheime Frage?",
            "label",
            "Anteil „ja“",
            "measure",
            "SHARE",
            "indicator_id",
            indicator,
            "total_n",
            38,
            "total_value",
            new BigDecimal("42.1")));
    insert(
        dsl,
        "survey_cell",
        row(
            "tenant_id",
            tenant,
            "figure_id",
            figure,
            "area_id",
            area,
            "n",
            38,
            "value",
            new BigDecimal("42.1"),
            "suppressed",
            false));
    UUID surveyText = UUID.randomUUID();
    insert(
        dsl,
        "survey_text",
        row(
            "tenant_id",
            tenant,
            "id",
            surveyText,
            "survey_id",
            survey,
            "position",
            0,
            "question_code",
            "Q5",
            "question_text",
            "Was fehlt?",
            "area_id",
            area,
            "text",
            "Geheimer Freitext",
            "status",
            "PENDING"));
    UUID mapping = UUID.randomUUID();
    insert(
        dsl,
        "column_mapping",
        row(
            "tenant_id",
            tenant,
            "id",
            mapping,
            "name",
            "Geheime Zuordnung",
            "entries",
            "{\"2020\":\"geheim\"}",
            "created_at",
            Instant.now(),
            "updated_at",
            Instant.now(),
            "version",
            0));
    UUID atlasJob = UUID.randomUUID();
    insert(
        dsl,
        "background_job",
        row(
            "tenant_id",
            tenant,
            "id",
            atlasJob,
            "kind",
            "STATISTICS_IMPORT",
            "file_name",
            "geheim.csv",
            "state",
            "DONE",
            "summary",
            "geheim",
            "started_at",
            Instant.now()));
    insert(dsl, "area_member", row("tenant_id", tenant, "area_id", area2, "member_id", area));
    insert(dsl, "atlas_revision", row("tenant_id", tenant, "revision", 7));
    // catalogue: a category, an organisation with a provider account, a location, an offer with its
    // lists, a
    // proposed change, access counts and a reminder
    UUID category = UUID.randomUUID();
    UUID organization = UUID.randomUUID();
    UUID location = UUID.randomUUID();
    UUID offer = UUID.randomUUID();
    UUID change = UUID.randomUUID();
    insert(
        dsl,
        "catalogue_category",
        row(
            "tenant_id",
            tenant,
            "id",
            category,
            "name",
            "Geheime Kategorie",
            "position",
            0,
            "version",
            0));
    insert(
        dsl,
        "organization",
        row(
            "tenant_id",
            tenant,
            "id",
            organization,
            "name",
            "Geheimer Träger",
            "email",
            "geheim@example.org",
            "created_at",
            Instant.now(),
            "version",
            0));
    insert(
        dsl,
        "provider_member",
        row("tenant_id", tenant, "user_id", user, "organization_id", organization));
    insert(
        dsl,
        "offer_location",
        row(
            "tenant_id",
            tenant,
            "id",
            location,
            "organization_id",
            organization,
            "name",
            "Geheimer Ort",
            "latitude",
            new BigDecimal("51.5"),
            "longitude",
            new BigDecimal("10.8"),
            "version",
            0));
    insert(
        dsl,
        "offer",
        row(
            "tenant_id",
            tenant,
            "id",
            offer,
            "organization_id",
            organization,
            "name",
            "Geheimes Angebot",
            "status",
            "PUBLISHED",
            "cost",
            "FREE",
            "demo",
            false,
            "created_at",
            Instant.now(),
            "updated_at",
            Instant.now(),
            "version",
            0));
    insert(
        dsl,
        "offer_at_location",
        row("tenant_id", tenant, "offer_id", offer, "location_id", location));
    insert(
        dsl,
        "offer_category",
        row("tenant_id", tenant, "offer_id", offer, "category_id", category));
    insert(
        dsl,
        "offer_schedule",
        row(
            "tenant_id",
            tenant,
            "id",
            UUID.randomUUID(),
            "offer_id",
            offer,
            "weekday",
            1,
            "opens",
            "09:00",
            "closes",
            "12:00"));
    insert(
        dsl,
        "offer_contact",
        row(
            "tenant_id",
            tenant,
            "id",
            UUID.randomUUID(),
            "offer_id",
            offer,
            "name",
            "Geheime Person"));
    insert(
        dsl,
        "offer_change",
        row(
            "tenant_id",
            tenant,
            "id",
            change,
            "offer_id",
            offer,
            "proposed",
            "{}",
            "state",
            "SUBMITTED",
            "submitted_at",
            Instant.now()));
    insert(
        dsl,
        "offer_access",
        row("tenant_id", tenant, "offer_id", offer, "month", "2026-01", "views", 3));
    insert(
        dsl,
        "offer_reminder",
        row(
            "tenant_id",
            tenant,
            "id",
            UUID.randomUUID(),
            "organization_id",
            organization,
            "sent_to",
            "geheim@example.org",
            "offers",
            1,
            "sent_at",
            Instant.now()));
    insert(dsl, "catalogue_revision", row("tenant_id", tenant, "revision", 3));
    insert(
        dsl,
        "sharing_setting",
        row(
            "tenant_id",
            tenant,
            "item",
            "FUNDING",
            "shared",
            true,
            "version",
            0,
            "changed_at",
            Instant.now()));
    insert(
        dsl,
        "state_subscription",
        row("tenant_id", tenant, "subscribed", true, "version", 0, "changed_at", Instant.now()));
    UUID funding = UUID.randomUUID();
    insert(
        dsl,
        "planning_funding",
        row(
            "tenant_id",
            tenant,
            "id",
            funding,
            "source",
            "Geheime Förderung",
            "amount",
            new BigDecimal("1000.00"),
            "period_start",
            LocalDate.of(2024, 1, 1),
            "period_end",
            LocalDate.of(2024, 12, 31),
            "version",
            0,
            "created_at",
            Instant.now()));
    return new IsolationFixture(
        tenant,
        slug,
        List.of(
            unit,
            membership,
            user,
            strategy,
            goal,
            measure,
            round,
            assessment,
            statusOption,
            milestone,
            token,
            job,
            area,
            indicator,
            goalIndicator,
            need,
            event,
            survey,
            figure,
            surveyText,
            mapping,
            atlasJob,
            category,
            organization,
            location,
            offer,
            change,
            funding));
  }

  private static Map<String, Object> row(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void insert(DSLContext dsl, String table, Map<String, Object> values) {
    var step = dsl.insertInto(table(name(table)));
    Map<Field<?>, Object> typed = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> {
          Field f =
              switch (v) {
                case UUID u -> field(name(k), Types.ID);
                case Instant i -> field(name(k), Types.INSTANT);
                case Boolean b -> field(name(k), SQLDataType.BOOLEAN);
                case Integer n -> field(name(k), SQLDataType.INTEGER);
                case LocalDate d -> field(name(k), Types.DATE);
                case BigDecimal d -> field(name(k), SQLDataType.NUMERIC);
                default -> field(name(k), SQLDataType.VARCHAR);
              };
          typed.put(f, v);
        });
    step.set(typed).execute();
  }

  private static int num(DSLContext dsl, String table, UUID id) {
    return ((Number) dsl.fetchValue("select num from " + table + " where id = ?", id.toString()))
        .intValue();
  }

  /** Every table with a tenant_id column (the list grows with the modules). */
  static List<String> tenantTables(DSLContext dsl) {
    List<String> tables = new ArrayList<>();
    for (var table : dsl.meta().getTables()) {
      String schema = table.getSchema() == null ? "" : table.getSchema().getName();
      if (Set.of("", "public", "main").contains(schema) && table.field("tenant_id") != null) {
        tables.add(table.getName());
      }
    }
    return tables;
  }
}
