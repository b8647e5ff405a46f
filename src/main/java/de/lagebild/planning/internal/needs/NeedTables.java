package de.lagebild.planning.internal.needs;

import de.lagebild.platform.TenantTable;
import de.lagebild.platform.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jooq.Field;

/** The need tables of V19__needs.sql. */
final class NeedTables {

  private NeedTables() {}

  static final class NeedT {
    static final TenantTable T = TenantTable.named("need");
    static final Field<UUID> ID = T.id("id");
    static final Field<String> TITLE = T.text("title");
    static final Field<String> DESCRIPTION = T.text("description");
    static final Field<String> SOURCE_KIND = T.text("source_kind");
    static final Field<String> SOURCE_NOTE = T.text("source_note");
    static final Field<String> TARGET_GROUPS = T.text("target_groups");
    static final Field<String> LIFE_SITUATIONS = T.text("life_situations");
    static final Field<String> PRIORITY = T.text("priority");
    static final Field<String> STATUS = T.text("status");
    static final Field<LocalDate> STATUS_SINCE = T.field("status_since", Types.DATE);
    static final Field<UUID> UNIT_ID = T.id("responsible_unit_id");
    static final Field<Boolean> DEMO = T.field("demo", Types.BOOL);
    static final Field<UUID> EVENT_ID = T.id("event_id");
    static final Field<Integer> VERSION = T.field("version", Types.INT);
    static final Field<Instant> CREATED_AT = T.instant("created_at");
    static final Field<Instant> UPDATED_AT = T.instant("updated_at");

    private NeedT() {}
  }

  static final class NeedArea {
    static final TenantTable T = TenantTable.named("need_area");
    static final Field<UUID> NEED_ID = T.id("need_id");
    static final Field<UUID> AREA_ID = T.id("area_id");

    private NeedArea() {}
  }

  static final class NeedGoal {
    static final TenantTable T = TenantTable.named("need_goal");
    static final Field<UUID> NEED_ID = T.id("need_id");
    static final Field<UUID> GOAL_ID = T.id("goal_id");

    private NeedGoal() {}
  }

  static final class NeedEvidence {
    static final TenantTable T = TenantTable.named("need_evidence");
    static final Field<UUID> ID = T.id("id");
    static final Field<UUID> NEED_ID = T.id("need_id");
    static final Field<Integer> POSITION = T.field("position", Types.INT);
    static final Field<String> KIND = T.text("kind");
    static final Field<UUID> INDICATOR_ID = T.id("indicator_id");
    static final Field<UUID> AREA_ID = T.id("area_id");
    static final Field<String> PERIOD = T.text("period");
    static final Field<String> VALUE_TEXT = T.text("value_text");
    static final Field<String> REFERENCE_TEXT = T.text("reference_text");
    static final Field<String> SOURCE = T.text("source");
    static final Field<String> NOTE = T.text("note");

    private NeedEvidence() {}
  }

  static final class NeedStatusChange {
    static final TenantTable T = TenantTable.named("need_status_change");
    static final Field<UUID> ID = T.id("id");
    static final Field<UUID> NEED_ID = T.id("need_id");
    static final Field<String> STATUS = T.text("status");
    static final Field<LocalDate> CHANGED_ON = T.field("changed_on", Types.DATE);
    static final Field<String> REASON = T.text("reason");
    static final Field<String> ACTOR_NAME = T.text("actor_name");
    static final Field<Instant> CREATED_AT = T.instant("created_at");

    private NeedStatusChange() {}
  }
}
