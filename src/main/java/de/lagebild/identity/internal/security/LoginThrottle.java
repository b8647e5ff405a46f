package de.lagebild.identity.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without locking out an office: failures are counted per login name
 * <em>and</em> address together ({@value #FREE_PER_ADDRESS} free, then a growing wait from {@link
 * #FIRST_DELAY} doubling up to {@link #MAX_DELAY}), and per login name from all addresses ({@value
 * #FREE_PER_NAME} free, then the same back-off) against guessing spread over many addresses. Many
 * failures with other names from one address (colleagues behind one proxy) block no one else.
 * Unknown names are counted the same way, so the throttle reveals nothing about accounts. The
 * counts live in the database, so every instance sees them; they are forgotten {@link
 * #FORGET_AFTER} after the last failure.
 */
@Component
class LoginThrottle {

  static final int FREE_PER_ADDRESS = 5;
  static final int FREE_PER_NAME = 20;
  static final Duration FIRST_DELAY = Duration.ofSeconds(30);
  static final Duration MAX_DELAY = Duration.ofMinutes(15);
  static final Duration FORGET_AFTER = Duration.ofHours(1);

  private final LoginThrottleRepository store;
  private final Clock clock;

  LoginThrottle(LoginThrottleRepository store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** How long this login from this address must still wait, or empty when it may try now. */
  Optional<Duration> waitFor(String login, String address) {
    Instant now = clock.instant();
    Duration pair = remaining(pairKey(login, address), FREE_PER_ADDRESS, now);
    Duration name = remaining(nameKey(login), FREE_PER_NAME, now);
    Duration longer = pair.compareTo(name) >= 0 ? pair : name;
    return longer.isZero() ? Optional.empty() : Optional.of(longer);
  }

  boolean isBlocked(String login, String address) {
    return waitFor(login, address).isPresent();
  }

  void failed(String login, String address) {
    Instant now = clock.instant();
    Instant forgetBefore = now.minus(FORGET_AFTER);
    store.recordFailure(pairKey(login, address), now, forgetBefore);
    store.recordFailure(nameKey(login), now, forgetBefore);
    store.purgeOccasionally(forgetBefore);
  }

  /**
   * A successful login clears the count of this name from this address; the count of the name
   * decays.
   */
  void succeeded(String login, String address) {
    store.clear(pairKey(login, address));
  }

  /**
   * The wait after {@code failures} failures of which {@code free} cost nothing; doubling, capped.
   */
  static Duration delay(int failures, int free) {
    if (failures < free) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - free, 20);
    Duration d = FIRST_DELAY.multipliedBy(1L << doublings);
    return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
  }

  private Duration remaining(String key, int free, Instant now) {
    return store
        .find(key)
        .filter(e -> e.lastFailureAt().isAfter(now.minus(FORGET_AFTER)))
        .map(e -> Duration.between(now, e.lastFailureAt().plus(delay(e.failures(), free))))
        .filter(d -> d.isPositive())
        .orElse(Duration.ZERO);
  }

  static String pairKey(String login, String address) {
    return sha256("p\n" + normalize(login) + "\n" + (address == null ? "-" : address));
  }

  static String nameKey(String login) {
    return sha256("n\n" + normalize(login));
  }

  private static String normalize(String login) {
    return login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
