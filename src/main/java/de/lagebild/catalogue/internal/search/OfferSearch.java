package de.lagebild.catalogue.internal.search;

import de.lagebild.catalogue.internal.store.CatalogueRevision;
import de.lagebild.catalogue.internal.store.CatalogueRows;
import de.lagebild.catalogue.internal.store.CatalogueRows.CategoryRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.LocationRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OrganizationRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Full-text search over the published offers of a tenant, in German: words are lower-cased, umlauts
 * normalised and endings removed (Lucene's light German stemmer), compound words are split into the
 * parts the catalogue itself uses ("Schuldnerberatung" → schuldner, beratung, so it finds
 * "Schuldner- und Insolvenzberatung"), accents are folded ("Cafe" finds "Café"), and a word that is
 * not found exactly is tried with one or two letters different (typos). Filters (age, language,
 * target group, life situation, category with its sub-categories, free of charge, area with the
 * areas around it) are exact. The index lives in memory, one per tenant; offers written since its
 * revision replace their documents, and a change of organisations, locations or categories rebuilds
 * it from the database – in the background: a search waits for that at most {@link
 * #REBUILD_WAIT_MS}, then the old index answers until the rebuilt one replaces it.
 *
 * <p>Why this class is long: the index life cycle (build, update by revision, locks per tenant) and
 * the queries on it share the index record; what goes into a document is in {@link OfferDocuments},
 * the analysis in {@link GermanAnalysis}, the facet counts in {@link FacetCounts}.
 */
public final class OfferSearch {

  /** A search: the words and the filters (null or empty: no filter). */
  public record Query(
      String text,
      Integer age,
      String language,
      String targetGroup,
      String lifeSituation,
      UUID category,
      Boolean free,
      UUID area) {
    public static Query all() {
      return new Query(null, null, null, null, null, null, null, null);
    }

    boolean hasFilter() {
      return age != null
          || language != null
          || targetGroup != null
          || lifeSituation != null
          || category != null
          || Boolean.TRUE.equals(free)
          || area != null;
    }

    /** Whether the filter of a facet ({@link #FACETS}) is set. */
    boolean filters(String facet) {
      return switch (facet) {
        case "language" -> language != null;
        case "group" -> targetGroup != null;
        case "life" -> lifeSituation != null;
        case "category" -> category != null;
        case "area" -> area != null;
        case "cost" -> Boolean.TRUE.equals(free);
        default -> false;
      };
    }

    /** The same search without the filter of one facet. */
    Query without(String facet) {
      return new Query(
          text,
          age,
          facet.equals("language") ? null : language,
          facet.equals("group") ? null : targetGroup,
          facet.equals("life") ? null : lifeSituation,
          facet.equals("category") ? null : category,
          facet.equals("cost") ? null : free,
          facet.equals("area") ? null : area);
    }
  }

  /** The filters that show counts: language, target group, life situation, category, area, cost. */
  static final List<String> FACETS =
      List.of("language", "group", "life", "category", "area", "cost");

  /**
   * How many offers each filter value would find: for each filter, the offers that match the words
   * and every other filter set (so the values of a filter already chosen still show what choosing
   * them instead would find).
   */
  public record Facets(Map<String, Map<String, Integer>> counts) {
    static final Facets NONE = new Facets(Map.of());
  }

  public record Hit(UUID offer, float score) {}

  /**
   * Hits of a search; {@code current}: the index answering was at the revisions asked for (not the
   * old index answering while a rebuild runs), so the answer may be kept as that revision's.
   */
  public record Result(List<Hit> hits, long total, Facets facets, boolean current) {}

  /**
   * A tenant's index as of one revision. The writer stays open: offers changed since are replaced
   * one by one ({@link #update}); a change of organisations, locations or categories ({@code
   * structure}) or of the words the compound splitter knows builds the index anew.
   */
  private record Index(
      long revision,
      long structure,
      IndexWriter writer,
      DirectoryReader reader,
      IndexSearcher searcher,
      Analyzer analyzer,
      CharArraySet dictionary,
      int documents) {}

  private final Map<UUID, Index> indexes = new ConcurrentHashMap<>();
  private final Map<UUID, Object> locks = new ConcurrentHashMap<>();

  /**
   * How long a search waits for a full rebuild before the old index answers (the rebuild goes on in
   * the background and replaces the index when done): small catalogues rebuild within it, so their
   * searches see every change at once; a large one never keeps a search waiting longer.
   */
  static final long REBUILD_WAIT_MS = 1_500;

  /** Full rebuilds under way, per tenant (at most one each). */
  private final Map<UUID, java.util.concurrent.CompletableFuture<Index>> rebuilding =
      new ConcurrentHashMap<>();

  private final java.util.concurrent.ExecutorService rebuilder =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "search-index-rebuild");
            t.setDaemon(true);
            return t;
          });
  private final Map<UUID, AtomicInteger> builds = new ConcurrentHashMap<>();
  private final Map<UUID, AtomicInteger> updates = new ConcurrentHashMap<>();

  /** What the index is built from, per tenant. */
  public record Source(
      List<OfferRow> offers,
      Map<UUID, OrganizationRow> organizations,
      Map<UUID, LocationRow> locations,
      Map<UUID, CategoryRow> categories,
      Function<UUID, List<UUID>> areaChain) {}

  /**
   * Where the index comes from: every published offer, or the offers (any status) written after a
   * revision.
   */
  public interface Feed {
    Source full();

    Source changedSince(long revision);
  }

  /**
   * Searches the tenant's index, first bringing it to {@code revisions}: offers written since are
   * replaced in the index, a change of organisations, locations or categories rebuilds it.
   */
  public Result search(
      UUID tenant,
      CatalogueRevision.Revisions revisions,
      Feed feed,
      Query q,
      int offset,
      int limit) {
    return search(tenant, revisions, feed, q, offset, limit, false);
  }

  /**
   * The search, and with {@code facets} the counts per filter value too: the words are analysed and
   * expanded (typos) once and the expansion is reused for every count.
   */
  public Result search(
      UUID tenant,
      CatalogueRevision.Revisions revisions,
      Feed feed,
      Query q,
      int offset,
      int limit,
      boolean facets) {
    Index index = index(tenant, revisions, feed);
    try {
      org.apache.lucene.search.Query text = GermanAnalysis.text(q, index.analyzer());
      if (text != null && facets) {
        text = index.searcher().rewrite(text);
      }
      org.apache.lucene.search.Query query = GermanAnalysis.compose(q, text);
      boolean ranked = text != null;
      TopDocs top =
          ranked
              ? index.searcher().search(query, offset + limit)
              : index
                  .searcher()
                  .search(
                      query,
                      offset + limit,
                      new Sort(new SortField("sort", SortField.Type.STRING)));
      List<Hit> hits = new ArrayList<>();
      StoredFields stored = index.searcher().storedFields();
      for (int i = offset; i < top.scoreDocs.length; i++) {
        ScoreDoc d = top.scoreDocs[i];
        hits.add(new Hit(UUID.fromString(stored.document(d.doc).get("id")), d.score));
      }
      return new Result(
          hits,
          top.totalHits.value(),
          facets ? facets(index, q, text) : Facets.NONE,
          index.revision() == revisions.content() && index.structure() == revisions.structure());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The counts per filter value for a search ({@link Facets}): one pass for the filters not set,
   * one per filter set.
   */
  public Facets facets(UUID tenant, CatalogueRevision.Revisions revisions, Feed feed, Query q) {
    return search(tenant, revisions, feed, q, 0, 1, true).facets();
  }

  private static Facets facets(Index index, Query q, org.apache.lucene.search.Query text)
      throws IOException {
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    List<String> open = new ArrayList<>();
    for (String facet : FACETS) {
      if (q.filters(facet)) {
        counts.putAll(
            FacetCounts.count(
                index.searcher(), GermanAnalysis.compose(q.without(facet), text), List.of(facet)));
      } else {
        open.add(facet);
      }
    }
    counts.putAll(FacetCounts.count(index.searcher(), GermanAnalysis.compose(q, text), open));
    return new Facets(counts);
  }

  /** The index of the tenant, built anew now (for the benchmark: the time a rebuild takes). */
  public int rebuild(UUID tenant, CatalogueRevision.Revisions revisions, Feed feed) {
    indexes.remove(tenant);
    return index(tenant, revisions, feed).documents();
  }

  /**
   * How often the tenant's index was built in full and how often brought up to date offer by offer.
   */
  public record Stats(int builds, int updates) {}

  public Stats stats(UUID tenant) {
    return new Stats(
        builds.getOrDefault(tenant, new AtomicInteger()).get(),
        updates.getOrDefault(tenant, new AtomicInteger()).get());
  }

  private Index index(UUID tenant, CatalogueRevision.Revisions revisions, Feed feed) {
    Index index = indexes.get(tenant);
    if (index != null && index.revision() == revisions.content()) {
      return index;
    }
    java.util.concurrent.CompletableFuture<Index> pending;
    synchronized (locks.computeIfAbsent(tenant, k -> new Object())) {
      index = indexes.get(tenant);
      if (index != null && index.revision() == revisions.content()) {
        return index;
      }
      Index updated =
          index != null
                  && index.structure() == revisions.structure()
                  && index.revision() < revisions.content()
              ? update(index, revisions.content(), feed)
              : null;
      if (updated != null) {
        updates.computeIfAbsent(tenant, k -> new AtomicInteger()).incrementAndGet();
        indexes.put(tenant, updated);
        return updated;
      }
      if (index == null) {
        // the first index of the tenant: nothing older could answer
        Index built = build(revisions, feed.full());
        builds.computeIfAbsent(tenant, k -> new AtomicInteger()).incrementAndGet();
        indexes.put(tenant, built);
        return built;
      }
      // a full rebuild in the background (one per tenant), as the current tenant and user
      var access = de.lagebild.platform.TenantContext.access().orElse(null);
      pending =
          rebuilding.computeIfAbsent(
              tenant,
              t ->
                  java.util.concurrent.CompletableFuture.supplyAsync(
                          () ->
                              access == null
                                  ? build(revisions, feed.full())
                                  : de.lagebild.platform.TenantContext.callAs(
                                      access, () -> build(revisions, feed.full())),
                          rebuilder)
                      .whenComplete((built, failure) -> install(t, built)));
    }
    try {
      return pending.get(REBUILD_WAIT_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      // the old index answers until the new one is ready
      return index;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return index;
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    }
  }

  /** Puts a rebuilt index in place of the old one (whose readers stay readable for searches). */
  private void install(UUID tenant, Index built) {
    synchronized (locks.computeIfAbsent(tenant, k -> new Object())) {
      rebuilding.remove(tenant);
      if (built == null) {
        return;
      }
      Index old = indexes.get(tenant);
      if (old != null && old.revision() > built.revision()) {
        // written meanwhile by an incremental update: the newer one stays; the rebuilt one goes
        close(built);
        return;
      }
      indexes.put(tenant, built);
      builds.computeIfAbsent(tenant, k -> new AtomicInteger()).incrementAndGet();
      if (old != null && old != built) {
        close(old);
      }
    }
  }

  private static void close(Index index) {
    try {
      index.writer().close(); // readers opened from it stay readable for searches still under way
    } catch (IOException | RuntimeException e) {
      // nothing to keep: the index is dropped
    }
  }

  /**
   * The offers written since the index's revision replace their documents (removed when no longer
   * published); null when one of them brings a word the compound splitter does not know yet – then
   * the index is built anew.
   */
  private static Index update(Index index, long revision, Feed feed) {
    Source changed = feed.changedSince(index.revision());
    for (OfferRow o : changed.offers()) {
      if (o.status() == CatalogueRows.Status.PUBLISHED
          && !OfferDocuments.dictionaryWords(o).stream()
              .allMatch(w -> index.dictionary().contains(w))) {
        return null;
      }
    }
    try {
      IndexWriter writer = index.writer();
      for (OfferRow o : changed.offers()) {
        Term id = new Term("id", o.id().toString());
        if (o.status() == CatalogueRows.Status.PUBLISHED) {
          writer.updateDocument(id, OfferDocuments.document(o, changed));
        } else {
          writer.deleteDocuments(id);
        }
      }
      DirectoryReader reader = DirectoryReader.openIfChanged(index.reader(), writer);
      if (reader == null) {
        reader = index.reader();
      }
      return new Index(
          revision,
          index.structure(),
          writer,
          reader,
          new IndexSearcher(reader),
          index.analyzer(),
          index.dictionary(),
          reader.numDocs());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Index build(CatalogueRevision.Revisions revisions, Source s) {
    // the dictionary of word parts: the base list and every word of four letters or more in the
    // catalogue
    CharArraySet dictionary = new CharArraySet(2048, true);
    dictionary.addAll(OfferDocuments.BASE_WORDS);
    for (OfferRow o : s.offers()) {
      dictionary.addAll(OfferDocuments.dictionaryWords(o));
    }
    s.categories()
        .values()
        .forEach(
            c ->
                GermanAnalysis.words(c.name()).stream()
                    .filter(w -> w.length() >= 4)
                    .forEach(dictionary::add));
    CharArraySet words = CharArraySet.unmodifiableSet(dictionary);
    Analyzer analyzer = GermanAnalysis.analyzer(words);
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try {
      IndexWriter writer =
          new IndexWriter(
              directory,
              new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE));
      for (OfferRow o : s.offers()) {
        writer.addDocument(OfferDocuments.document(o, s));
      }
      writer.commit();
      DirectoryReader reader = DirectoryReader.open(writer);
      return new Index(
          revisions.content(),
          revisions.structure(),
          writer,
          reader,
          new IndexSearcher(reader),
          analyzer,
          words,
          reader.numDocs());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
