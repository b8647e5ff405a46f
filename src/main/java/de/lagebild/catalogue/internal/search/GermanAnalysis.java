package de.lagebild.catalogue.internal.search;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TermQuery;

/**
 * The German of the search: analysis (stop words, compound words split into the parts the catalogue
 * uses, umlauts and accents folded, endings cut), the words of a search as a Lucene query with one
 * or two typos forgiven, and the filters.
 */
public final class GermanAnalysis {

  private GermanAnalysis() {}

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
  public static org.apache.lucene.search.Query build(OfferSearch.Query q, Analyzer analyzer)
      throws IOException {
    return compose(q, text(q, analyzer));
  }

  /** The words of the search as one query (null without words). */
  static org.apache.lucene.search.Query text(OfferSearch.Query q, Analyzer analyzer)
      throws IOException {
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
  static org.apache.lucene.search.Query compose(
      OfferSearch.Query q, org.apache.lucene.search.Query text) {
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

  static List<String> words(String text) {
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
