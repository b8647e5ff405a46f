package de.lagebild.identity.internal.users;

import static de.lagebild.identity.internal.store.IdentityTables.User.*;

import de.lagebild.platform.ConcurrentEditException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {

  private final DSLContext dsl;

  UserRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Login accepts the user name or the e-mail address, both case-insensitively. */
  public Optional<UserRow> findByLogin(String login) {
    String normalized = normalize(login);
    return find(USERNAME.eq(normalized).or(EMAIL.eq(normalized)));
  }

  public Optional<UserRow> findById(UUID id) {
    return find(ID.eq(id));
  }

  public Optional<UserRow> findByUsername(String username) {
    return find(USERNAME.eq(normalize(username)));
  }

  boolean usernameExists(String username) {
    return dsl.fetchExists(T, USERNAME.eq(normalize(username)));
  }

  boolean emailExists(String email, UUID exceptUser) {
    Condition c = EMAIL.eq(normalize(email));
    if (exceptUser != null) {
      c = c.and(ID.ne(exceptUser));
    }
    return dsl.fetchExists(T, c);
  }

  public long count() {
    return dsl.fetchCount(T);
  }

  public void insert(UserRow u, Instant now) {
    dsl.insertInto(T)
        .set(ID, u.id())
        .set(USERNAME, normalize(u.username()))
        .set(EMAIL, normalize(u.email()))
        .set(DISPLAY_NAME, u.displayName())
        .set(PASSWORD_HASH, u.passwordHash())
        .set(PLATFORM_ADMIN, u.platformAdmin())
        .set(ENABLED, u.enabled())
        .set(VERSION, 0)
        .set(CREATED_AT, now)
        .execute();
  }

  void updateProfile(UUID id, String displayName, String email, int expectedVersion) {
    int n =
        dsl.update(T)
            .set(DISPLAY_NAME, displayName)
            .set(EMAIL, normalize(email))
            .set(VERSION, expectedVersion + 1)
            .where(ID.eq(id).and(VERSION.eq(expectedVersion)))
            .execute();
    if (n != 1) {
      throw new ConcurrentEditException("Benutzerkonto");
    }
  }

  void updatePassword(UUID id, String hash) {
    dsl.update(T).set(PASSWORD_HASH, hash).set(VERSION, VERSION.plus(1)).where(ID.eq(id)).execute();
  }

  static String normalize(String s) {
    return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
  }

  private Optional<UserRow> find(Condition c) {
    return dsl.select(
            ID, USERNAME, EMAIL, DISPLAY_NAME, PASSWORD_HASH, PLATFORM_ADMIN, ENABLED, VERSION)
        .from(T)
        .where(c)
        .fetchOptional(UserRepository::map);
  }

  private static UserRow map(Record r) {
    return new UserRow(
        r.get(ID),
        r.get(USERNAME),
        r.get(EMAIL),
        r.get(DISPLAY_NAME),
        r.get(PASSWORD_HASH),
        r.get(PLATFORM_ADMIN),
        r.get(ENABLED),
        r.get(VERSION));
  }
}
