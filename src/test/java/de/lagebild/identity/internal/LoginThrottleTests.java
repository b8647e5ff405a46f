package de.lagebild.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

  static class MovableClock extends Clock {
    Instant now = Instant.parse("2026-11-23T10:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final MovableClock clock = new MovableClock();
  final LoginThrottle throttle = new LoginThrottle(clock);

  @Test
  void blocksALoginNameAfterFiveFailuresWhateverTheAddress() {
    for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
      assertThat(throttle.isBlocked("Lesen", "10.0.0." + i)).isFalse();
      throttle.failed("lesen", "10.0.0." + i);
    }
    assertThat(throttle.isBlocked(" LESEN ", "10.1.1.1")).isTrue();
    assertThat(throttle.isBlocked("andere", "10.1.1.1")).isFalse();
  }

  @Test
  void unknownNamesAreThrottledTheSameWay() {
    for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
      throttle.failed("gibt-es-nicht", "10.0.0.1");
    }
    assertThat(throttle.isBlocked("gibt-es-nicht", "10.0.0.2")).isTrue();
  }

  @Test
  void blocksAnAddressThatTriesManyNames() {
    for (int i = 0; i < LoginThrottle.MAX_FAILURES * 4; i++) {
      throttle.failed("name" + i, "10.9.9.9");
    }
    assertThat(throttle.isBlocked("neuer-name", "10.9.9.9")).isTrue();
    assertThat(throttle.isBlocked("neuer-name", "10.9.9.8")).isFalse();
  }

  @Test
  void theBlockEndsAfterTheWindowAndSuccessClearsIt() {
    for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
      throttle.failed("lesen", "10.0.0.1");
    }
    clock.now = clock.now.plus(LoginThrottle.WINDOW).plus(Duration.ofSeconds(1));
    assertThat(throttle.isBlocked("lesen", "10.0.0.1")).isFalse();
    throttle.failed("lesen", "10.0.0.1");
    throttle.succeeded("lesen");
    assertThat(throttle.isBlocked("lesen", "10.0.0.1")).isFalse();
  }
}
