package de.lagebild.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.IntegrationTest;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Rate limits for requests without login (issue 19, target 6): five per minute here; the sixth from
 * the same address gets 429 with Retry-After and German problem+json (API) or the German error page
 * (public offer pages); requests with a token are not limited; on PostgreSQL the buckets are rows
 * of the database, shared by every instance.
 */
@IntegrationTest
@TestPropertySource(properties = "lagebild.rate-limit.anonymous-per-minute=5")
class RateLimitIntegrationTests extends DatabaseProperties {

  static final String TOKEN = "Bearer lgb_demo_koordination_nordhausen";

  @Autowired MockMvc mvc;
  @Autowired DSLContext dsl;

  @Test
  void anonymousRequestsAreLimitedMembersAreNot() throws Exception {
    for (int i = 0; i < 5; i++) {
      mvc.perform(
              get("/api/v1/nordhausen/indicators")
                  .with(
                      r -> {
                        r.setRemoteAddr("203.0.113.7");
                        return r;
                      }))
          .andExpect(status().isOk());
    }
    mvc.perform(
            get("/api/v1/nordhausen/indicators")
                .with(
                    r -> {
                      r.setRemoteAddr("203.0.113.7");
                      return r;
                    }))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().exists("Retry-After"))
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.title").value("Zu viele Anfragen"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Sekunden")));
    int retry =
        Integer.parseInt(
            mvc.perform(
                    get("/nordhausen/angebote")
                        .with(
                            r -> {
                              r.setRemoteAddr("203.0.113.7");
                              return r;
                            }))
                .andExpect(status().isTooManyRequests())
                .andReturn()
                .getResponse()
                .getHeader("Retry-After"));
    assertThat(retry).isBetween(1, 60);
    // another address has its own bucket
    mvc.perform(
            get("/api/v1/nordhausen/indicators")
                .with(
                    r -> {
                      r.setRemoteAddr("203.0.113.8");
                      return r;
                    }))
        .andExpect(status().isOk());
    // a member with a token from the limited address is not counted
    for (int i = 0; i < 8; i++) {
      mvc.perform(
              get("/api/v1/nordhausen/indicators")
                  .header("Authorization", TOKEN)
                  .with(
                      r -> {
                        r.setRemoteAddr("203.0.113.7");
                        return r;
                      }))
          .andExpect(status().isOk());
    }
    if (dsl.dialect().family() == SQLDialect.POSTGRES) {
      assertThat(
              dsl.fetchCount(dsl.selectFrom("rate_limit_bucket where id like 'anon:203.0.113.%'")))
          .isEqualTo(2);
    }
  }
}
