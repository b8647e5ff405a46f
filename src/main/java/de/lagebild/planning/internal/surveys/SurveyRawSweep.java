package de.lagebild.planning.internal.surveys;

import de.lagebild.identity.TenantDirectory;
import de.lagebild.platform.ClusterLock;
import de.lagebild.platform.TenantContext;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes kept raw survey files whose deletion date has passed, in every tenant, once a night (and
 * whenever a tenant's survey pages are opened), so a file is not kept longer than promised when
 * nobody looks. With several instances the nightly run takes a {@link ClusterLock}, so it runs on
 * one of them; deleting is idempotent anyway (a second sweep finds nothing left and logs nothing).
 */
@Component
class SurveyRawSweep {

  private static final Logger LOG = LoggerFactory.getLogger(SurveyRawSweep.class);

  private final TenantDirectory tenants;
  private final Surveys surveys;
  private final ClusterLock lock;

  SurveyRawSweep(TenantDirectory tenants, Surveys surveys, ClusterLock lock) {
    this.tenants = tenants;
    this.surveys = surveys;
    this.lock = lock;
  }

  /** The nightly run: on one instance of the cluster only. */
  @Scheduled(cron = "${lagebild.surveys.raw-sweep-cron:0 15 3 * * *}", zone = "Europe/Berlin")
  void nightly() {
    if (lock.tryLock("survey-raw-sweep", Duration.ofMinutes(30))) {
      sweep();
    } else {
      LOG.debug("Raw survey sweep runs on another instance");
    }
  }

  /** Runs the sweep in every tenant; returns how many raw files were deleted. */
  @Scheduled(cron = "${lagebild.surveys.raw-sweep-cron:0 15 3 * * *}", zone = "Europe/Berlin")
  int sweep() {
    int deleted = 0;
    for (String slug : tenants.allSlugs()) {
      var access = tenants.systemAccess(slug);
      if (access.isPresent()) {
        try {
          deleted += TenantContext.callAs(access.get(), surveys::deleteExpiredRaw);
        } catch (RuntimeException e) {
          LOG.warn("Raw survey files of tenant {} could not be deleted: {}", slug, e.toString());
        }
      }
    }
    if (deleted > 0) {
      LOG.info("Deleted {} raw survey files past their deletion date", deleted);
    }
    return deleted;
  }
}
