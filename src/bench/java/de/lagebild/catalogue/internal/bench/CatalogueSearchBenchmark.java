package de.lagebild.catalogue.internal.bench;

import de.lagebild.catalogue.internal.offers.Catalogue;
import de.lagebild.catalogue.internal.search.OfferSearch;
import de.lagebild.catalogue.internal.search.SearchQuery;
import de.lagebild.catalogue.internal.store.CatalogueRows;
import de.lagebild.catalogue.internal.store.CatalogueRows.ContactRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.LocationRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferContent;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.ScheduleRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.Status;
import de.lagebild.catalogue.internal.store.LocationRepository;
import de.lagebild.catalogue.internal.store.OfferRepository;
import de.lagebild.catalogue.internal.store.OrganizationRepository;
import de.lagebild.identity.TenantDirectory;
import de.lagebild.platform.TenantAccess;
import de.lagebild.platform.TenantContext;
import de.lagebild.support.TestDatabase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark, not a test (not in the suite). 20,000 generated published offers (on top of the demo
 * catalogue): the public search page ({@code GET /{tenant}/angebote} with words and filters,
 * rendered HTML with 20 offers, from the real server over HTTP) against the bare search-engine call
 * (the Lucene query on the same in-memory index, ids of the first 20 hits) in the same run,
 * p50/p95; and the time to rebuild the index from the database. Run with {@code ./lagebild mvn test
 * -Dtest=CatalogueSearchBenchmark -Dlagebild.test.db=sqlite|postgres}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "lagebild.demo=true",
      "logging.file.name=target/test-logs/benchmark.log",
      "logging.level.root=warn"
    })
class CatalogueSearchBenchmark {

