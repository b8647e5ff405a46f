package de.lagebild.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.IntegrationTest;
import de.lagebild.support.Logins;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public search page from the page cache (issue 19, target 4): a visitor without login gets the
 * page rendered once per address, catalogue revision and day, gzip-compressed as kept; a write to
 * the catalogue shows at once; logged-in users are never served from or into the cache.
 */
@IntegrationTest
class PublicPagesIntegrationTests extends DatabaseProperties {

  @Autowired MockMvc mvc;
  @Autowired CacheManager caches;
  @Autowired DSLContext dsl;
  @Autowired UserDetailsService userDetails;

  private com.github.benmanes.caffeine.cache.Cache<Object, Object> cache() {
    return ((CaffeineCache) caches.getCache("public-pages")).getNativeCache();
  }

  @Test
  void visitorsGetTheKeptPageUntilTheCatalogueChanges() throws Exception {
    String address = "/nordhausen/angebote?q=Beratung&seite=1";
    var first = mvc.perform(get(address)).andExpect(status().isOk()).andReturn().getResponse();
    String html = first.getContentAsString(StandardCharsets.UTF_8);
    assertThat(html).contains("<h3><a href=\"/nordhausen/angebote/").doesNotContain("_csrf");
    long hits = cache().stats().hitCount();
    var second = mvc.perform(get(address)).andExpect(status().isOk()).andReturn().getResponse();
    assertThat(second.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(html);
    assertThat(cache().stats().hitCount()).isEqualTo(hits + 1);

    // gzip as kept, with its own ETag; the ETag gives a 304
    var zipped =
        mvc.perform(get(address).header("Accept-Encoding", "gzip"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse();
    assertThat(zipped.getHeader("Content-Encoding")).isEqualTo("gzip");
    try (var in = new GZIPInputStream(new ByteArrayInputStream(zipped.getContentAsByteArray()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(html);
    }
    String etag = zipped.getHeader("ETag");
    mvc.perform(get(address).header("Accept-Encoding", "gzip").header("If-None-Match", etag))
        .andExpect(status().isNotModified());

    // a write to the catalogue (here: an offer renamed, the revision raised as every write does)
    String firstOffer = firstOfferName(html);
    String renamed = "Umbenannte Beratung " + System.nanoTime();
    dsl.execute(
        "update offer set name = ? where name = ? and tenant_id = (select id from tenant where"
            + " slug = 'nordhausen')",
        renamed,
        firstOffer);
    dsl.execute(
        "update catalogue_revision set revision = revision + 1 where tenant_id = (select id from"
            + " tenant where slug = 'nordhausen')");
    String after =
        mvc.perform(get(address))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(after).contains(renamed).doesNotContain(">" + firstOffer + "<");
  }

  @Test
  void loggedInUsersAreNeverServedFromTheCache() throws Exception {
    String address = "/nordhausen/angebote?q=Familie";
    mvc.perform(get(address)).andExpect(status().isOk());
    long size = cache().estimatedSize();
    String html =
        mvc.perform(get(address).with(new Logins(userDetails).as("koordination")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    // the page of the logged-in user: rendered for them (their name, the token for their forms)
    assertThat(html).contains("name=\"_csrf\"").contains("Mein Konto");
    assertThat(cache().estimatedSize()).isEqualTo(size);
    // and the visitor's page still holds nothing of that user
    assertThat(
            mvc.perform(get(address))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
        .doesNotContain("_csrf")
        .doesNotContain("Mein Konto");
  }

  @Test
  void publicAtlasPagesAreKeptUntilTheAtlasChanges() throws Exception {
    String kreis =
        String.valueOf(
            dsl.fetchValue(
                "select a.id from area a join tenant t on t.id = a.tenant_id where t.slug ="
                    + " 'nordhausen' and a.official_key = '16062'"));
    String address = "/nordhausen/oeffentlich/atlas/gebiete/" + kreis;
    java.util.concurrent.Callable<String> page =
        () ->
            mvc.perform(get(address))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    String first = page.call();
    long hits = cache().stats().hitCount();
    assertThat(page.call()).isEqualTo(first);
    assertThat(cache().stats().hitCount()).isEqualTo(hits + 1);
    // a public indicator renamed and the atlas revision raised, as every write does: the page shows
    // it within the second in which the revision is re-read
    Object[] indicator =
        dsl.fetchOne(
                "select i.id, i.name from indicator i join tenant t on t.id = i.tenant_id where"
                    + " t.slug = 'nordhausen' and i.public_visible = true order by i.position"
                    + " limit 1")
            .intoArray();
    assertThat(first).contains(String.valueOf(indicator[1]));
    String renamed = "Umbenannter Indikator " + System.nanoTime();
    dsl.execute("update indicator set name = ? where id = ?", renamed, indicator[0]);
    dsl.execute(
        "update atlas_revision set revision = revision + 1 where tenant_id = (select id from tenant"
            + " where slug = 'nordhausen')");
    try {
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(5))
          .until(() -> page.call().contains(renamed));
    } finally {
      dsl.execute("update indicator set name = ? where id = ?", indicator[1], indicator[0]);
      dsl.execute(
          "update atlas_revision set revision = revision + 1 where tenant_id = (select id from"
              + " tenant where slug = 'nordhausen')");
    }
  }

  private static String firstOfferName(String html) {
    var m =
        java.util.regex.Pattern.compile(
                "<h3><a href=\"/nordhausen/angebote/[0-9a-f-]+\">([^<]+)</a>")
            .matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
