package de.lagebild.catalogue.internal.store;

import de.lagebild.platform.TenantTable;
import de.lagebild.platform.Types;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;

/** Columns of the catalogue tables (V8__catalogue.sql). */
public final class CatalogueTables {

  private CatalogueTables() {}

  public static final class Category {
    public static final TenantTable T = TenantTable.named("catalogue_category");
    public static final Field<UUID> ID = T.id("id");
    public static final Field<UUID> PARENT_ID = T.id("parent_id");
    public static final Field<String> NAME = T.text("name");
    public static final Field<Integer> POSITION = T.field("position", Types.INT);
    public static final Field<Integer> VERSION = T.field("version", Types.INT);
  }

  public static final class Organization {
    public static final TenantTable T = TenantTable.named("organization");
    public static final Field<UUID> ID = T.id("id");
    public static final Field<String> NAME = T.text("name");
    public static final Field<String> DESCRIPTION = T.text("description");
    public static final Field<String> EMAIL = T.text("email");
    public static final Field<String> PHONE = T.text("phone");
    public static final Field<String> WEBSITE = T.text("website");
    public static final Field<Instant> CREATED_AT = T.instant("created_at");
    public static final Field<Integer> VERSION = T.field("version", Types.INT);
    public static final Field<?>[] ALL = {ID, NAME, DESCRIPTION, EMAIL, PHONE, WEBSITE, VERSION};
  }

  public static final class Member {
    public static final TenantTable T = TenantTable.named("provider_member");
    public static final Field<UUID> USER_ID = T.id("user_id");
    public static final Field<UUID> ORGANIZATION_ID = T.id("organization_id");
  }

  public static final class Location {
    public static final TenantTable T = TenantTable.named("offer_location");
    public static final Field<UUID> ID = T.id("id");
    public static final Field<UUID> ORGANIZATION_ID = T.id("organization_id");
    public static final Field<String> NAME = T.text("name");
    public static final Field<String> STREET = T.text("street");
    public static final Field<String> POSTAL_CODE = T.text("postal_code");
    public static final Field<String> CITY = T.text("city");
    public static final Field<BigDecimal> LATITUDE = T.field("latitude", SQLDataType.NUMERIC(9, 6));
    public static final Field<BigDecimal> LONGITUDE =
        T.field("longitude", SQLDataType.NUMERIC(9, 6));
    public static final Field<String> ACCESSIBILITY = T.text("accessibility");
    public static final Field<UUID> AREA_ID = T.id("area_id");
    public static final Field<Integer> VERSION = T.field("version", Types.INT);
    public static final Field<?>[] ALL = {
      ID,
      ORGANIZATION_ID,
      NAME,
      STREET,
      POSTAL_CODE,
      CITY,
      LATITUDE,
      LONGITUDE,
      ACCESSIBILITY,
      AREA_ID,
      VERSION
    };
  }

  public static final class Offer {
    public static final TenantTable T = TenantTable.named("offer");
    public static final Field<UUID> ID = T.id("id");
    public static final Field<UUID> ORGANIZATION_ID = T.id("organization_id");
    public static final Field<String> NAME = T.text("name");
    public static final Field<String> DESCRIPTION = T.text("description");
    public static final Field<String> STATUS = T.text("status");
    public static final Field<String> COST = T.text("cost");
    public static final Field<String> COST_NOTE = T.text("cost_note");
    public static final Field<Integer> AGE_FROM = T.field("age_from", Types.INT);
    public static final Field<Integer> AGE_TO = T.field("age_to", Types.INT);
    public static final Field<String> LANGUAGES = T.text("languages");
    public static final Field<String> TARGET_GROUPS = T.text("target_groups");
    public static final Field<String> LIFE_SITUATIONS = T.text("life_situations");
    public static final Field<String> URL = T.text("url");
    public static final Field<String> EMAIL = T.text("email");
    public static final Field<String> PHONE = T.text("phone");
    public static final Field<String> APPLICATION = T.text("application_process");
    public static final Field<Integer> PLACES = T.field("places", Types.INT);
    public static final Field<Instant> VERIFIED_AT = T.instant("last_verified_at");
    public static final Field<String> VERIFIED_BY = T.text("last_verified_by");
    public static final Field<Boolean> DEMO = T.field("demo", SQLDataType.BOOLEAN);
    public static final Field<Instant> CREATED_AT = T.instant("created_at");
    public static final Field<Instant> UPDATED_AT = T.instant("updated_at");
    public static final Field<Integer> VERSION = T.field("version", Types.INT);
    public static final Field<Long> REVISION = T.field("revision", SQLDataType.BIGINT);
    public static final Field<?>[] ALL = {
      ID,
      ORGANIZATION_ID,
      NAME,
      DESCRIPTION,
      STATUS,
      COST,
      COST_NOTE,
      AGE_FROM,
      AGE_TO,
      LANGUAGES,
      TARGET_GROUPS,
      LIFE_SITUATIONS,
      URL,
      EMAIL,
      PHONE,
      APPLICATION,
      PLACES,
      VERIFIED_AT,
      VERIFIED_BY,
      DEMO,
      UPDATED_AT,
      VERSION
    };
  }

