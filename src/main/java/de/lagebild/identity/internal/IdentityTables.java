package de.lagebild.identity.internal;

import de.lagebild.platform.TenantTable;
import de.lagebild.platform.Types;
import java.time.Instant;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** Column definitions of the identity module's tables (V1__identity.sql). */
final class IdentityTables {

  /** Tenants are the platform's top level and are not themselves tenant-scoped. */
  static final class Tenant {
    static final Table<Record> T = DSL.table(DSL.name("tenant"));
    static final Field<UUID> ID = f("id", Types.ID);
    static final Field<String> SLUG = f("slug", Types.TEXT);
    static final Field<String> NAME = f("name", Types.TEXT);
    static final Field<String> KIND = f("kind", Types.TEXT);
    static final Field<String> OFFICIAL_KEY = f("official_key", Types.TEXT);
    static final Field<Boolean> PUBLIC_VISIBLE = f("public_visible", Types.BOOL);
    static final Field<byte[]> LOGO = f("logo", Types.BYTES);
    static final Field<String> LOGO_TYPE = f("logo_type", Types.TEXT);
    static final Field<Integer> VERSION = f("version", Types.INT);
    static final Field<Instant> CREATED_AT = f("created_at", Types.INSTANT);

    private static <T> Field<T> f(String column, org.jooq.DataType<T> type) {
      return DSL.field(DSL.name("tenant", column), type);
    }
  }

  /** Users are global: one person may belong to several tenants. */
  static final class User {
    static final Table<Record> T = DSL.table(DSL.name("app_user"));
    static final Field<UUID> ID = f("id", Types.ID);
    static final Field<String> USERNAME = f("username", Types.TEXT);
    static final Field<String> EMAIL = f("email", Types.TEXT);
    static final Field<String> DISPLAY_NAME = f("display_name", Types.TEXT);
    static final Field<String> PASSWORD_HASH = f("password_hash", Types.TEXT);
    static final Field<Boolean> PLATFORM_ADMIN = f("platform_admin", Types.BOOL);
    static final Field<Boolean> ENABLED = f("enabled", Types.BOOL);
    static final Field<Integer> VERSION = f("version", Types.INT);
    static final Field<Instant> CREATED_AT = f("created_at", Types.INSTANT);

    private static <T> Field<T> f(String column, org.jooq.DataType<T> type) {
      return DSL.field(DSL.name("app_user", column), type);
    }
  }

  static final class Membership {
    static final TenantTable T = TenantTable.named("membership");
    static final Field<UUID> TENANT_ID = T.tenantId();
    static final Field<UUID> ID = T.id("id");
    static final Field<UUID> USER_ID = T.id("user_id");
    static final Field<String> ROLE = T.text("role");
    static final Field<Integer> VERSION = T.field("version", Types.INT);
    static final Field<Instant> CREATED_AT = T.instant("created_at");
  }

  static final class MembershipUnit {
    static final TenantTable T = TenantTable.named("membership_unit");
    static final Field<UUID> MEMBERSHIP_ID = T.id("membership_id");
    static final Field<UUID> UNIT_ID = T.id("unit_id");
  }

  static final class Unit {
    static final TenantTable T = TenantTable.named("responsible_unit");
    static final Field<UUID> ID = T.id("id");
    static final Field<String> NAME = T.text("name");
    static final Field<String> SHORT_NAME = T.text("short_name");
    static final Field<String> DESCRIPTION = T.text("description");
    static final Field<Boolean> ACTIVE = T.field("active", Types.BOOL);
    static final Field<Integer> VERSION = T.field("version", Types.INT);
    static final Field<Instant> CREATED_AT = T.instant("created_at");
  }

  static final class SetupToken {
    static final Table<Record> T = DSL.table(DSL.name("setup_token"));
    static final Field<UUID> ID = DSL.field(DSL.name("setup_token", "id"), Types.ID);
    static final Field<String> TOKEN_HASH = DSL.field(DSL.name("setup_token", "token_hash"), Types.TEXT);
    static final Field<Instant> CREATED_AT = DSL.field(DSL.name("setup_token", "created_at"), Types.INSTANT);
    static final Field<Instant> USED_AT = DSL.field(DSL.name("setup_token", "used_at"), Types.INSTANT);
  }

  /** Failed logins by a hashed key, global like users (V11). */
  static final class Throttle {
    static final Table<Record> T = DSL.table(DSL.name("login_throttle"));
    static final Field<String> KEY = DSL.field(DSL.name("login_throttle", "throttle_key"), Types.TEXT);
    static final Field<Integer> FAILURES = DSL.field(DSL.name("login_throttle", "failures"), Types.INT);
    static final Field<Instant> LAST_FAILURE_AT = DSL.field(DSL.name("login_throttle", "last_failure_at"),
        Types.INSTANT);
  }

  private IdentityTables() {}
}
