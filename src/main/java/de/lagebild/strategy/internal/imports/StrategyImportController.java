package de.lagebild.strategy.internal.imports;

import de.lagebild.exchange.UploadStash;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.LagebildProperties;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import de.lagebild.strategy.internal.store.StrategyRepository;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import wizard: 1 upload or paste, 2 preview with the detected format, the tree and every
 * problem with its place, 3 new strategy or the comparison with an existing one, and the round
 * name, 4 one transaction (in the background for large files, with a progress page), 5 summary.
 * Between the steps the file waits in a private working directory under a random token kept in the
 * user's session with the tenant; nothing is written to the database before the last step.
 */
@Controller
class StrategyImportController {

  static final int MAX_PASTE = 5 * 1024 * 1024;

  private final StrategyImport imports;
  private final ImportJobs jobs;
  private final StrategyRepository strategies;
  private final long backgroundFrom;
  private final UploadStash stash;

  StrategyImportController(
      StrategyImport imports,
      ImportJobs jobs,
      StrategyRepository strategies,
      LagebildProperties lagebild,
      de.lagebild.exchange.UploadStashes stashes)
      throws IOException {
    this.imports = imports;
    this.jobs = jobs;
    this.strategies = strategies;
    this.backgroundFrom = lagebild.imports().backgroundFromBytes();
    this.stash = stashes.stash("strategy");
  }

  @GetMapping("/{tenant}/strategien/import")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String start(@PathVariable("tenant") String tenant, Model model) {
    model.addAttribute("jobs", jobs.recent(5));
    return "strategy/imports/import";
  }

  @PostMapping("/{tenant}/strategien/import")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String preview(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "text", required = false) String pasted,
      @RequestParam(name = "format", required = false) String format,
      HttpSession session,
      Model model)
      throws IOException {
    String token;
    String name;
    if (file != null && !file.isEmpty()) {
      try (InputStream in = file.getInputStream()) {
        token = stash.put(session, tenant, in, file.getOriginalFilename(), format);
      }
      name = file.getOriginalFilename();
    } else {
      byte[] bytes = pasted == null ? new byte[0] : pasted.getBytes(StandardCharsets.UTF_8);
      if (bytes.length > MAX_PASTE) {
        throw new DomainException("import.tooLarge", MAX_PASTE / 1024 / 1024);
      }
      token = stash.put(session, tenant, new ByteArrayInputStream(bytes), null, format);
      name = null;
    }
    UploadStash.Pending p = stash.get(session, token, tenant).orElseThrow();
    ImportedTree tree;
    try {
      tree = imports.read(Files.readAllBytes(p.file()), name, format);
    } catch (DomainException e) {
      stash.remove(session, token, false);
      throw e;
    }
    model.addAttribute("tree", tree);
    model.addAttribute("token", token);
    model.addAttribute("fileName", name);
    model.addAttribute("strategies", strategies.findAll());
    model.addAttribute("background", p.size() >= backgroundFrom);
    model.addAttribute("suggestedTitle", name == null ? "" : name.replaceFirst("\\.[^.]+$", ""));
    return "strategy/imports/import-preview";
  }

  /** Step 3 for an existing strategy: what would be new, changed, unchanged or missing. */
  @PostMapping("/{tenant}/strategien/import/abgleich")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String compare(
      @PathVariable("tenant") String tenant,
      @RequestParam("token") String token,
      @RequestParam("strategy") UUID strategyId,
      @RequestParam(name = "round", required = false) String round,
      HttpSession session,
      Model model)
      throws IOException {
    UploadStash.Pending p = pendingFor(session, token, tenant);
    ImportedTree tree = imports.read(Files.readAllBytes(p.file()), p.fileName(), p.format());
    model.addAttribute("tree", tree);
    model.addAttribute("plan", imports.plan(tree, strategyId, round));
    model.addAttribute("strategy", strategies.find(strategyId).orElseThrow(NotFoundException::new));
    model.addAttribute("token", token);
    model.addAttribute("round", round);
    return "strategy/imports/import-compare";
  }

  @PostMapping("/{tenant}/strategien/import/uebernehmen")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String commit(
      @PathVariable("tenant") String tenant,
      @RequestParam("token") String token,
      @RequestParam(name = "title", required = false) String title,
      @RequestParam(name = "kind", required = false) String kind,
      @RequestParam(name = "strategy", required = false) UUID existing,
      @RequestParam(name = "round", required = false) String round,
      HttpSession session,
      RedirectAttributes redirect)
      throws IOException {
    UploadStash.Pending p = pendingFor(session, token, tenant);
    if (existing == null && (title == null || title.isBlank() || title.length() > 300)) {
      throw new DomainException("import.titleRequired");
    }
    StrategyImport.Target target = new StrategyImport.Target(existing, title, kind, round);
    if (p.size() >= backgroundFrom) {
      Path owned = stash.dir().resolve("job-" + token);
      Files.move(p.file(), owned, StandardCopyOption.REPLACE_EXISTING);
      stash.remove(session, token, true);
      UUID job = jobs.start(owned, p.fileName(), p.format(), target);
      return "redirect:/" + tenant + "/strategien/import/auftraege/" + job;
    }
    StrategyImport.Summary summary =
        imports.commit(Files.readAllBytes(p.file()), p.fileName(), p.format(), target, null);
    stash.remove(session, token, false);
    redirect.addFlashAttribute("importSummary", summary);
    redirect.addFlashAttribute("success", existing == null ? "import.done" : "import.updated");
    return "redirect:/" + tenant + "/strategien/" + summary.strategyId();
  }

  @GetMapping("/{tenant}/strategien/import/auftraege/{id}")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String job(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id, Model model) {
    model.addAttribute("job", jobs.find(id).orElseThrow(NotFoundException::new));
    model.addAttribute("progress", jobs.progress(id).orElse(null));
    return "strategy/imports/import-job";
  }

  /** The progress part of the job page, polled by htmx while the job runs. */
  @GetMapping("/{tenant}/strategien/import/auftraege/{id}/fortschritt")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String jobProgress(
      @PathVariable("tenant") String tenant, @PathVariable("id") UUID id, Model model) {
    model.addAttribute("job", jobs.find(id).orElseThrow(NotFoundException::new));
    model.addAttribute("progress", jobs.progress(id).orElse(null));
    return "strategy/imports/import-job :: status";
  }

  private UploadStash.Pending pendingFor(HttpSession session, String token, String tenant) {
    return stash
        .get(session, token, tenant)
        .orElseThrow(() -> new DomainException("import.expired"));
  }
}
