package de.lagebild.identity.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The login throttle as a user behind a shared office address meets it, and as two instances on one
 * database see it: on SQLite and on PostgreSQL.
 */
@IntegrationTest
class LoginThrottleIntegrationTests extends DatabaseProperties {

  @Autowired MockMvc mvc;
  @Autowired LoginThrottleRepository store;

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

  MockHttpServletRequestBuilder login(String user, String password, String address) {
    return post("/login")
        .param("username", user)
        .param("password", password)
        .with(csrf())
        .with(
            r -> {
              r.setRemoteAddr(address);
              return r;
            });
  }

  @Test
  void manyFailuresWithOtherNamesFromOneOfficeAddressBlockNoOneElse() throws Exception {
    String office = "10.20.0.1";
    for (int i = 0; i < 25; i++) {
      mvc.perform(login("tippfehler-" + i + "-" + UUID.randomUUID(), "falsch", office))
          .andExpect(redirectedUrl("/login?error"));
    }
    mvc.perform(login("lesen", "demo", office)).andExpect(redirectedUrl("/"));
  }

  @Test
  void oneNameFromOneAddressWaitsAfterFiveFailuresOtherAddressesDoNot() throws Exception {
    String guesser = "10.30.0.1";
    for (int i = 0; i < LoginThrottle.FREE_PER_ADDRESS; i++) {
      mvc.perform(login("fachdienst", "falsch-" + i, guesser))
          .andExpect(redirectedUrl("/login?error"));
    }
    // even the right password waits now, from this address
    mvc.perform(login("fachdienst", "demo", guesser))
        .andExpect(redirectedUrlPattern("/login?blocked=*"));
    // the colleague at another address logs in
    mvc.perform(login("fachdienst", "demo", "10.30.0.2")).andExpect(redirectedUrl("/"));
  }

  @Test
  void theWaitGrowsWithEachFailureAndEveryInstanceSeesIt() {
    MovableClock clock = new MovableClock();
    LoginThrottle instanceA = new LoginThrottle(store, clock);
    LoginThrottle instanceB = new LoginThrottle(store, clock);
    String name = "wachstum-" + UUID.randomUUID();
    for (int i = 0; i < LoginThrottle.FREE_PER_ADDRESS; i++) {
      assertThat(instanceB.waitFor(name, "10.40.0.1")).isEmpty();
      instanceA.failed(name, "10.40.0.1");
    }
    assertThat(instanceB.waitFor(name, "10.40.0.1")).contains(Duration.ofSeconds(30));
    assertThat(instanceB.waitFor(name, "10.40.0.2")).isEmpty();
    clock.now = clock.now.plusSeconds(31);
    assertThat(instanceA.waitFor(name, "10.40.0.1")).isEmpty();
    instanceB.failed(name, "10.40.0.1");
    assertThat(instanceA.waitFor(name, "10.40.0.1")).contains(Duration.ofSeconds(60));
    clock.now = clock.now.plusSeconds(61);
    instanceA.failed(name, "10.40.0.1");
    assertThat(instanceB.waitFor(name, "10.40.0.1")).contains(Duration.ofSeconds(120));
    // forgotten an hour after the last failure
    clock.now = clock.now.plus(LoginThrottle.FORGET_AFTER).plusSeconds(1);
    assertThat(instanceB.waitFor(name, "10.40.0.1")).isEmpty();
    instanceA.failed(name, "10.40.0.1");
    assertThat(instanceB.waitFor(name, "10.40.0.1")).isEmpty();
  }

  @Test
  void guessingOneNameFromManyAddressesIsSlowedForThatNameOnly() {
    MovableClock clock = new MovableClock();
    LoginThrottle throttle = new LoginThrottle(store, clock);
    String name = "verteilt-" + UUID.randomUUID();
    for (int i = 0; i < LoginThrottle.FREE_PER_NAME; i++) {
      throttle.failed(name, "10.50.0." + i);
    }
    assertThat(throttle.waitFor(name, "10.50.1.1")).contains(Duration.ofSeconds(30));
    assertThat(throttle.waitFor("jemand-anderes", "10.50.1.1")).isEmpty();
    // a success from an address clears that address's count only; the name's count decays
    throttle.succeeded(name, "10.50.0.1");
    assertThat(throttle.waitFor(name, "10.50.0.1")).contains(Duration.ofSeconds(30));
  }
}
