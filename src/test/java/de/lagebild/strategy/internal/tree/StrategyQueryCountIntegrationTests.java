package de.lagebild.strategy.internal.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.identity.ResponsibleUnits;
import de.lagebild.identity.TenantDirectory;
import de.lagebild.platform.TenantContext;
import de.lagebild.strategy.internal.fixtures.StrategyGenerator;
import de.lagebild.strategy.internal.store.MeasureRepository;
import de.lagebild.strategy.internal.store.RoundRepository;
import de.lagebild.strategy.internal.store.StrategyRepository;
import de.lagebild.support.Logins;
import de.lagebild.support.TestDatabase;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The overview and the dashboard run the same number of SQL statements for 20 and for 2,000
 * measures (no N+1).
 */
@SpringBootTest(
    properties = {"lagebild.demo=true", "logging.file.name=target/test-logs/query-count.log"})
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class StrategyQueryCountIntegrationTests {

  static final AtomicInteger STATEMENTS = new AtomicInteger();

  @TestConfiguration
  static class Counting {
    @Bean
    ExecuteListenerProvider statementCounter() {
      return new DefaultExecuteListenerProvider(
          new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
              STATEMENTS.incrementAndGet();
            }
          });
    }
  }

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    TestDatabase.registerFresh(registry);
  }

  @Autowired MockMvc mvc;
  @Autowired TenantDirectory tenants;
  @Autowired StrategyRepository strategies;
  @Autowired MeasureRepository measures;
  @Autowired RoundRepository rounds;
  @Autowired ResponsibleUnits units;
  @Autowired TransactionTemplate tx;
  @Autowired UserDetailsService userDetails;

  int statementsFor(String path, Logins logins) throws Exception {
    STATEMENTS.set(0);
    mvc.perform(get(path).with(logins.as("koordination"))).andExpect(status().isOk());
    return STATEMENTS.get();
  }

  @Test
  void overviewAndDashboardNeedAFixedNumberOfStatements() throws Exception {
    UUID[] ids = new UUID[2];
    TenantContext.runAs(
        tenants.systemAccess("nordhausen").orElseThrow(),
        () ->
            tx.executeWithoutResult(
                s -> {
                  ids[0] =
                      StrategyGenerator.generate(
                          strategies, measures, rounds, units.list(), "Klein", 20, 2);
                  ids[1] =
                      StrategyGenerator.generate(
                          strategies, measures, rounds, units.list(), "Groß", 2000, 2);
                }));
    Logins logins = new Logins(userDetails);
    int smallOverview = statementsFor("/nordhausen/strategien/" + ids[0], logins);
    int largeOverview = statementsFor("/nordhausen/strategien/" + ids[1], logins);
    int smallDashboard = statementsFor("/nordhausen/strategien/" + ids[0] + "/dashboard", logins);
    int largeDashboard = statementsFor("/nordhausen/strategien/" + ids[1] + "/dashboard", logins);
    assertThat(smallOverview).as("the counter sees the statements").isGreaterThan(3);
    assertThat(largeOverview).isEqualTo(smallOverview).isLessThanOrEqualTo(20);
    assertThat(largeDashboard).isEqualTo(smallDashboard).isLessThanOrEqualTo(20);

    // the large tree loads its measure tables per goal as the reader scrolls; each part is a small
    // page
    String page =
        mvc.perform(get("/nordhausen/strategien/" + ids[1]).with(logins.as("koordination")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("hx-get=\"/nordhausen/strategien/" + ids[1] + "/ziele/")
        .contains("hx-trigger=\"intersect once\"");
    Matcher m = Pattern.compile("hx-get=\"([^\"]+)\"").matcher(page);
    assertThat(m.find()).isTrue();
    String part =
        mvc.perform(get(m.group(1).replace("&amp;", "&")).with(logins.as("koordination")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(part).startsWith("<table").contains("Maßnahme ");
    String all =
        mvc.perform(
                get("/nordhausen/strategien/" + ids[1])
                    .param("alle", "1")
                    .with(logins.as("koordination")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(all).doesNotContain("hx-trigger=\"intersect once\"").contains("Maßnahme 1999 ");
  }
}
