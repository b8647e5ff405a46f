package de.lagebild.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.IntegrationTest;
import de.lagebild.support.Logins;
import java.nio.charset.StandardCharsets;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Kept strategy pages (issue 19, target 4): the database raises the strategy revision with every
 * statement that writes what the pages show – whatever wrote it –, the overview's summary and tree
 * and the public page are kept per revision and show a change with the next request.
 */
@IntegrationTest
class StrategyPagesCacheIntegrationTests extends DatabaseProperties {

  @Autowired MockMvc mvc;
  @Autowired DSLContext dsl;
  @Autowired CacheManager caches;
  @Autowired UserDetailsService userDetails;

  private long revision() {
    Object r =
        dsl.fetchValue(
            "select revision from strategy_revision where tenant_id = (select id from tenant where"
                + " slug = 'nordhausen')");
    return r == null ? 0 : ((Number) r).longValue();
  }

  private String strategy(String visibility) {
    return String.valueOf(
        dsl.fetchValue(
            "select s.id from strategy s join tenant t on t.id = s.tenant_id where t.slug ="
                + " 'nordhausen' and s.visibility = ? order by s.created_at limit 1",
            visibility));
  }

  private String firstGoal(String strategy) {
    return String.valueOf(
        dsl.fetchValue(
            "select title from goal where strategy_id = ? order by code limit 1", strategy));
  }

  private long hits(String cache) {
    return ((CaffeineCache) caches.getCache(cache)).getNativeCache().stats().hitCount();
  }

  @Test
  void everyWritingStatementRaisesTheRevision() {
    String strategy = strategy("PUBLIC");
    long before = revision();
    dsl.execute("update goal set title = title where strategy_id = ?", strategy);
    long after = revision();
    assertThat(after).isGreaterThan(before);
    // another tenant's write leaves this tenant's revision alone
    dsl.execute(
        "update goal set title = title where tenant_id <> (select id from tenant where slug ="
            + " 'nordhausen')");
    assertThat(revision()).isEqualTo(after);
  }

  @Test
  void theOverviewShowsAChangeWithTheNextRequest() throws Exception {
    String strategy = strategy("PUBLIC");
    var user = new Logins(userDetails).as("koordination");
    String address = "/nordhausen/strategien/" + strategy;
    String first =
        mvc.perform(get(address).with(user))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String title = firstGoal(strategy);
    assertThat(first).contains("class=\"tree\"").contains(title);
    long hits = hits("page-parts");
    String again =
        mvc.perform(get(address).with(user))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(hits("page-parts")).isEqualTo(hits + 1);
    // the page around the kept part is the user's (their token differs per session, the tree not)
    assertThat(again).contains(title).contains("name=\"_csrf\"");

    String renamed = "Neu benanntes Ziel " + System.nanoTime();
    dsl.execute(
        "update goal set title = ? where title = ? and strategy_id = ?", renamed, title, strategy);
    assertThat(
            mvc.perform(get(address).with(user))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
        .contains(renamed)
        .doesNotContain(">" + title + "<");
    dsl.execute(
        "update goal set title = ? where title = ? and strategy_id = ?", title, renamed, strategy);
  }

  @Test
  void visitorsGetThePublicPageKeptUntilTheStrategyChanges() throws Exception {
    String strategy = strategy("PUBLIC");
    String address = "/nordhausen/oeffentlich/strategien/" + strategy;
    String first =
        mvc.perform(get(address))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String title = firstGoal(strategy);
    assertThat(first).contains(title).doesNotContain("_csrf");
    long hits = hits("public-pages");
    assertThat(
            mvc.perform(get(address))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
        .isEqualTo(first);
    assertThat(hits("public-pages")).isEqualTo(hits + 1);

    String renamed = "Öffentlich umbenannt " + System.nanoTime();
    dsl.execute(
        "update goal set title = ? where title = ? and strategy_id = ?", renamed, title, strategy);
    assertThat(
            mvc.perform(get(address))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
        .contains(renamed);
    dsl.execute(
        "update goal set title = ? where title = ? and strategy_id = ?", title, renamed, strategy);
    // made internal, it is not found at once, although its page was kept
    dsl.execute("update strategy set visibility = 'INTERNAL' where id = ?", strategy);
    try {
      mvc.perform(get(address)).andExpect(status().isNotFound());
    } finally {
      dsl.execute("update strategy set visibility = 'PUBLIC' where id = ?", strategy);
    }
  }
}