  public static final class OfferLocation {
    public static final TenantTable T = TenantTable.named("offer_at_location");
    public static final Field<UUID> OFFER_ID = T.id("offer_id");
    public static final Field<UUID> LOCATION_ID = T.id("location_id");
  }

  public static final class OfferCategory {
    public static final TenantTable T = TenantTable.named("offer_category");
    public static final Field<UUID> OFFER_ID = T.id("offer_id");
    public static final Field<UUID> CATEGORY_ID = T.id("category_id");
  }

  public static final class Schedule {
    public static final TenantTable T = TenantTable.named("offer_schedule");
    public static final Field<UUID> ID = T.id("id");
    public static final Field<UUID> OFFER_ID = T.id("offer_id");
    public static final Field<Integer> WEEKDAY = T.field("weekday", Types.INT);
    public static final Field<String> OPENS = T.text("opens");
    public static final Field<String> CLOSES = T.text("closes");
    public static final Field<String> NOTE = T.text("note");
  }

  public static final class Contact {
    public static final TenantTable T = TenantTable.named("offer_contact");
    public static final Field<UUID> ID = T.id("id");
    public static final Field<UUID> OFFER_ID = T.id("offer_id");
    public static final Field<String> NAME = T.text("name");
    public static final Field<String> ROLE = T.text("role");
    public static final Field<String> EMAIL = T.text("email");
    public static final Field<String> PHONE = T.text("phone");
  }

  public static final class Change {
    public static final TenantTable T = TenantTable.named("offer_change");
    public static final Field<UUID> ID = T.id("id");
    public static final Field<UUID> OFFER_ID = T.id("offer_id");
    public static final Field<String> PROPOSED = T.text("proposed");
    public static final Field<String> STATE = T.text("state");
    public static final Field<String> COMMENT = T.text("comment");
    public static final Field<String> SUBMITTED_BY = T.text("submitted_by");
    public static final Field<Instant> SUBMITTED_AT = T.instant("submitted_at");
    public static final Field<String> DECIDED_BY = T.text("decided_by");
    public static final Field<Instant> DECIDED_AT = T.instant("decided_at");
  }

  public static final class Access {
    public static final TenantTable T = TenantTable.named("offer_access");
    public static final Field<UUID> OFFER_ID = T.id("offer_id");
    public static final Field<String> MONTH = T.text("month");
    public static final Field<Integer> VIEWS = T.field("views", Types.INT);
  }

  public static final class Reminder {
    public static final TenantTable T = TenantTable.named("offer_reminder");
    public static final Field<UUID> ID = T.id("id");
    public static final Field<UUID> ORGANIZATION_ID = T.id("organization_id");
    public static final Field<String> SENT_TO = T.text("sent_to");
    public static final Field<Integer> OFFERS = T.field("offers", Types.INT);
    public static final Field<Instant> SENT_AT = T.instant("sent_at");
    public static final Field<String> SENT_BY = T.text("sent_by");
  }

  public static final class Revision {
    public static final TenantTable T = TenantTable.named("catalogue_revision");
    public static final Field<Long> REVISION = T.field("revision", SQLDataType.BIGINT);
    public static final Field<Long> STRUCTURE = T.field("structure_revision", SQLDataType.BIGINT);
  }
}
