package de.lagebild.catalogue.internal.search;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * How many offers each value of a filter would find (drill-sideways counts from sorted-set doc
 * values), so that every option of the public search shows its count.
 */
final class FacetCounts {

  private FacetCounts() {}

  static Map<String, Map<String, Integer>> count(
      IndexSearcher searcher, org.apache.lucene.search.Query query, List<String> facets)
      throws IOException {
    return searcher.search(
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
  static final class FacetCounter extends SimpleCollector {
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
}
