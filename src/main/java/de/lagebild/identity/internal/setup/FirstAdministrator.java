package de.lagebild.identity.internal.setup;

import static de.lagebild.identity.internal.store.IdentityTables.SetupToken.*;

import de.lagebild.identity.internal.users.UserAdministration;
import de.lagebild.identity.internal.users.UserRepository;
import de.lagebild.identity.internal.users.UserRow;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.LagebildProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An installation without users gets its first platform administrator either from configuration or
 * through a one-time setup link printed on the console. No default password exists.
 */
@Service
public class FirstAdministrator {

  private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DSLContext dsl;
  private final UserRepository users;
  private final PasswordEncoder passwords;
  private final LagebildProperties properties;
  private final Clock clock;

  FirstAdministrator(
      DSLContext dsl,
      UserRepository users,
      PasswordEncoder passwords,
      LagebildProperties properties,
      Clock clock) {
    this.dsl = dsl;
    this.users = users;
    this.passwords = passwords;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Whether someone can administer the platform: a platform administrator who may log in with a
   * password. A tenant moved into a fresh installation brings its users without passwords and
   * without platform rights – then the first administrator is still to be created.
   */
  boolean administered() {
    return dsl.fetchExists(
        org.jooq
            .impl
            .DSL
            .selectOne()
            .from(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name("app_user")))
            .where(org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("platform_admin")).isTrue())
            .and(org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("enabled")).isTrue())
            .and(org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("password_hash")).isNotNull()));
  }

  /**
   * Called at start-up: does nothing when a platform administrator exists (see {@link
   * #administered()}). Returns the setup link, if one was issued.
   */
  @Transactional
  String ensure() {
    if (administered()) {
      return null;
    }
    LagebildProperties.BootstrapAdmin admin = properties.bootstrapAdmin();
    if (admin != null && admin.configured() && users.findByUsername(admin.username()).isPresent()) {
      log.warn(
          "LAGEBILD_BOOTSTRAP_ADMIN_USERNAME '{}' belongs to an existing account (a moved tenant's);"
              + " a setup link is issued instead",
          admin.username());
    } else if (admin != null && admin.configured()) {
      UserAdministration.checkPassword(admin.password());
      String email =
          admin.email() == null || admin.email().isBlank()
              ? admin.username() + "@localhost"
              : admin.email();
      users.insert(
          new UserRow(
              UUID.randomUUID(),
              admin.username(),
              email,
              admin.username(),
              passwords.encode(admin.password()),
              true,
              true,
              0),
          clock.instant());
      log.info("Platform administrator '{}' created from configuration.", admin.username());
      return null;
    }
    dsl.deleteFrom(T).where(USED_AT.isNull()).execute();
    byte[] raw = new byte[24];
    RANDOM.nextBytes(raw);
    String token = HexFormat.of().formatHex(raw);
    dsl.insertInto(T)
        .set(ID, UUID.randomUUID())
        .set(TOKEN_HASH, hash(token))
        .set(CREATED_AT, clock.instant())
        .execute();
    String link = properties.baseUrl() + "/setup/" + token;
    log.warn(
        "\n\n  Lagebild has no administrator yet. Open this one-time link to create the first one:\n    {}\n",
        link);
    return link;
  }

  boolean isValid(String token) {
    return !administered() && dsl.fetchExists(T, TOKEN_HASH.eq(hash(token)).and(USED_AT.isNull()));
  }

  /** Consumes the token and creates the platform administrator. */
  @Transactional
  UUID complete(String token, String username, String email, String displayName, String password) {
    if (!isValid(token)) {
      throw new DomainException("setup.invalidLink");
    }
    UserAdministration.checkPassword(password);
    // a moved tenant's accounts may already hold the name or address
    if (users.findByUsername(username).isPresent()) {
      throw new DomainException("user.usernameTaken", username);
    }
    if (dsl.fetchExists(
        org.jooq
            .impl
            .DSL
            .selectOne()
            .from(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name("app_user")))
            .where(org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("email")).eq(email)))) {
      throw new DomainException("user.emailTaken", email);
    }
    int used =
        dsl.update(T)
            .set(USED_AT, clock.instant())
            .where(TOKEN_HASH.eq(hash(token)).and(USED_AT.isNull()))
            .execute();
    if (used != 1) {
      throw new DomainException("setup.invalidLink");
    }
    UUID id = UUID.randomUUID();
    users.insert(
        new UserRow(id, username, email, displayName, passwords.encode(password), true, true, 0),
        clock.instant());
    return id;
  }

  public static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
