package de.lagebild.catalogue.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.catalogue.internal.offers.Catalogue;
import de.lagebild.catalogue.internal.store.CatalogueRows.CategoryRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferContent;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.Status;
import de.lagebild.catalogue.internal.store.CategoryRepository;
import de.lagebild.catalogue.internal.store.OfferRepository;
import de.lagebild.identity.TenantDirectory;
import de.lagebild.platform.TenantAccess;
import de.lagebild.platform.TenantContext;
import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.IntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The search index follows the database offer by offer: a changed, archived or re-published offer
 * is replaced in the index without a rebuild; a word the compound splitter does not know yet, or a
 * change of categories, organisations or locations, rebuilds it. The counts of builds and updates
 * show which way the index went.
 */
@IntegrationTest
class SearchIndexIntegrationTests extends DatabaseProperties {

  @Autowired TenantDirectory tenants;
  @Autowired Catalogue catalogue;
  @Autowired CategoryRepository categoryRepository;
  @Autowired OfferRepository offerRepository;
  @Autowired TransactionTemplate tx;

  TenantAccess access;

  List<UUID> find(String words) {
    return TenantContext.callAs(
        access,
        () ->
            catalogue
                .searchIds(
                    new OfferSearch.Query(words, null, null, null, null, null, null, null), 0, 50)
                .hits()
                .stream()
                .map(OfferSearch.Hit::offer)
                .toList());
  }

  OfferSearch.Stats stats() {
    return TenantContext.callAs(access, () -> catalogue.indexStats());
  }

  OfferRow offer(UUID id) {
    return TenantContext.callAs(access, () -> offerRepository.offer(id).orElseThrow());
  }

  void write(Runnable r) {
    TenantContext.runAs(access, () -> tx.executeWithoutResult(s -> r.run()));
  }

  static OfferContent renamed(OfferContent c, String name) {
    return new OfferContent(
        name,
        c.description(),
        c.cost(),
        c.costNote(),
        c.ageFrom(),
        c.ageTo(),
        c.languages(),
        c.targetGroups(),
        c.lifeSituations(),
        c.url(),
        c.email(),
        c.phone(),
        c.applicationProcess(),
        c.categories(),
        c.locations(),
        c.schedules(),
        c.contacts());
  }

  @Test
  void offersAreReplacedInTheIndexAndStructureChangesRebuildIt() {
    access = tenants.systemAccess("nordhausen").orElseThrow();
    List<UUID> hits = find("Suchtberatung");
    assertThat(hits).isNotEmpty();
    UUID id = hits.get(0);
    OfferRow original = offer(id);
    assertThat(original.content().name()).isEqualTo("Suchtberatung");
    OfferSearch.Stats before = stats();
    UUID category = UUID.randomUUID();
    try {
      // archived: gone from the search, by an update of the index, not a rebuild
      write(() -> offerRepository.setStatus(id, Status.ARCHIVED, Instant.now()));
      assertThat(find("Suchtberatung")).doesNotContain(id);
      assertThat(stats().builds()).isEqualTo(before.builds());
      assertThat(stats().updates()).isEqualTo(before.updates() + 1);
      write(() -> offerRepository.setStatus(id, Status.PUBLISHED, Instant.now()));
      assertThat(find("Suchtberatung")).contains(id);
      // renamed with words the catalogue knows: found by the new name at once, still no rebuild
      write(
          () ->
              offerRepository.updateContent(
                  id,
                  offer(id).version(),
                  renamed(original.content(), "Suchtberatung für Familien"),
                  Instant.now()));
      assertThat(find("Familien Suchtberatung")).first().isEqualTo(id);
      assertThat(stats().builds()).isEqualTo(before.builds());
      assertThat(stats().updates()).isEqualTo(before.updates() + 3);
      // a new word: the splitter's dictionary has to learn it, so the index is built anew
      write(
          () ->
              offerRepository.updateContent(
                  id,
                  offer(id).version(),
                  renamed(original.content(), "Glücksspielsuchtberatung"),
                  Instant.now()));
      assertThat(find("Glücksspielsuchtberatung")).containsExactly(id);
      assertThat(stats().builds()).isEqualTo(before.builds() + 1);
      // a new category (structure): rebuilt, and the other offers are all still there
      long all =
          TenantContext.callAs(
              access, () -> catalogue.searchIds(OfferSearch.Query.all(), 0, 1).total());
      write(
          () ->
              categoryRepository.insertCategory(new CategoryRow(category, null, "Indextest", 99)));
      long after =
          TenantContext.callAs(
              access, () -> catalogue.searchIds(OfferSearch.Query.all(), 0, 1).total());
      assertThat(stats().builds()).isEqualTo(before.builds() + 2);
      assertThat(after).isEqualTo(all).isGreaterThan(50);
    } finally {
      write(() -> categoryRepository.deleteCategory(category));
      write(
          () ->
              offerRepository.updateContent(
                  id, offer(id).version(), original.content(), Instant.now()));
      write(() -> offerRepository.setStatus(id, Status.PUBLISHED, Instant.now()));
    }
    assertThat(find("Suchtberatung")).contains(id);
  }
}
