package de.lagebild.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.IntegrationTest;
import de.lagebild.support.RunningApp;
import de.lagebild.support.TestDatabase;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Several instances on one database: scheduled work takes a {@link ClusterLock} (one holder at a
 * time, taken over when the holder's time ran out), and two instances started at the same moment on
 * an empty database both come up on one correctly migrated schema (PostgreSQL; the embedded SQLite
 * file is for one instance).
 */
@IntegrationTest
class ClusterIntegrationTests extends DatabaseProperties {

  @Autowired ClusterLock lock;
  @Autowired DSLContext dsl;

  @Test
  void oneHolderAtATimeAndALapsedLockIsTakenOver() throws Exception {
    String name = "test-" + UUID.randomUUID();
    assertThat(lock.tryLock(name, Duration.ofHours(1), "instance A")).isTrue();
    assertThat(lock.tryLock(name, Duration.ofHours(1), "instance B")).isFalse();
    assertThat(dsl.fetchValue("select locked_by from cluster_lock where name = ?", name))
        .isEqualTo("instance A");
    // instance A was killed: its time runs out, B takes the lock over
    dsl.execute("update cluster_lock set locked_until = 0 where name = ?", name);
    assertThat(lock.tryLock(name, Duration.ofHours(1), "instance B")).isTrue();
    assertThat(dsl.fetchValue("select locked_by from cluster_lock where name = ?", name))
        .isEqualTo("instance B");

    // two instances racing for the same lock: exactly one wins, every time
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 20; round++) {
        String race = "race-" + round + "-" + UUID.randomUUID();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> both = new ArrayList<>();
        for (String holder : List.of("A", "B")) {
          both.add(
              pool.submit(
                  () -> {
                    start.await();
                    return lock.tryLock(race, Duration.ofMinutes(5), holder);
                  }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> f : both) {
          winners += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(winners).as(race).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twoInstancesStartedTogetherOnAnEmptyDatabaseShareOneSchema() throws Exception {
    Assumptions.assumeTrue(
        TestDatabase.isPostgres(), "the embedded SQLite file serves one instance");
    String url = TestDatabase.freshUrl();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<RunningApp> apps = new ArrayList<>();
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<RunningApp>> starting = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        int n = i;
        Callable<RunningApp> run =
            () -> {
              start.await();
              return RunningApp.start(
                  url,
                  "--lagebild.demo=false",
                  "--spring.application.admin.enabled=false",
                  "--logging.file.name=target/test-logs/cluster-" + n + ".log");
            };
        starting.add(pool.submit(run));
      }
      start.countDown();
      for (Future<RunningApp> f : starting) {
        apps.add(f.get(180, TimeUnit.SECONDS));
      }
      HttpClient client = HttpClient.newHttpClient();
      for (RunningApp app : apps) {
        assertThat(app.get(client, "/actuator/health", null).body()).contains("UP");
      }
      try (Connection c =
              DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
          ResultSet rs =
              c.createStatement()
                  .executeQuery(
                      "select count(*), count(distinct version), sum(case when success then 0"
                          + " else 1 end) from flyway_schema_history where version is not null")) {
        rs.next();
        // every migration once, none failed
        assertThat(rs.getInt(1)).isEqualTo(rs.getInt(2)).isGreaterThanOrEqualTo(23);
        assertThat(rs.getInt(3)).isZero();
      }
    } finally {
      apps.forEach(RunningApp::close);
      pool.shutdownNow();
    }
  }
}
