package de.lagebild.catalogue.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.lagebild.catalogue.internal.store.CatalogueRevision;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A full rebuild never keeps a search waiting longer than the rebuild wait (issue 19): while a slow
 * rebuild goes on, the old index answers; the rebuilt one replaces it when done.
 */
class BackgroundRebuildTests {

  /**
   * A catalogue whose second full read takes three seconds (as 20,000 offers on a busy machine).
   */
  static OfferSearch.Feed slowSecondRead(AtomicInteger reads) {
    return new OfferSearch.Feed() {
      @Override
      public OfferSearch.Source full() {
        if (reads.incrementAndGet() == 2) {
          try {
            Thread.sleep(3_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return new OfferSearch.Source(List.of(), Map.of(), Map.of(), Map.of(), id -> List.of());
      }

      @Override
      public OfferSearch.Source changedSince(long revision) {
        return full();
      }
    };
  }

  @Test
  void theOldIndexAnswersWhileASlowRebuildGoesOn() {
    OfferSearch search = new OfferSearch();
    UUID tenant = UUID.randomUUID();
    AtomicInteger reads = new AtomicInteger();
    OfferSearch.Feed feed = slowSecondRead(reads);
    search.search(
        tenant, new CatalogueRevision.Revisions(1, 1), feed, OfferSearch.Query.all(), 0, 10);
    assertThat(search.stats(tenant).builds()).isEqualTo(1);
    // the structure changes: the rebuild reads slowly; the search answers after the wait
    long t0 = System.nanoTime();
    search.search(
        tenant, new CatalogueRevision.Revisions(2, 2), feed, OfferSearch.Query.all(), 0, 10);
    long waited = (System.nanoTime() - t0) / 1_000_000;
    assertThat(waited)
        .isBetween(OfferSearch.REBUILD_WAIT_MS - 100, OfferSearch.REBUILD_WAIT_MS + 1_000);
    assertThat(search.stats(tenant).builds()).isEqualTo(1);
    // a second search meanwhile joins the same rebuild (no second read of the catalogue)
    search.search(
        tenant, new CatalogueRevision.Revisions(2, 2), feed, OfferSearch.Query.all(), 0, 10);
    assertThat(reads.get()).isEqualTo(2);
    // when it is done, the rebuilt index replaces the old one
    await().atMost(Duration.ofSeconds(5)).until(() -> search.stats(tenant).builds() == 2);
    long t1 = System.nanoTime();
    search.search(
        tenant, new CatalogueRevision.Revisions(2, 2), feed, OfferSearch.Query.all(), 0, 10);
    assertThat((System.nanoTime() - t1) / 1_000_000).isLessThan(500);
    assertThat(reads.get()).isEqualTo(2);
  }
}
