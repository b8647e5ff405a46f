package de.lagebild.catalogue.internal.search;

import de.lagebild.catalogue.internal.store.CatalogueRevision;
import de.lagebild.catalogue.internal.store.CatalogueRows;
import de.lagebild.catalogue.internal.store.CatalogueRows.CategoryRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.LocationRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OrganizationRow;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Full-text search over the published offers of a tenant, in German: words are lower-cased, umlauts
 * normalised and endings removed (Lucene's light German stemmer), compound words are split into the
 * parts the catalogue itself uses ("Schuldnerberatung" → schuldner, beratung, so it finds
 * "Schuldner- und Insolvenzberatung"), accents are folded ("Cafe" finds "Café"), and a word that is
 * not found exactly is tried with one or two letters different (typos). Filters (age, language,
 * target group, life situation, category with its sub-categories, free of charge, area with the
 * areas around it) are exact. The index lives in memory, one per tenant; offers written since its
 * revision replace their documents, and a change of organisations, locations or categories rebuilds
 * it from the database.
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

  public record Result(List<Hit> hits, long total, Facets facets) {}

  /** Parts of compound words that every catalogue knows, beside the words of its own offers. */
  static final List<String> BASE_WORDS =
      List.of(
          "beratung",
          "berater",
          "hilfe",
          "hilfen",
          "dienst",
          "stelle",
          "zentrum",
          "treff",
          "treffpunkt",
          "gruppe",
          "kurs",
          "kurse",
          "angebot",
          "schuldner",
          "schulden",
          "insolvenz",
          "sucht",
          "drogen",
          "alkohol",
          "erziehung",
          "familie",
          "familien",
          "eltern",
          "mutter",
          "vater",
          "kinder",
          "kind",
          "jugend",
          "jugendliche",
          "senioren",
          "alter",
          "pflege",
          "betreuung",
          "sprache",
          "sprach",
          "deutsch",
          "integration",
          "migration",
          "flucht",
          "arbeit",
          "beruf",
          "ausbildung",
          "bewerbung",
          "wohnen",
          "wohnung",
          "miete",
          "schwanger",
          "schwangerschaft",
          "konflikt",
          "gewalt",
          "schutz",
          "frauen",
          "männer",
          "lebensmittel",
          "tafel",
          "kleider",
          "kammer",
          "begegnung",
          "cafe",
          "café",
          "freizeit",
          "sport",
          "musik",
          "spiel",
          "lern",
          "hausaufgaben",
          "schule",
          "kita",
          "krippe",
          "gesundheit",
          "psycho",
          "sozial",
          "recht",
          "rechts",
          "rente",
          "behinderung",
          "teilhabe",
          "nachbarschaft",
          "ehrenamt",
          "besuch",
          "fahr",
          "mobil",
          "mobile",
          "notruf",
          "trauer",
          "selbsthilfe",
          "bildung",
          "medien",
          "computer",
          "internet",
          "garten",
          "küche",
          "koch",
          "nähen",
          "tanz",
          "chor",
          "wander",
          "mittag",
          "tisch",
          "frühstück");

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
      org.apache.lucene.search.Query text = text(q, index.analyzer());
      if (text != null && facets) {
        text = index.searcher().rewrite(text);
      }
      org.apache.lucene.search.Query query = compose(q, text);
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
      return new Result(hits, top.totalHits.value(), facets ? facets(index, q, text) : Facets.NONE);
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
        counts.putAll(count(index, compose(q.without(facet), text), List.of(facet)));
      } else {
        open.add(facet);
      }
    }
    counts.putAll(count(index, compose(q, text), open));
    return new Facets(counts);
  }

  private static Map<String, Map<String, Integer>> count(
      Index index, org.apache.lucene.search.Query query, List<String> facets) throws IOException {
    return index
        .searcher()
        .search(
            query,
            new CollectorManager<FacetCounter, Map<String, Map<String, Integer>>>() {
              @Override
              public FacetCounter newCollector() {
                return new FacetCounter(facets);
              }

              @Override
              public Map<String, Map<String, Integer>> reduce(Collection<FacetCounter> collectors)
                  throws IOException {
                Map<String, Map<String, Integer>> all = new HashMap<>();
                for (FacetCounter c : collectors) {
                  c.flush();
                  c.counts.forEach(
                      (facet, values) ->
                          values.forEach(
                              (value, n) ->
                                  all.computeIfAbsent(facet, k -> new HashMap<>())
                                      .merge(value, n, Integer::sum)));
                }
                return all;
              }
            });
  }

  /**
   * Counts the values of facet fields (sorted-set doc values) of the documents a query matches,
   * segment by segment.
   */
  private static final class FacetCounter extends SimpleCollector {
    final List<String> facets;
    final Map<String, Map<String, Integer>> counts = new HashMap<>();
    final SortedSetDocValues[] values;
    final int[][] segment;

    FacetCounter(List<String> facets) {
      this.facets = facets;
      this.values = new SortedSetDocValues[facets.size()];
      this.segment = new int[facets.size()][];
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      flush();
      for (int i = 0; i < facets.size(); i++) {
        values[i] = DocValues.getSortedSet(context.reader(), "f_" + facets.get(i));
        segment[i] = new int[(int) values[i].getValueCount()];
      }
    }

    @Override
    public void collect(int doc) throws IOException {
      for (int i = 0; i < values.length; i++) {
        if (values[i].advanceExact(doc)) {
          for (int k = values[i].docValueCount(); k > 0; k--) {
            segment[i][(int) values[i].nextOrd()]++;
          }
        }
      }
    }

    void flush() throws IOException {
      for (int i = 0; i < facets.size(); i++) {
        if (segment[i] == null) {
          continue;
        }
        Map<String, Integer> facet = counts.computeIfAbsent(facets.get(i), k -> new HashMap<>());
        for (int ord = 0; ord < segment[i].length; ord++) {
          if (segment[i][ord] > 0) {
            facet.merge(values[i].lookupOrd(ord).utf8ToString(), segment[i][ord], Integer::sum);
          }
        }
        segment[i] = null;
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
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
      } else {
        updated = build(revisions, feed.full());
        if (index != null) {
          try {
            index
                .writer()
                .close(); // readers opened from it stay readable for searches still under way
          } catch (IOException | RuntimeException e) {
            // nothing to keep: the old index is dropped
          }
        }
        builds.computeIfAbsent(tenant, k -> new AtomicInteger()).incrementAndGet();
      }
      indexes.put(tenant, updated);
      return updated;
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
          && !dictionaryWords(o).stream().allMatch(w -> index.dictionary().contains(w))) {
        return null;
      }
    }
    try {
      IndexWriter writer = index.writer();
      for (OfferRow o : changed.offers()) {
        Term id = new Term("id", o.id().toString());
        if (o.status() == CatalogueRows.Status.PUBLISHED) {
          writer.updateDocument(id, document(o, changed));
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

  private static List<String> dictionaryWords(OfferRow o) {
    return words(o.content().name() + " " + plain(o.content().description())).stream()
        .filter(w -> w.length() >= 4)
        .toList();
  }

  private static Index build(CatalogueRevision.Revisions revisions, Source s) {
    // the dictionary of word parts: the base list and every word of four letters or more in the
    // catalogue
    CharArraySet dictionary = new CharArraySet(2048, true);
    dictionary.addAll(BASE_WORDS);
    for (OfferRow o : s.offers()) {
      dictionary.addAll(dictionaryWords(o));
    }
    s.categories()
        .values()
        .forEach(
            c -> words(c.name()).stream().filter(w -> w.length() >= 4).forEach(dictionary::add));
    CharArraySet words = CharArraySet.unmodifiableSet(dictionary);
    Analyzer analyzer = analyzer(words);
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try {
      IndexWriter writer =
          new IndexWriter(
              directory,
              new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE));
      for (OfferRow o : s.offers()) {
        writer.addDocument(document(o, s));
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

  private static Document document(OfferRow o, Source s) {
    Document d = new Document();
    CatalogueRows.OfferContent c = o.content();
    d.add(new StringField("id", o.id().toString(), Field.Store.YES));
    d.add(new SortedDocValuesField("sort", new BytesRef(c.name().toLowerCase(Locale.GERMAN))));
    d.add(new TextField("name", c.name(), Field.Store.NO));
    StringBuilder text = new StringBuilder(c.name()).append(' ').append(plain(c.description()));
    OrganizationRow org = s.organizations().get(o.organizationId());
    if (org != null) {
      text.append(' ').append(org.name());
    }
    Set<UUID> categories = new LinkedHashSet<>();
    for (UUID id : c.categories()) {
      CategoryRow cat = s.categories().get(id);
      while (cat != null && categories.add(cat.id())) {
        text.append(' ').append(cat.name());
        cat = cat.parentId() == null ? null : s.categories().get(cat.parentId());
      }
    }
    categories.forEach(id -> d.add(new StringField("category", id.toString(), Field.Store.NO)));
    categories.forEach(id -> facet(d, "category", id.toString()));
    Set<UUID> areas = new LinkedHashSet<>();
    for (UUID id : c.locations()) {
      LocationRow l = s.locations().get(id);
      if (l != null) {
        text.append(' ').append(l.city() == null ? "" : l.city()).append(' ').append(l.name());
        if (l.areaId() != null) {
          areas.addAll(s.areaChain().apply(l.areaId()));
        }
      }
    }
    areas.forEach(id -> d.add(new StringField("area", id.toString(), Field.Store.NO)));
    areas.forEach(id -> facet(d, "area", id.toString()));
    c.languages().forEach(v -> d.add(new StringField("language", v, Field.Store.NO)));
    c.languages().forEach(v -> facet(d, "language", v));
    c.targetGroups().forEach(v -> d.add(new StringField("group", v, Field.Store.NO)));
    c.targetGroups().forEach(v -> facet(d, "group", v));
    c.lifeSituations().forEach(v -> d.add(new StringField("life", v, Field.Store.NO)));
    c.lifeSituations().forEach(v -> facet(d, "life", v));
    d.add(new StringField("cost", c.cost(), Field.Store.NO));
    facet(d, "cost", c.cost());
    d.add(new IntPoint("age_from", c.ageFrom() == null ? 0 : c.ageFrom()));
    d.add(new IntPoint("age_to", c.ageTo() == null ? 120 : c.ageTo()));
    d.add(new TextField("text", text.toString(), Field.Store.NO));
    d.add(new StoredField("organization", o.organizationId().toString()));
    return d;
  }

  private static void facet(Document d, String facet, String value) {
    d.add(new SortedSetDocValuesField("f_" + facet, new BytesRef(value)));
  }

  /**
   * German analysis: tokens, lower case, stop words out, compound parts added, umlauts folded,
   * endings cut.
   */
  public static Analyzer analyzer(CharArraySet dictionary) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream s = new LowerCaseFilter(source);
        s = new StopFilter(s, GermanAnalyzer.getDefaultStopSet());
        s = new DictionaryCompoundWordTokenFilter(s, dictionary, 6, 4, 20, false);
        s = new GermanNormalizationFilter(s);
        s = new ASCIIFoldingFilter(s);
        s = new GermanLightStemFilter(s);
        return new TokenStreamComponents(source, s);
      }
    };
  }

  /** The whole query of a search (words and filters). */
  public static org.apache.lucene.search.Query build(Query q, Analyzer analyzer)
      throws IOException {
    return compose(q, text(q, analyzer));
  }

  /** The words of the search as one query (null without words). */
  static org.apache.lucene.search.Query text(Query q, Analyzer analyzer) throws IOException {
    if (q.text() == null || q.text().isBlank()) {
      return null;
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    boolean any = false;
    for (List<String> word : analyse(analyzer, q.text())) {
      String whole = word.get(0);
      BooleanQuery.Builder alternatives = new BooleanQuery.Builder();
      alternatives.add(new BoostQuery(new TermQuery(new Term("name", whole)), 4f), Occur.SHOULD);
      alternatives.add(new BoostQuery(new TermQuery(new Term("text", whole)), 2f), Occur.SHOULD);
      if (whole.length() >= 4) {
        int edits = whole.length() >= 8 ? 2 : 1;
        alternatives.add(
            new BoostQuery(new FuzzyQuery(new Term("text", whole), edits, 1), 0.8f), Occur.SHOULD);
      }
      // compound parts count when there are two or more, or when the one part found covers most of
      // the word
      // ("schuldnerbratung": schuldner) – not when a short part would match far too much
      // ("kinderbetreung": kinder)
      int covered = word.subList(1, word.size()).stream().mapToInt(String::length).sum();
      if (word.size() > 2 || (word.size() == 2 && covered * 100 >= whole.length() * 55)) {
        BooleanQuery.Builder parts = new BooleanQuery.Builder();
        for (String part : word.subList(1, word.size())) {
          parts.add(new TermQuery(new Term("text", part)), Occur.MUST);
        }
        alternatives.add(new BoostQuery(parts.build(), 1.5f), Occur.SHOULD);
      }
      all.add(alternatives.build(), Occur.MUST);
      any = true;
    }
    return any ? all.build() : null; // only stop words: as if no words were given
  }

  /**
   * The query: every word of the text must match (by itself, its stem, its compound parts or – for
   * words of four letters and more – a spelling one or two letters apart); the name weighs more
   * than the rest; filters are exact.
   */
  static org.apache.lucene.search.Query compose(Query q, org.apache.lucene.search.Query text) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    boolean any = false;
    if (text != null) {
      all.add(text, Occur.MUST);
      any = true;
    }
    if (q.age() != null) {
      all.add(IntPoint.newRangeQuery("age_from", Integer.MIN_VALUE, q.age()), Occur.FILTER);
      all.add(IntPoint.newRangeQuery("age_to", q.age(), Integer.MAX_VALUE), Occur.FILTER);
      any = true;
    }
    any |= filter(all, "language", q.language());
    any |= filter(all, "group", q.targetGroup());
    any |= filter(all, "life", q.lifeSituation());
    any |= filter(all, "category", q.category() == null ? null : q.category().toString());
    any |= filter(all, "area", q.area() == null ? null : q.area().toString());
    if (Boolean.TRUE.equals(q.free())) {
      any |= filter(all, "cost", "FREE");
    }
    if (!any) {
      return new MatchAllDocsQuery();
    }
    if (text == null) {
      all.add(new MatchAllDocsQuery(), Occur.MUST);
    }
    return all.build();
  }

  private static boolean filter(BooleanQuery.Builder all, String field, String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    all.add(new TermQuery(new Term(field, value)), Occur.FILTER);
    return true;
  }

  /** The analysed words of a query: each with its compound parts after it. */
  public static List<List<String>> analyse(Analyzer analyzer, String text) throws IOException {
    List<List<String>> words = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", new StringReader(text))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (inc.getPositionIncrement() == 0 && !words.isEmpty()) {
          List<String> last = words.get(words.size() - 1);
          if (!last.contains(term.toString())) {
            last.add(term.toString());
          }
        } else {
          List<String> w = new ArrayList<>();
          w.add(term.toString());
          words.add(w);
        }
      }
      ts.end();
    }
    return words;
  }

  private static List<String> words(String text) {
    List<String> result = new ArrayList<>();
    for (String w : text.toLowerCase(Locale.GERMAN).split("[^\\p{L}]+")) {
      if (!w.isEmpty()) {
        result.add(w);
      }
    }
    return result;
  }

  public static String plain(String html) {
    return html == null
        ? ""
        : html.replaceAll("<[^>]+>", " ").replace("&amp;", "&").replace("&nbsp;", " ");
  }
}
