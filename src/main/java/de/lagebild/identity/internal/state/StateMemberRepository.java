package de.lagebild.identity.internal.state;

import de.lagebild.platform.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Which district belongs to which Land (table state_member). The rows name two tenants and are kept
 * by the platform administration, so the table is not tenant-scoped; readers ask either for the
 * members of one Land or for the Land of one district.
 */
@Repository
class StateMemberRepository {

  static final Table<Record> T = DSL.table(DSL.name("state_member"));
  static final Field<UUID> DISTRICT_ID =
      DSL.field(DSL.name("state_member", "district_id"), Types.ID);
  static final Field<UUID> STATE_ID = DSL.field(DSL.name("state_member", "state_id"), Types.ID);
  static final Field<Instant> JOINED_AT =
      DSL.field(DSL.name("state_member", "joined_at"), Types.INSTANT);

  private final DSLContext dsl;

  StateMemberRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  List<UUID> districtsOf(UUID state) {
    return dsl.select(DISTRICT_ID).from(T).where(STATE_ID.eq(state)).fetch(DISTRICT_ID);
  }

  Optional<UUID> stateOf(UUID district) {
    return dsl.select(STATE_ID).from(T).where(DISTRICT_ID.eq(district)).fetchOptional(STATE_ID);
  }

  void assign(UUID district, UUID state, Instant now) {
    dsl.deleteFrom(T).where(DISTRICT_ID.eq(district)).execute();
    if (state != null) {
      dsl.insertInto(T)
          .set(DISTRICT_ID, district)
          .set(STATE_ID, state)
          .set(JOINED_AT, now)
          .execute();
    }
  }
}
