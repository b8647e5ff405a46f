package de.lagebild.catalogue.internal;

import de.lagebild.platform.TenantTable;
import de.lagebild.platform.Types;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;

/** Columns of the catalogue tables (V8__catalogue.sql). */
final class CatalogueTables {

  private CatalogueTables() {
  }

  static final class Category {
    static final TenantTable T = TenantTable.named("catalogue_category");
    static final Field<UUID> ID = T.id("id");
    static final Field<UUID> PARENT_ID = T.id("parent_id");
    static final Field<String> NAME = T.text("name");
    static final Field<Integer> POSITION = T.field("position", Types.INT);
    static final Field<Integer> VERSION = T.field("version", Types.INT);
  }

  static final class Organization {
    static final TenantTable T = TenantTable.named("organization");
    static final Field<UUID> ID = T.id("id");
    static final Field<String> NAME = T.text("name");
    static final Field<String> DESCRIPTION = T.text("description");
    static final Field<String> EMAIL = T.text("email");
    static final Field<String> PHONE = T.text("phone");
    static final Field<String> WEBSITE = T.text("website");
    static final Field<Instant> CREATED_AT = T.instant("created_at");
    static final Field<Integer> VERSION = T.field("version", Types.INT);
    static final Field<?>[] ALL = {ID, NAME, DESCRIPTION, EMAIL, PHONE, WEBSITE, VERSION};
  }

  static final class Member {
    static final TenantTable T = TenantTable.named("provider_member");
    static final Field<UUID> USER_ID = T.id("user_id");
    static final Field<UUID> ORGANIZATION_ID = T.id("organization_id");
  }

  static final class Location {
    static final TenantTable T = TenantTable.named("offer_location");
    static final Field<UUID> ID = T.id("id");
    static final Field<UUID> ORGANIZATION_ID = T.id("organization_id");
    static final Field<String> NAME = T.text("name");
    static final Field<String> STREET = T.text("street");
    static final Field<String> POSTAL_CODE = T.text("postal_code");
    static final Field<String> CITY = T.text("city");
    static final Field<BigDecimal> LATITUDE = T.field("latitude", SQLDataType.NUMERIC(9, 6));
    static final Field<BigDecimal> LONGITUDE = T.field("longitude", SQLDataType.NUMERIC(9, 6));
    static final Field<String> ACCESSIBILITY = T.text("accessibility");
    static final Field<UUID> AREA_ID = T.id("area_id");
    static final Field<Integer> VERSION = T.field("version", Types.INT);
    static final Field<Long> REVISION = T.field("revision", SQLDataType.BIGINT);
    static final Field<?>[] ALL = {ID, ORGANIZATION_ID, NAME, STREET, POSTAL_CODE, CITY, LATITUDE, LONGITUDE,
        ACCESSIBILITY, AREA_ID, VERSION};
  }

  static final class Offer {
    static final TenantTable T = TenantTable.named("offer");
    static final Field<UUID> ID = T.id("id");
    static final Field<UUID> ORGANIZATION_ID = T.id("organization_id");
    static final Field<String> NAME = T.text("name");
    static final Field<String> DESCRIPTION = T.text("description");
    static final Field<String> STATUS = T.text("status");
    static final Field<String> COST = T.text("cost");
    static final Field<String> COST_NOTE = T.text("cost_note");
    static final Field<Integer> AGE_FROM = T.field("age_from", Types.INT);
    static final Field<Integer> AGE_TO = T.field("age_to", Types.INT);
    static final Field<String> LANGUAGES = T.text("languages");
    static final Field<String> TARGET_GROUPS = T.text("target_groups");
    static final Field<String> LIFE_SITUATIONS = T.text("life_situations");
    static final Field<String> URL = T.text("url");
    static final Field<String> EMAIL = T.text("email");
    static final Field<String> PHONE = T.text("phone");
    static final Field<String> APPLICATION = T.text("application_process");
    static final Field<Instant> VERIFIED_AT = T.instant("last_verified_at");
    static final Field<String> VERIFIED_BY = T.text("last_verified_by");
    static final Field<Boolean> DEMO = T.field("demo", SQLDataType.BOOLEAN);
    static final Field<Instant> CREATED_AT = T.instant("created_at");
    static final Field<Instant> UPDATED_AT = T.instant("updated_at");
    static final Field<Integer> VERSION = T.field("version", Types.INT);
    static final Field<Long> REVISION = T.field("revision", SQLDataType.BIGINT);
    static final Field<?>[] ALL = {ID, ORGANIZATION_ID, NAME, DESCRIPTION, STATUS, COST, COST_NOTE, AGE_FROM, AGE_TO,
        LANGUAGES, TARGET_GROUPS, LIFE_SITUATIONS, URL, EMAIL, PHONE, APPLICATION, VERIFIED_AT, VERIFIED_BY, DEMO,
        UPDATED_AT, VERSION};
  }

