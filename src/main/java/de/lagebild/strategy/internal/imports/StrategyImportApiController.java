package de.lagebild.strategy.internal.imports;

import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import de.lagebild.strategy.internal.store.StrategyRepository;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/{tenant}/strategy-imports}: a strategy file read and checked (dry run) or
 * written as a new strategy or into an existing one; answers the tree, counts, comparison and every
 * problem with its place and field in German.
 */
@RestController
class StrategyImportApiController {

  record Problem(
      int line, String location, String field, String code, String message, boolean error) {}

  record AssessmentText(String status, Integer progress, String text) {}

  record Measure(
      String code,
      String title,
      int line,
      Map<String, String> fields,
      Map<String, String> extraFields,
      Map<String, AssessmentText> assessments) {}

  record Node(
      int level,
      String levelName,
      String code,
      String title,
      int line,
      String location,
      Map<String, String> fields,
      Map<String, String> extraFields,
      List<Measure> measures,
      List<Node> children) {}

  record ImportResult(
      String format,
      String encoding,
      boolean dryRun,
      List<String> levelNames,
      List<String> rounds,
      Map<String, Integer> counts,
      List<Node> tree,
      List<Problem> problems,
      Map<String, Integer> changes,
      UUID strategyId,
      StrategyImport.Summary summary) {}

  private final StrategyImport imports;
  private final StrategyRepository strategies;
  private final MessageSource messages;

  StrategyImportApiController(
      StrategyImport imports, StrategyRepository strategies, MessageSource messages) {
    this.imports = imports;
    this.strategies = strategies;
    this.messages = messages;
  }

  @PostMapping(
      path = "/api/v1/{tenant}/strategy-imports",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  ResponseEntity<ImportResult> importStrategy(
      @PathVariable("tenant") String tenant,
      @RequestParam("file") MultipartFile file,
      @RequestParam(name = "format", defaultValue = "auto") String format,
      @RequestParam(name = "strategy", required = false) String strategy,
      @RequestParam(name = "round", required = false) String round,
      @RequestParam(name = "dryRun", defaultValue = "true") boolean dryRun)
      throws IOException {
    byte[] bytes = file.getBytes();
    String fileName = file.getOriginalFilename();
    ImportedTree tree = imports.read(bytes, fileName, format);
    UUID existing = existingStrategy(strategy);
    Map<String, Integer> changes = null;
    if (existing != null) {
      changes = new LinkedHashMap<>();
      for (Map.Entry<StrategyImport.ChangeKind, Integer> e :
          imports.plan(tree, existing, round).counts().entrySet()) {
        changes.put(e.getKey().name(), e.getValue());
      }
    }
    StrategyImport.Summary summary = null;
    if (!dryRun) {
      String title =
          strategy == null || strategy.isBlank()
              ? (fileName == null ? "Import" : fileName.replaceFirst("\\.[^.]+$", ""))
              : strategy;
      summary =
          imports.commit(
              bytes,
              fileName,
              format,
              new StrategyImport.Target(existing, existing == null ? title : null, null, round),
              null);
    }
    List<Node> nodes = tree.roots.stream().map(g -> node(g, tree)).toList();
    List<Problem> problems =
        tree.problems.stream()
            .map(
                p ->
                    new Problem(
                        p.line(),
                        p.location(),
                        p.field(),
                        p.messageKey(),
                        messages.getMessage(
                            p.messageKey(),
                            new Object[] {p.detail()},
                            p.messageKey(),
                            Locale.GERMAN),
                        p.error()))
            .toList();
    return ResponseEntity.ok(
        new ImportResult(
            tree.format.name().toLowerCase(Locale.ROOT),
            tree.charset,
            dryRun,
            tree.levelNames,
            tree.rounds,
            tree.countsPerLevel(),
            nodes,
            problems,
            changes,
            summary == null ? null : summary.strategyId(),
            summary));
  }

  /** {@code strategy} names an existing strategy by id, or is the title of a new one. */
  private UUID existingStrategy(String strategy) {
    if (strategy == null || !strategy.matches("[0-9a-fA-F-]{36}")) {
      return null;
    }
    UUID id = UUID.fromString(strategy);
    return strategies.find(id).map(s -> id).orElseThrow(NotFoundException::new);
  }

  private static Node node(ImportedTree.Node g, ImportedTree tree) {
    List<Measure> measures = new ArrayList<>();
    for (ImportedTree.Node m : g.measures) {
      Map<String, AssessmentText> assessments = new LinkedHashMap<>();
      m.assessments.forEach(
          (round, a) ->
              assessments.put(round, new AssessmentText(a.statusCode(), a.progress(), a.html())));
      measures.add(new Measure(m.code, m.title, m.line, m.fields, m.extras, assessments));
    }
    return new Node(
        g.level,
        tree.levelName(g.level),
        g.code,
        g.title,
        g.line,
        g.location,
        g.fields,
        g.extras,
        measures,
        g.children.stream().map(c -> node(c, tree)).toList());
  }
}
