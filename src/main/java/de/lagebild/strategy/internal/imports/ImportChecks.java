package de.lagebild.strategy.internal.imports;

import de.lagebild.identity.ResponsibleUnits;
import de.lagebild.platform.LifeSituation;
import de.lagebild.strategy.internal.imports.ImportedTree.Node;
import de.lagebild.strategy.internal.imports.ImportedTree.Problem;
import de.lagebild.strategy.internal.status.StatusCatalogue;
import de.lagebild.strategy.internal.store.Rows.PreventionLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks of an imported tree that need the tenant: status codes of the catalogue, numbers, life
 * situations and prevention levels, units, lengths. Problems are added to the tree with their place
 * and field; nothing is written.
 */
@org.springframework.stereotype.Component
class ImportChecks {

  private final StatusCatalogue statuses;
  private final ResponsibleUnits units;
  private final org.springframework.beans.factory.ObjectProvider<de.lagebild.strategy.GoalNeeds>
      goalNeeds;

  ImportChecks(
      StatusCatalogue statuses,
      ResponsibleUnits units,
      org.springframework.beans.factory.ObjectProvider<de.lagebild.strategy.GoalNeeds> goalNeeds) {
    this.statuses = statuses;
    this.units = units;
    this.goalNeeds = goalNeeds;
  }

  /** Names in a goal's "Bedarfe" field that match no need of the tenant (a warning). */
  private static void needs(
      Node g, java.util.Map<String, java.util.UUID> needTitles, List<Problem> found) {
    String field = g.field(ImportFields.NEEDS);
    if (field.isBlank()) {
      return;
    }
    for (String title : StrategyImport.needTitles(field)) {
      if (!needTitles.containsKey(ImportFields.normalise(title))) {
        found.add(
            new Problem(
                g.lineOf(ImportFields.NEEDS),
                g.location,
                ImportFields.NEEDS,
                "import.needUnknown",
                title,
                false));
      }
    }
  }

  /** Checks that need the tenant: status codes, numbers, units, lengths. */
  void check(ImportedTree tree) {
    Set<String> statusCodes = statuses.byCode().keySet();
    Set<String> unitNames =
        units.list().stream()
            .map(u -> u.name().toLowerCase(Locale.GERMAN))
            .collect(Collectors.toSet());
    Set<String> announced = new HashSet<>();
    List<Problem> found = new ArrayList<>();
    var n = goalNeeds.getIfAvailable();
    java.util.Map<String, java.util.UUID> needTitles =
        n == null ? java.util.Map.of() : StrategyImport.needsByTitle(n);
    ImportedTree.walk(
        tree.roots,
        g -> {
          codeAndTitle(g, found);
          lifeSituations(g, found);
          needs(g, needTitles, found);
        },
        m -> {
          codeAndTitle(m, found);
          lifeSituations(m, found);
          String weight = m.field(ImportFields.WEIGHT);
          if (!weight.isEmpty() && !weight.matches("\\d{1,3}")
              || !weight.isEmpty() && Integer.parseInt(weight) > 100) {
            found.add(
                new Problem(
                    m.line, m.location, ImportFields.WEIGHT, "import.weight", weight, true));
          }
          String prevention = m.field(ImportFields.PREVENTION);
          if (!prevention.isEmpty() && prevention(prevention) == null) {
            found.add(
                new Problem(
                    m.line,
                    m.location,
                    ImportFields.PREVENTION,
                    "import.prevention",
                    prevention,
                    true));
          }
          for (String unit : splitUnits(m.field(ImportFields.UNITS))) {
            if (!unitNames.contains(unit.toLowerCase(Locale.GERMAN))
                && announced.add(unit.toLowerCase(Locale.GERMAN))) {
              found.add(
                  new Problem(
                      m.line, m.location, ImportFields.UNITS, "import.unitCreated", unit, false));
            }
          }
          m.assessments.forEach(
              (round, a) -> {
                if (a.statusCode() != null && !statusCodes.contains(a.statusCode())) {
                  found.add(
                      new Problem(
                          m.line,
                          m.location,
                          round + ": Status",
                          "import.statusUnknown",
                          a.statusCode(),
                          true));
                }
                if (a.progress() != null && (a.progress() < 0 || a.progress() > 100)) {
                  found.add(
                      new Problem(
                          m.line,
                          m.location,
                          round + ": Fortschritt",
                          "import.progress",
                          String.valueOf(a.progress()),
                          true));
                }
              });
        });
    for (String round : tree.rounds) {
      if (round.length() > 100) {
        found.add(new Problem(0, "", "Einschätzung", "round.nameTooLong", round, true));
      }
    }
    tree.problems.addAll(found);
  }

  private static void codeAndTitle(Node n, List<Problem> found) {
    if (n.code != null && n.code.length() > 30) {
      found.add(new Problem(n.line, n.location, "Nr.", "import.codeTooLong", n.code, true));
    }
    if (n.title.length() > 4000) {
      found.add(
          new Problem(
              n.line,
              n.location,
              "Titel",
              "import.titleTooLong",
              TableFormatReader.abbreviate(n.title),
              true));
    }
  }

  private static void lifeSituations(Node n, List<Problem> found) {
    String value = n.field(ImportFields.LIFE_SITUATIONS);
    if (value.isEmpty()) {
      return;
    }
    List<String> unknown = new ArrayList<>();
    Set<String> known = new LinkedHashSet<>();
    for (String part : value.split("[,;]")) {
      String code = lifeSituation(part.strip());
      if (code != null) {
        known.add(code);
      } else if (!part.isBlank()) {
        unknown.add(part.strip());
      }
    }
    n.fields.put(ImportFields.LIFE_SITUATIONS, String.join(",", known));
    if (!unknown.isEmpty()) {
      // kept, as an extra field
      n.extras.merge(
          ImportFields.LIFE_SITUATIONS, String.join(", ", unknown), (a, b) -> a + ", " + b);
      found.add(
          new Problem(
              n.line,
              n.location,
              ImportFields.LIFE_SITUATIONS,
              "import.lifeSituationUnknown",
              String.join(", ", unknown),
              false));
    }
  }

  private static String lifeSituation(String text) {
    String t =
        text.toUpperCase(Locale.GERMAN).replace("Ä", "AE").replace("Ü", "UE").replace("Ö", "OE");
    for (String code : LifeSituation.codes()) {
      if (code.equals(t) || code.equals(t.replace("UE", "U"))) {
        return code;
      }
    }
    return null;
  }

  static PreventionLevel prevention(String text) {
    String t = text.strip().toLowerCase(Locale.GERMAN);
    if (t.isEmpty()) {
      return null;
    }
    for (PreventionLevel p : PreventionLevel.values()) {
      if (p.name().equalsIgnoreCase(t)) {
        return p;
      }
    }
    return t.startsWith("prim")
        ? PreventionLevel.PRIMARY
        : t.startsWith("sekund") || t.startsWith("second")
            ? PreventionLevel.SECONDARY
            : t.startsWith("tert") ? PreventionLevel.TERTIARY : null;
  }

  static List<String> splitUnits(String text) {
    return text.isBlank()
        ? List.of()
        : Arrays.stream(text.split("[;\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
