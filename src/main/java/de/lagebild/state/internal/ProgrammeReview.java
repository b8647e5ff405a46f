package de.lagebild.state.internal;

import de.lagebild.identity.TenantDirectory;
import de.lagebild.platform.LocalCalendar;
import de.lagebild.platform.TenantContext;
import de.lagebild.strategy.PlanningFunding;
import de.lagebild.strategy.StrategyStandings;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The programme review of a Land, like seed 004: a summary over the member districts and per
 * district its profile from the Land's atlas (each figure against the Land value), its strategy's
 * fields of action with the status mix, the reporting round and the funding of its planning – each
 * district item only as far as the district shares it. Written as tagged PDF and as DOCX.
 */
@Service
class ProgrammeReview {

  /** One figure of a district's profile: indicator, period, value, Land value, verdict. */
  record Figure(
      String indicator, String unit, String period, String value, String land, String verdict) {}

  record Section(
      DistrictOverview.Row row, String kreisName, List<Figure> profile, boolean profileFound) {}

  record Review(
      String land,
      LocalDate today,
      int members,
      int decided,
      int sharingStrategies,
      BigDecimal fundingTotal,
      int sharingFunding,
      List<Section> sections) {}

  private final DistrictOverview overview;
  private final DistrictComparison comparison;
  private final TenantDirectory tenants;
  private final MessageSource messages;
  private final Clock clock;

  ProgrammeReview(
      DistrictOverview overview,
      DistrictComparison comparison,
      TenantDirectory tenants,
      MessageSource messages,
      Clock clock) {
    this.overview = overview;
    this.comparison = comparison;
    this.tenants = tenants;
    this.messages = messages;
    this.clock = clock;
  }

  Review build() {
    List<DistrictOverview.Row> rows = overview.rows();
    List<DistrictComparison.Row> figures = comparison.compare(comparison.indicators(), null);
    List<DistrictComparison.Kreis> kreise = comparison.kreise();
    List<Section> sections = new ArrayList<>();
    int decided = 0;
    int sharingStrategies = 0;
    int sharingFunding = 0;
    BigDecimal funding = BigDecimal.ZERO;
    for (DistrictOverview.Row r : rows) {
      if (r.strategies() >= 0) {
        sharingStrategies++;
      }
      if (r.category() == DistrictOverview.Category.DECIDED) {
        decided++;
      }
      if (r.funding() != null) {
        sharingFunding++;
        funding = funding.add(r.fundingTotal());
      }
      String key = r.district().officialKey();
      DistrictComparison.Kreis kreis =
          kreise.stream().filter(k -> k.key().equals(key)).findFirst().orElse(null);
      List<Figure> profile = kreis == null ? List.of() : figuresOf(figures, kreis);
      sections.add(
          new Section(
              r, kreis == null ? r.district().name() : kreis.name(), profile, kreis != null));
    }
    String land =
        tenants.find(TenantContext.access().orElseThrow().slug()).map(t -> t.name()).orElse("");
    return new Review(
        land,
        LocalCalendar.today(clock),
        rows.size(),
        decided,
        sharingStrategies,
        funding,
        sharingFunding,
        sections);
  }

  /** A Kreis's profile: its figures against the Land value. */
  record KreisProfile(DistrictComparison.Kreis kreis, List<Figure> figures) {}

  /** The profiles of all Kreise valid today in the Land's atlas, by name. */
  List<KreisProfile> profiles() {
    List<DistrictComparison.Row> rows = comparison.compare(comparison.indicators(), null);
    List<KreisProfile> out = new ArrayList<>();
    for (DistrictComparison.Kreis k : comparison.kreiseToday()) {
      out.add(new KreisProfile(k, figuresOf(rows, k)));
    }
    return out;
  }

  private List<Figure> figuresOf(
      List<DistrictComparison.Row> figures, DistrictComparison.Kreis kreis) {
    List<Figure> profile = new ArrayList<>();
    for (DistrictComparison.Row f : figures) {
      f.cellOf(kreis.key())
          .ifPresent(
              c ->
                  profile.add(
                      new Figure(
                          f.indicator().name(),
                          f.indicator().unit(),
                          f.periodLabel(),
                          c.formatted(),
                          f.referenceIsMedian() ? text("state.review.median") : f.referenceText(),
                          text(f.verdictKey(c)))));
    }
    return profile;
  }

  String landName() {
    return tenants.find(TenantContext.access().orElseThrow().slug()).map(t -> t.name()).orElse("");
  }

  LocalDate today() {
    return LocalCalendar.today(clock);
  }

  String text(String key, Object... args) {
    return messages.getMessage(key, args, Locale.GERMAN);
  }

  /** The status mix of a strategy standing as one line: "Umgesetzt 9 (20 %), …". */
  String mix(StrategyStandings.Standing s, List<StrategyStandings.StatusCount> counts) {
    List<String> parts = new ArrayList<>();
    for (StrategyStandings.StatusCount c : counts) {
      String label = c.label() != null ? c.label() : text("status." + c.code());
      long pct = s.measures() == 0 ? 0 : Math.round(100.0 * c.count() / s.measures());
      parts.add(label + " " + c.count() + " (" + pct + "\u00a0%)");
    }
    return String.join(", ", parts);
  }

  static String funding(List<PlanningFunding.Funding> grants) {
    List<String> parts = new ArrayList<>();
    java.time.format.DateTimeFormatter f =
        java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");
    for (PlanningFunding.Funding g : grants) {
      parts.add(
          g.source()
              + ": "
              + euro(g.amount())
              + " ("
              + g.periodStart().format(f)
              + " – "
              + g.periodEnd().format(f)
              + ")");
    }
    return String.join("; ", parts);
  }

  static String euro(BigDecimal amount) {
    java.text.DecimalFormat d =
        new java.text.DecimalFormat(
            "#,##0", java.text.DecimalFormatSymbols.getInstance(Locale.GERMANY));
    return d.format(amount) + "\u00a0€";
  }
}
