package de.lagebild.catalogue.internal.search;

import de.lagebild.catalogue.internal.store.CatalogueRows;
import de.lagebild.catalogue.internal.store.CatalogueRows.CategoryRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.LocationRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OfferRow;
import de.lagebild.catalogue.internal.store.CatalogueRows.OrganizationRow;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/**
 * What the search index holds of an offer: one Lucene document with the searchable text (name,
 * description, provider, categories with their parents, places), exact filter fields and the facet
 * values; and the word parts the compound splitter knows (a base list and the catalogue's own
 * words).
 */
final class OfferDocuments {

  private OfferDocuments() {}

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

  static List<String> dictionaryWords(OfferRow o) {
    return GermanAnalysis.words(
            o.content().name() + " " + GermanAnalysis.plain(o.content().description()))
        .stream()
        .filter(w -> w.length() >= 4)
        .toList();
  }

  static Document document(OfferRow o, OfferSearch.Source s) {
    Document d = new Document();
    CatalogueRows.OfferContent c = o.content();
    d.add(new StringField("id", o.id().toString(), Field.Store.YES));
    d.add(new SortedDocValuesField("sort", new BytesRef(c.name().toLowerCase(Locale.GERMAN))));
    d.add(new TextField("name", c.name(), Field.Store.NO));
    StringBuilder text =
        new StringBuilder(c.name()).append(' ').append(GermanAnalysis.plain(c.description()));
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
}
