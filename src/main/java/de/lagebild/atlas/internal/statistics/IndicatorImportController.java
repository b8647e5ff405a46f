package de.lagebild.atlas.internal.statistics;

import de.lagebild.atlas.internal.store.IndicatorRepository;
import de.lagebild.exchange.UploadStash;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.LagebildProperties;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class IndicatorImportController {

  private final IndicatorImport imports;
  private final IndicatorRepository indicatorRepository;
  private final MessageSource messages;
  private final UploadStash stash;
  private final ColumnMappings mappings;
  private final AtlasImportJobs jobs;
  private final long backgroundFrom;
  private final de.lagebild.platform.DatabaseStatistics statistics;

  IndicatorImportController(
      IndicatorImport imports,
      IndicatorRepository indicatorRepository,
      MessageSource messages,
      ColumnMappings mappings,
      AtlasImportJobs jobs,
      LagebildProperties lagebild,
      de.lagebild.platform.DatabaseStatistics statistics,
      de.lagebild.exchange.UploadStashes stashes)
      throws IOException {
    this.statistics = statistics;
    this.mappings = mappings;
    this.jobs = jobs;
    this.backgroundFrom = lagebild.imports().backgroundFromBytes();
    this.imports = imports;
    this.indicatorRepository = indicatorRepository;
    this.messages = messages;
    this.stash = stashes.stash("atlas");
  }

  @GetMapping("/{tenant}/atlas/import")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String start(@PathVariable("tenant") String tenant, Model model) {
    model.addAttribute("mappings", mappings.all());
    model.addAttribute("jobs", jobs.recent(5));
    return "atlas/statistics/import";
  }

  @PostMapping("/{tenant}/atlas/import")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String preview(
      @PathVariable("tenant") String tenant,
      @RequestParam("file") MultipartFile file,
      @RequestParam(name = "periode", required = false) String period,
      @RequestParam(name = "zuordnung", required = false) UUID saved,
      HttpSession session,
      Model model)
      throws IOException {
    byte[] bytes = file.getBytes();
    IndicatorImport.Options options =
        new IndicatorImport.Options(null, blankToNull(period), saved, null);
    IndicatorImport.Preview p = imports.preview(bytes, options);
    String token =
        stash.put(
            session, tenant, new ByteArrayInputStream(bytes), file.getOriginalFilename(), null);
    model.addAttribute("preview", p);
    model.addAttribute("token", token);
    model.addAttribute("indicators", indicatorRepository.indicators());
    model.addAttribute("fileName", file.getOriginalFilename());
    model.addAttribute("period", blankToNull(period));
    model.addAttribute("saved", saved == null ? null : mappings.byId(saved).orElse(null));
    model.addAttribute("background", bytes.length >= backgroundFrom);
    return "atlas/statistics/import-preview";
  }

  @PostMapping("/{tenant}/atlas/import/uebernehmen")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String commit(
      @PathVariable("tenant") String tenant,
      @RequestParam("token") String token,
      @RequestParam(name = "periode", required = false) String period,
      @RequestParam(name = "speichernAls", required = false) String saveAs,
      @RequestParam(name = "nachfolger", defaultValue = "false") boolean toSuccessor,
      @RequestParam(name = "gueltigeZeilen", defaultValue = "false") boolean skipInvalid,
      @RequestParam(name = "gebieteAnlegen", defaultValue = "false") boolean createAreas,
      HttpServletRequest request,
      HttpSession session,
      RedirectAttributes redirect)
      throws IOException {
    UploadStash.Pending p =
        stash.get(session, token, tenant).orElseThrow(() -> new DomainException("import.expired"));
    Map<Integer, String> mapping = new HashMap<>();
    request
        .getParameterMap()
        .forEach(
            (name, values) -> {
              if (name.matches("spalte-\\d{1,6}") && values.length > 0 && !values[0].isBlank()) {
                mapping.put(Integer.parseInt(name.substring(7)), values[0]);
              }
            });
    IndicatorImport.Options options =
        new IndicatorImport.Options(
            mapping,
            blankToNull(period),
            null,
            blankToNull(saveAs),
            toSuccessor,
            skipInvalid,
            createAreas);
    if (p.size() >= backgroundFrom) {
      Path owned = stash.dir().resolve("job-" + token);
      Files.move(p.file(), owned, StandardCopyOption.REPLACE_EXISTING);
      stash.remove(session, token, true);
      UUID job = jobs.start(owned, p.fileName(), options);
      return "redirect:/" + tenant + "/atlas/import/auftraege/" + job;
    }
    IndicatorImport.Summary s =
        imports.commit(Files.readAllBytes(p.file()), p.fileName(), options, null);
    statistics.afterWriting(s.values(), AtlasImportJobs.VALUE_TABLES);
    stash.remove(session, token, false);
    redirect.addFlashAttribute("atlasSummary", s);
    redirect.addFlashAttribute("success", "atlas.import.done");
    return "redirect:/" + tenant + "/atlas";
  }

  /**
   * Every problem of the previewed file as a CSV table (line, field, kind, message), so that the
   * rows left out can be corrected at the source.
   */
  @GetMapping("/{tenant}/atlas/import/hinweise")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  ResponseEntity<byte[]> problems(
      @PathVariable("tenant") String tenant,
      @RequestParam("token") String token,
      @RequestParam(name = "periode", required = false) String period,
      @RequestParam(name = "zuordnung", required = false) UUID saved,
      HttpSession session)
      throws IOException {
    UploadStash.Pending pending =
        stash.get(session, token, tenant).orElseThrow(() -> new DomainException("import.expired"));
    IndicatorImport.Preview p =
        imports.preview(
            Files.readAllBytes(pending.file()),
            new IndicatorImport.Options(null, blankToNull(period), saved, null));
    List<List<?>> rows = new java.util.ArrayList<>();
    rows.add(List.of("Zeile", "Feld", "Art", "Hinweis"));
    for (StatisticsTable.Problem x : p.problems()) {
      rows.add(
          List.of(
              x.line() > 0 ? String.valueOf(x.line()) : "",
              x.field(),
              x.error() ? "Fehler – Zeile wird übersprungen" : "Hinweis",
              messages.getMessage(
                  x.messageKey(), new Object[] {x.detail()}, x.messageKey(), Locale.GERMAN)));
    }
    for (String unknown : p.unknownAreas()) {
      rows.add(List.of("", "Gebiet", "Gebiet unbekannt", unknown));
    }
    String name = (pending.fileName() == null ? "datei" : pending.fileName()) + "-hinweise.csv";
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + name.replaceAll("[^\\w.-]", "_") + "\"")
        .body(de.lagebild.exchange.CsvOutput.bytes(rows));
  }

  @GetMapping("/{tenant}/atlas/import/auftraege/{id}")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String job(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id, Model model) {
    model.addAttribute("job", jobs.find(id).orElseThrow(NotFoundException::new));
    model.addAttribute("progress", jobs.progress(id).orElse(null));
    return "atlas/statistics/import-job";
  }

  /** The progress part of the job page, polled by htmx while the job runs. */
  @GetMapping("/{tenant}/atlas/import/auftraege/{id}/fortschritt")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String jobProgress(
      @PathVariable("tenant") String tenant, @PathVariable("id") UUID id, Model model) {
    model.addAttribute("job", jobs.find(id).orElseThrow(NotFoundException::new));
    model.addAttribute("progress", jobs.progress(id).orElse(null));
    return "atlas/statistics/import-job :: status";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /**
   * {@code POST /api/v1/{tenant}/indicator-imports}: the same for scripts; {@code dryRun=true}
   * writes nothing.
   */
}