  static final int OFFERS = Integer.getInteger("bench.offers", 20_000);
  static final int RUNS = Integer.getInteger("bench.runs", 300);

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    TestDatabase.registerFresh(registry);
  }

  @LocalServerPort int port;
  @Autowired TenantDirectory tenants;
  @Autowired LocationRepository locationRepository;
  @Autowired OfferRepository offerRepository;
  @Autowired OrganizationRepository organizationRepository;
  @Autowired Catalogue catalogue;
  @Autowired TransactionTemplate tx;
  @Autowired DSLContext dsl;
  @Autowired de.lagebild.catalogue.internal.store.CatalogueRevision catalogueRevision;

  static final String[] TOPICS = {
    "Beratung",
    "Schuldnerberatung",
    "Suchtberatung",
    "Sprachkurs",
    "Deutschkurs",
    "Familientreff",
    "Seniorentreff",
    "Hausaufgabenhilfe",
    "Jugendclub",
    "Pflegeberatung",
    "Bewerbungstraining",
    "Mittagstisch",
    "Kleiderkammer",
    "Elterncafé",
    "Krabbelgruppe",
    "Lernpaten",
    "Selbsthilfegruppe",
    "Erziehungsberatung",
    "Nachbarschaftshilfe",
    "Besuchsdienst",
    "Frauentreff",
    "Sozialberatung",
    "Rentenberatung",
    "Ferienbetreuung",
    "Computerkurs",
    "Tanzgruppe",
    "Repair-Café",
    "Kochkurs",
    "Demenz-Café",
    "Fahrdienst"
  };
  static final String[] PLACES = {
    "Nordhausen",
    "Ellrich",
    "Bleicherode",
    "Heringen",
    "Sollstedt",
    "Ilfeld",
    "Werther",
    "Urbach",
    "Großlohra",
    "Niedergebra"
  };
  static final String[] WORDS = {
    "für",
    "Familien",
    "Kinder",
    "Jugendliche",
    "Seniorinnen",
    "Senioren",
    "Eltern",
    "Alleinerziehende",
    "Menschen",
    "mit",
    "Migrationsgeschichte",
    "Behinderung",
    "kostenlos",
    "offen",
    "Beratung",
    "Begleitung",
    "Unterstützung",
    "im",
    "Alltag",
    "Treffpunkt",
    "Austausch",
    "Anträge",
    "Hilfe",
    "Gruppe",
    "wöchentlich",
    "Anmeldung",
    "Sprechstunde",
    "Termin",
    "vertraulich",
    "ehrenamtlich",
    "Angebot",
    "Stadtteil"
  };

  @Test
  void searchRequestsAgainstTheBareIndexQuery() throws Exception {
    TenantAccess access = tenants.systemAccess("nordhausen").orElseThrow();
    Random random = new Random(42);
    long t0 = System.nanoTime();
    TenantContext.runAs(
        access,
        () ->
            tx.executeWithoutResult(
                s -> {
                  List<UUID> categories = new ArrayList<>(catalogue.categoryMap().keySet());
                  UUID org = organizationRepository.organizations().get(0).id();
                  List<UUID> locations = new ArrayList<>();
                  for (int i = 0; i < 200; i++) {
                    UUID id = UUID.randomUUID();
                    locationRepository.insertLocation(
                        new LocationRow(
                            id,
                            org,
                            "Standort " + i,
                            "Straße " + i,
                            "99734",
                            PLACES[i % PLACES.length],
                            BigDecimal.valueOf(51.40 + random.nextDouble() * 0.2)
                                .setScale(6, RoundingMode.HALF_UP),
                            BigDecimal.valueOf(10.5 + random.nextDouble() * 0.5)
                                .setScale(6, RoundingMode.HALF_UP),
                            null,
                            null,
                            0));
                    locations.add(id);
                  }
                  Instant now = Instant.now();
                  for (int i = 0; i < OFFERS; i++) {
                    String topic = TOPICS[random.nextInt(TOPICS.length)];
                    StringBuilder d = new StringBuilder();
                    for (int w = 0; w < 30; w++) {
                      d.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                    }
                    int from = random.nextInt(4) == 0 ? 0 : random.nextInt(70);
                    int to = Math.min(99, from + 5 + random.nextInt(60));
                    List<String> languages = new ArrayList<>(List.of("de"));
                    if (random.nextInt(3) == 0) {
                      languages.add(
                          CatalogueRows.LANGUAGES.get(
                              1 + random.nextInt(CatalogueRows.LANGUAGES.size() - 1)));
                    }
                    OfferContent c =
                        new OfferContent(
                            topic + " " + PLACES[i % PLACES.length] + " " + i,
                            "<p>" + d + "</p>",
                            random.nextInt(3) == 0 ? "FEE" : "FREE",
                            null,
                            from,
                            to,
                            languages,
                            List.of(
                                CatalogueRows.TARGET_GROUPS.get(
                                    random.nextInt(CatalogueRows.TARGET_GROUPS.size()))),
                            List.of(
                                CatalogueRows.LIFE_SITUATIONS.get(
                                    random.nextInt(CatalogueRows.LIFE_SITUATIONS.size()))),
                            null,
                            null,
                            null,
                            null,
                            List.of(categories.get(random.nextInt(categories.size()))),
                            List.of(locations.get(random.nextInt(locations.size()))),
                            List.of(new ScheduleRow(1 + random.nextInt(5), "09:00", "12:00", null)),
                            List.<ContactRow>of());
                    offerRepository.insertOffer(
                        new OfferRow(
                            UUID.randomUUID(),
                            org,
                            Status.PUBLISHED,
                            false,
                            now,
                            "Benchmark",
                            now,
                            0,
                            c),
                        now);
                  }
                }));
    long generated = System.nanoTime() - t0;
    if (TestDatabase.KIND.equals("postgres")) {
      // statistics as autovacuum would have gathered them after such a load (before, the planner
      // thinks the
      // tables are empty and scans the tenant's rows instead of using the primary key)
      dsl.execute("analyze");
    }
    long[] rebuild = new long[3];
    int documents = 0;
    for (int i = 0; i < rebuild.length; i++) {
      long r0 = System.nanoTime();
      documents = TenantContext.callAs(access, () -> catalogue.rebuildIndex());
      rebuild[i] = System.nanoTime() - r0;
    }
    Arrays.sort(rebuild);
    // one offer written (confirmed as current), then the next search: the index replaces that offer
    // only
    List<UUID> some =
        TenantContext.callAs(
                access, () -> catalogue.searchIds(OfferSearch.Query.all(), 0, 40).hits())
            .stream()
            .map(OfferSearch.Hit::offer)
            .toList();
    long[] update = new long[some.size()];
    OfferSearch.Stats before = TenantContext.callAs(access, () -> catalogue.indexStats());
    for (int i = 0; i < some.size(); i++) {
      UUID id = some.get(i);
      TenantContext.runAs(
          access,
          () ->
              tx.executeWithoutResult(
                  s -> offerRepository.setVerified(id, Instant.now(), "Benchmark")));
      long u0 = System.nanoTime();
      TenantContext.callAs(access, () -> catalogue.searchIds(OfferSearch.Query.all(), 0, 20));
      update[i] = System.nanoTime() - u0;
    }
    Arrays.sort(update);
    OfferSearch.Stats after = TenantContext.callAs(access, () -> catalogue.indexStats());
    if (after.builds() != before.builds()) {
      throw new AssertionError("an offer write rebuilt the index: " + before + " -> " + after);
    }
    // a change of the structure (organisations, locations, categories) rebuilds the index in the
    // background: the next search waits at most the rebuild wait, then the old index answers
    TenantContext.runAs(
        access, () -> tx.executeWithoutResult(s -> catalogueRevision.structureChanged()));
    long s0 = System.nanoTime();
    long duringHits =
        TenantContext.callAs(access, () -> catalogue.searchIds(OfferSearch.Query.all(), 0, 20))
            .total();
    long during = System.nanoTime() - s0;
    boolean rebuiltInTime =
        TenantContext.callAs(access, () -> catalogue.indexStats()).builds() > after.builds();
    long waited = 0;
    while (TenantContext.callAs(access, () -> catalogue.indexStats()).builds() == after.builds()
        && waited < 60_000) {
      Thread.sleep(100);
      waited += 100;
    }
    long s1 = System.nanoTime();
    TenantContext.callAs(access, () -> catalogue.searchIds(OfferSearch.Query.all(), 0, 20));
    long afterRebuild = System.nanoTime() - s1;
    System.out.printf(
        "%nBENCH structure change: next search %.0f ms (%d hits, %s), rebuild done after %.1f s,"
            + " then a search %.1f ms%n",
        during / 1e6,
        duringHits,
        rebuiltInTime ? "the rebuilt index within the wait" : "the old index, the rebuild going on",
        (during / 1e6 + waited) / 1e3,
        afterRebuild / 1e6);
    // the searches: words and filters as citizens combine them
    String[][] searches = {
      {"Schuldnerberatung", null, null, null},
      {"Beratung", "16", "ar", "true"},
      {"Sprachkurse", null, "uk", null},
      {"Seniorentreff", "70", null, null},
      {"Hausaufgabenhilfe", "9", null, "true"},
      {"Kinderbetreung", null, null, null},
      {"Familie", "3", null, null},
      {null, "12", "ar", "true"},
      {"Treff Nordhausen", null, null, null},
      {"Pflege", "80", null, null}
    };
    List<URI> requests = new ArrayList<>();
    List<OfferSearch.Query> queries = new ArrayList<>();
    for (String[] s : searches) {
      StringBuilder q = new StringBuilder("http://localhost:" + port + "/nordhausen/angebote?");
      if (s[0] != null) {
        q.append("q=").append(URLEncoder.encode(s[0], StandardCharsets.UTF_8)).append('&');
      }
      if (s[1] != null) {
        q.append("alter=").append(s[1]).append('&');
      }
      if (s[2] != null) {
        q.append("sprache=").append(s[2]).append('&');
      }
      if (s[3] != null) {
        q.append("kostenlos=true");
      }
      requests.add(URI.create(q.toString()));
      queries.add(SearchQuery.of(s[0], s[1], s[2], null, null, null, s[3] != null, null));
    }
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long total = 0;
    for (int i = 0; i < 50; i++) {
      get(http, requests.get(i % requests.size()));
      int n = i;
      TenantContext.runAs(
          access, () -> catalogue.searchIds(queries.get(n % queries.size()), 0, 20));
    }
    long[] page = new long[RUNS];
    long[] bare = new long[RUNS];
    long[] facets = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      page[i] = get(http, requests.get(i % requests.size()));
      int n = i;
      long b0 = System.nanoTime();
      OfferSearch.Result r =
          TenantContext.callAs(
              access, () -> catalogue.searchIds(queries.get(n % queries.size()), 0, 20));
      bare[i] = System.nanoTime() - b0;
      total += r.total();
      long f0 = System.nanoTime();
      TenantContext.callAs(access, () -> catalogue.facets(queries.get(n % queries.size())));
      facets[i] = System.nanoTime() - f0;
    }
    Arrays.sort(page);
    Arrays.sort(bare);
    Arrays.sort(facets);
    double p50a = page[RUNS / 2] / 1e6;
    double p95a = page[(int) (RUNS * 0.95)] / 1e6;
    double p50b = bare[RUNS / 2] / 1e6;
    double p95b = bare[(int) (RUNS * 0.95)] / 1e6;
    System.out.printf(
        "%nCATALOGUE SEARCH BENCHMARK (%s, %d offers indexed, %d runs over %d searches, warm)%n",
        TestDatabase.KIND, documents, RUNS, requests.size());
    System.out.printf(
        "  generating the offers: %.1f s; index rebuild from the database: median %.0f ms (min %.0f, "
            + "max %.0f)%n",
        generated / 1e9, rebuild[1] / 1e6, rebuild[0] / 1e6, rebuild[2] / 1e6);
    System.out.printf(
        "  one offer written, next search incl. the index update: p50 %.2f ms, max %.2f ms "
            + "(%d writes; %.0f× faster than the rebuild at p50)%n",
        update[update.length / 2] / 1e6,
        update[update.length - 1] / 1e6,
        update.length,
        (double) rebuild[1] / update[update.length / 2]);
    System.out.printf("  search page (HTTP, HTML):  p50 %.2f ms  p95 %.2f ms%n", p50a, p95a);
    System.out.printf(
        "  bare Lucene query (ids):   p50 %.2f ms  p95 %.2f ms  (%d hits in all)%n",
        p50b, p95b, total);
    System.out.printf("  ratio p50 %.2f  p95 %.2f%n", p50a / p50b, p95a / p95b);
    System.out.printf(
        "  filter counts alone (part of the page): p50 %.2f ms  p95 %.2f ms%n%n",
        facets[RUNS / 2] / 1e6, facets[(int) (RUNS * 0.95)] / 1e6);
  }

  static long get(HttpClient http, URI uri) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<byte[]> response =
        http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new AssertionError(uri + " -> " + response.statusCode());
    }
    return System.nanoTime() - t0;
  }
}