  static final class OfferLocation {
    static final TenantTable T = TenantTable.named("offer_at_location");
    static final Field<UUID> OFFER_ID = T.id("offer_id");
    static final Field<UUID> LOCATION_ID = T.id("location_id");
  }

  static final class OfferCategory {
    static final TenantTable T = TenantTable.named("offer_category");
    static final Field<UUID> OFFER_ID = T.id("offer_id");
    static final Field<UUID> CATEGORY_ID = T.id("category_id");
  }

  static final class Schedule {
    static final TenantTable T = TenantTable.named("offer_schedule");
    static final Field<UUID> ID = T.id("id");
    static final Field<UUID> OFFER_ID = T.id("offer_id");
    static final Field<Integer> WEEKDAY = T.field("weekday", Types.INT);
    static final Field<String> OPENS = T.text("opens");
    static final Field<String> CLOSES = T.text("closes");
    static final Field<String> NOTE = T.text("note");
  }

  static final class Contact {
    static final TenantTable T = TenantTable.named("offer_contact");
    static final Field<UUID> ID = T.id("id");
    static final Field<UUID> OFFER_ID = T.id("offer_id");
    static final Field<String> NAME = T.text("name");
    static final Field<String> ROLE = T.text("role");
    static final Field<String> EMAIL = T.text("email");
    static final Field<String> PHONE = T.text("phone");
  }

  static final class Change {
    static final TenantTable T = TenantTable.named("offer_change");
    static final Field<UUID> ID = T.id("id");
    static final Field<UUID> OFFER_ID = T.id("offer_id");
    static final Field<String> PROPOSED = T.text("proposed");
    static final Field<String> STATE = T.text("state");
    static final Field<String> COMMENT = T.text("comment");
    static final Field<String> SUBMITTED_BY = T.text("submitted_by");
    static final Field<Instant> SUBMITTED_AT = T.instant("submitted_at");
    static final Field<String> DECIDED_BY = T.text("decided_by");
    static final Field<Instant> DECIDED_AT = T.instant("decided_at");
  }

  static final class Access {
    static final TenantTable T = TenantTable.named("offer_access");
    static final Field<UUID> OFFER_ID = T.id("offer_id");
    static final Field<String> MONTH = T.text("month");
    static final Field<Integer> VIEWS = T.field("views", Types.INT);
  }

  static final class Reminder {
    static final TenantTable T = TenantTable.named("offer_reminder");
    static final Field<UUID> ID = T.id("id");
    static final Field<UUID> ORGANIZATION_ID = T.id("organization_id");
    static final Field<String> SENT_TO = T.text("sent_to");
    static final Field<Integer> OFFERS = T.field("offers", Types.INT);
    static final Field<Instant> SENT_AT = T.instant("sent_at");
    static final Field<String> SENT_BY = T.text("sent_by");
  }

  static final class Revision {
    static final TenantTable T = TenantTable.named("catalogue_revision");
    static final Field<Long> REVISION = T.field("revision", SQLDataType.BIGINT);
    static final Field<Long> STRUCTURE = T.field("structure_revision", SQLDataType.BIGINT);
  }
}
