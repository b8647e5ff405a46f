package de.lagebild.identity.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The back-off rule; the counting itself is tested on both databases in {@link
 * LoginThrottleIntegrationTests}.
 */
class LoginThrottleTests {

  @Test
  void theFirstFailuresCostNothingThenTheWaitDoublesUpToTheCap() {
    for (int i = 0; i < LoginThrottle.FREE_PER_ADDRESS; i++) {
      assertThat(LoginThrottle.delay(i, LoginThrottle.FREE_PER_ADDRESS)).isZero();
    }
    assertThat(LoginThrottle.delay(5, 5)).isEqualTo(Duration.ofSeconds(30));
    assertThat(LoginThrottle.delay(6, 5)).isEqualTo(Duration.ofSeconds(60));
    assertThat(LoginThrottle.delay(7, 5)).isEqualTo(Duration.ofSeconds(120));
    assertThat(LoginThrottle.delay(10, 5)).isEqualTo(Duration.ofMinutes(15));
    assertThat(LoginThrottle.delay(10_000, 5)).isEqualTo(LoginThrottle.MAX_DELAY);
  }

  @Test
  void keysAreHashesOfTheNormalisedNameAndHoldNoClearText() {
    assertThat(LoginThrottle.nameKey(" Lesen "))
        .isEqualTo(LoginThrottle.nameKey("lesen"))
        .hasSize(64)
        .doesNotContain("lesen");
    assertThat(LoginThrottle.pairKey("lesen", "10.0.0.1"))
        .isNotEqualTo(LoginThrottle.pairKey("lesen", "10.0.0.2"))
        .isNotEqualTo(LoginThrottle.nameKey("lesen"));
  }
}
