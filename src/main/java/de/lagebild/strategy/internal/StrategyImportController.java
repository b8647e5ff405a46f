package de.lagebild.strategy.internal;

import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import wizard: 1 upload or paste, 2 preview with the detected format, the tree and every problem with its
 * place, 3 new strategy or the comparison with an existing one, and the round name, 4 one transaction (in the
 * background for large files, with a progress page), 5 summary. Between the steps the file waits in a private
 * working directory under a random token kept in the user's session with the tenant; nothing is written to the
 * database before the last step.
 */
@Controller
class StrategyImportController {

  static final String SESSION_KEY = StrategyImportController.class.getName();
  static final int MAX_PASTE = 5 * 1024 * 1024;

  record Pending(String tenant, Path file, String fileName, String format, long size) {}

  private final StrategyImport imports;
  private final ImportJobs jobs;
  private final StrategyRepository strategies;
  private final long backgroundFrom;
  private final Path workDir;

  StrategyImportController(StrategyImport imports, ImportJobs jobs, StrategyRepository strategies,
      @Value("${lagebild.import.background-from-bytes:1000000}") long backgroundFrom) throws IOException {
    this.imports = imports;
    this.jobs = jobs;
    this.strategies = strategies;
    this.backgroundFrom = backgroundFrom;
    this.workDir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "lagebild-imports"));
    removeAbandoned(workDir);
  }

  /** Uploads whose preview was never taken further are removed after a day (at start-up). */
  static void removeAbandoned(Path dir) throws IOException {
    java.time.Instant limit = java.time.Instant.now().minus(java.time.Duration.ofDays(1));
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        if (Files.getLastModifiedTime(f).toInstant().isBefore(limit) && !f.getFileName().toString().startsWith("job-")) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  @GetMapping("/{tenant}/strategien/import")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String start(@PathVariable("tenant") String tenant, Model model) {
    model.addAttribute("jobs", jobs.recent(5));
    return "strategy/import";
  }

  @PostMapping("/{tenant}/strategien/import")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String preview(@PathVariable("tenant") String tenant,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "text", required = false) String pasted,
      @RequestParam(name = "format", required = false) String format, HttpSession session, Model model)
      throws IOException {
    String token = UUID.randomUUID().toString();
    Path stored = workDir.resolve(token);
    String name;
    if (file != null && !file.isEmpty()) {
      try (InputStream in = file.getInputStream()) {
        Files.copy(in, stored, StandardCopyOption.REPLACE_EXISTING);
      }
      name = file.getOriginalFilename();
    } else {
      byte[] bytes = pasted == null ? new byte[0] : pasted.getBytes(StandardCharsets.UTF_8);
      if (bytes.length > MAX_PASTE) {
        throw new DomainException("import.tooLarge", MAX_PASTE / 1024 / 1024);
      }
      Files.write(stored, bytes);
      name = null;
    }
    ImportedTree tree;
    try {
      tree = imports.read(Files.readAllBytes(stored), name, format);
    } catch (DomainException e) {
      Files.deleteIfExists(stored);
      throw e;
    }
    Pending p = new Pending(tenant, stored, name, format, Files.size(stored));
    pending(session).put(token, p);
    model.addAttribute("tree", tree);
    model.addAttribute("token", token);
    model.addAttribute("fileName", name);
    model.addAttribute("strategies", strategies.findAll());
    model.addAttribute("background", p.size() >= backgroundFrom);
    model.addAttribute("suggestedTitle", name == null ? "" : name.replaceFirst("\\.[^.]+$", ""));
    return "strategy/import-preview";
  }

  /** Step 3 for an existing strategy: what would be new, changed, unchanged or missing. */
  @PostMapping("/{tenant}/strategien/import/abgleich")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String compare(@PathVariable("tenant") String tenant, @RequestParam("token") String token,
      @RequestParam("strategy") UUID strategyId, @RequestParam(name = "round", required = false) String round,
      HttpSession session, Model model) throws IOException {
    Pending p = pendingFor(session, token, tenant);
    ImportedTree tree = imports.read(Files.readAllBytes(p.file()), p.fileName(), p.format());
    model.addAttribute("tree", tree);
    model.addAttribute("plan", imports.plan(tree, strategyId, round));
    model.addAttribute("strategy", strategies.find(strategyId).orElseThrow(NotFoundException::new));
    model.addAttribute("token", token);
    model.addAttribute("round", round);
    return "strategy/import-compare";
  }

  @PostMapping("/{tenant}/strategien/import/uebernehmen")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String commit(@PathVariable("tenant") String tenant, @RequestParam("token") String token,
      @RequestParam(name = "title", required = false) String title,
      @RequestParam(name = "kind", required = false) String kind,
      @RequestParam(name = "strategy", required = false) UUID existing,
      @RequestParam(name = "round", required = false) String round, HttpSession session,
      RedirectAttributes redirect) throws IOException {
    Pending p = pendingFor(session, token, tenant);
    if (existing == null && (title == null || title.isBlank() || title.length() > 300)) {
      throw new DomainException("import.titleRequired");
    }
    StrategyImport.Target target = new StrategyImport.Target(existing, title, kind, round);
    if (p.size() >= backgroundFrom) {
      Path owned = workDir.resolve("job-" + token);
      Files.move(p.file(), owned, StandardCopyOption.REPLACE_EXISTING);
      pending(session).remove(token);
      UUID job = jobs.start(owned, p.fileName(), p.format(), target);
      return "redirect:/" + tenant + "/strategien/import/auftraege/" + job;
    }
    StrategyImport.Summary summary = imports.commit(Files.readAllBytes(p.file()), p.fileName(), p.format(), target,
        null);
    pending(session).remove(token);
    Files.deleteIfExists(p.file());
    redirect.addFlashAttribute("importSummary", summary);
    redirect.addFlashAttribute("success", existing == null ? "import.done" : "import.updated");
    return "redirect:/" + tenant + "/strategien/" + summary.strategyId();
  }

  @GetMapping("/{tenant}/strategien/import/auftraege/{id}")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String job(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id, Model model) {
    model.addAttribute("job", jobs.find(id).orElseThrow(NotFoundException::new));
    model.addAttribute("progress", jobs.progress(id).orElse(null));
    return "strategy/import-job";
  }

  /** The progress part of the job page, polled by htmx while the job runs. */
  @GetMapping("/{tenant}/strategien/import/auftraege/{id}/fortschritt")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String jobProgress(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id, Model model) {
    model.addAttribute("job", jobs.find(id).orElseThrow(NotFoundException::new));
    model.addAttribute("progress", jobs.progress(id).orElse(null));
    return "strategy/import-job :: status";
  }

  private Pending pendingFor(HttpSession session, String token, String tenant) {
    Pending p = pending(session).get(token);
    if (p == null || !p.tenant().equals(tenant) || !Files.exists(p.file())) {
      throw new DomainException("import.expired");
    }
    return p;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Pending> pending(HttpSession session) {
    Map<String, Pending> map = (Map<String, Pending>) session.getAttribute(SESSION_KEY);
    if (map == null) {
      // at most a few imports wait per session; the oldest is dropped with its file
      map = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
          if (size() > 3) {
            try {
              Files.deleteIfExists(eldest.getValue().file());
            } catch (IOException e) {
              // left for the operating system's temp cleaning
            }
            return true;
          }
          return false;
        }
      };
      session.setAttribute(SESSION_KEY, map);
    }
    return map;
  }
}
