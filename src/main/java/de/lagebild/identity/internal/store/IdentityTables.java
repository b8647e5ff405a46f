package de.lagebild.identity.internal.store;

import de.lagebild.platform.TenantTable;
import de.lagebild.platform.Types;
import java.time.Instant;
import java.util.UUID;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** Column definitions of the identity module's tables (V1__identity.sql). */
public final class IdentityTables {

  /** Tenants are the platform's top level and are not themselves tenant-scoped. */
  public static final class Tenant {
    public static final Table<Record> T = DSL.table(DSL.name("tenant"));
    public static final Field<UUID> ID = f("id", Types.ID);
    public static final Field<String> SLUG = f("slug", Types.TEXT);
    public static final Field<String> NAME = f("name", Types.TEXT);
    public static final Field<String> KIND = f("kind", Types.TEXT);
    public static final Field<String> OFFICIAL_KEY = f("official_key", Types.TEXT);
    public static final Field<Boolean> PUBLIC_VISIBLE = f("public_visible", Types.BOOL);
    public static final Field<byte[]> LOGO = f("logo", Types.BYTES);
    public static final Field<String> LOGO_TYPE = f("logo_type", Types.TEXT);
    public static final Field<Integer> VERSION = f("version", Types.INT);
    public static final Field<Instant> CREATED_AT = f("created_at", Types.INSTANT);

    private static <T> Field<T> f(String column, DataType<T> type) {
      return DSL.field(DSL.name("tenant", column), type);
    }
  }

  /** Users are global: one person may belong to several tenants. */
  public static final class User {
    public static final Table<Record> T = DSL.table(DSL.name("app_user"));
    public static final Field<UUID> ID = f("id", Types.ID);
    public static final Field<String> USERNAME = f("username", Types.TEXT);
    public static final Field<String> EMAIL = f("email", Types.TEXT);
    public static final Field<String> DISPLAY_NAME = f("display_name", Types.TEXT);
    public static final Field<String> PASSWORD_HASH = f("password_hash", Types.TEXT);
    public static final Field<Boolean> PLATFORM_ADMIN = f("platform_admin", Types.BOOL);
    public static final Field<Boolean> ENABLED = f("enabled", Types.BOOL);
    public static final Field<Integer> VERSION = f("version", Types.INT);
    public static final Field<Instant> CREATED_AT = f("created_at", Types.INSTANT);

    private static <T> Field<T> f(String column, DataType<T> type) {
      return DSL.field(DSL.name("app_user", column), type);
    }
  }

  public static final class Membership {
    public static final TenantTable T = TenantTable.named("membership");
    public static final Field<UUID> TENANT_ID = T.tenantId();
    public static final Field<UUID> ID = T.id("id");
    public static final Field<UUID> USER_ID = T.id("user_id");
    public static final Field<String> ROLE = T.text("role");
    public static final Field<Integer> VERSION = T.field("version", Types.INT);
    public static final Field<Instant> CREATED_AT = T.instant("created_at");
  }

  public static final class MembershipUnit {
    public static final TenantTable T = TenantTable.named("membership_unit");
    public static final Field<UUID> MEMBERSHIP_ID = T.id("membership_id");
    public static final Field<UUID> UNIT_ID = T.id("unit_id");
  }

  public static final class Unit {
    public static final TenantTable T = TenantTable.named("responsible_unit");
    public static final Field<UUID> ID = T.id("id");
    public static final Field<String> NAME = T.text("name");
    public static final Field<String> SHORT_NAME = T.text("short_name");
    public static final Field<String> DESCRIPTION = T.text("description");
    public static final Field<Boolean> ACTIVE = T.field("active", Types.BOOL);
    public static final Field<Integer> VERSION = T.field("version", Types.INT);
    public static final Field<Instant> CREATED_AT = T.instant("created_at");
  }

  public static final class SetupToken {
    public static final Table<Record> T = DSL.table(DSL.name("setup_token"));
    public static final Field<UUID> ID = DSL.field(DSL.name("setup_token", "id"), Types.ID);
    public static final Field<String> TOKEN_HASH =
        DSL.field(DSL.name("setup_token", "token_hash"), Types.TEXT);
    public static final Field<Instant> CREATED_AT =
        DSL.field(DSL.name("setup_token", "created_at"), Types.INSTANT);
    public static final Field<Instant> USED_AT =
        DSL.field(DSL.name("setup_token", "used_at"), Types.INSTANT);
  }

  /** Failed logins by a hashed key, global like users (V11). */
  public static final class Throttle {
    public static final Table<Record> T = DSL.table(DSL.name("login_throttle"));
    public static final Field<String> KEY =
        DSL.field(DSL.name("login_throttle", "throttle_key"), Types.TEXT);
    public static final Field<Integer> FAILURES =
        DSL.field(DSL.name("login_throttle", "failures"), Types.INT);
    public static final Field<Instant> LAST_FAILURE_AT =
        DSL.field(DSL.name("login_throttle", "last_failure_at"), Types.INSTANT);
  }

  private IdentityTables() {}
}
