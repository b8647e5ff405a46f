package de.lagebild.planning.internal.surveys;

import de.lagebild.atlas.IndicatorFigures;
import de.lagebild.exchange.UploadStash;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.LocalCalendar;
import de.lagebild.platform.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Importing a LimeSurvey survey: upload of the structure ({@code .lss}) and the responses (CSV or
 * XLSX), then one page that shows the plan (area question and its mapping, questions, free texts,
 * raw file) with the figures as they will be shown, and the commit.
 */
@Controller
class SurveyImportController {

  private final Surveys surveys;
  private final IndicatorFigures figures;
  private final MessageSource messages;
  private final Clock clock;
  private final UploadStash stash;

  SurveyImportController(
      Surveys surveys,
      IndicatorFigures figures,
      MessageSource messages,
      Clock clock,
      de.lagebild.exchange.UploadStashes stashes)
      throws IOException {
    this.surveys = surveys;
    this.figures = figures;
    this.messages = messages;
    this.clock = clock;
    this.stash = stashes.stash("survey");
  }

  @GetMapping("/{tenant}/befragungen/import")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String start(@PathVariable("tenant") String tenant, Model model) {
    model.addAttribute("minN", surveys.minN());
    return "planning/surveys/upload";
  }

  @PostMapping("/{tenant}/befragungen/import")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String upload(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "structure", required = false) MultipartFile structure,
      @RequestParam(name = "responses", required = false) MultipartFile responses,
      HttpSession session,
      Model model)
      throws IOException {
    if (structure == null || structure.isEmpty() || responses == null || responses.isEmpty()) {
      model.addAttribute("minN", surveys.minN());
      model.addAttribute("problem", message(new DomainException("survey.files.required")));
      return "planning/surveys/upload";
    }
    byte[] lss = structure.getBytes();
    byte[] answers = responses.getBytes();
    String structureToken =
        stash.put(
            session, tenant, new ByteArrayInputStream(lss), structure.getOriginalFilename(), "lss");
    String responsesToken =
        stash.put(
            session,
            tenant,
            new ByteArrayInputStream(answers),
            responses.getOriginalFilename(),
            null);
    SurveyStructure s;
    try {
      s = LssReader.read(lss);
    } catch (DomainException e) {
      stash.remove(session, structureToken, false);
      stash.remove(session, responsesToken, false);
      model.addAttribute("minN", surveys.minN());
      model.addAttribute("problem", message(e));
      return "planning/surveys/upload";
    }
    SurveyPlan plan =
        SurveyForms.defaults(s, figures.areas(), year(answers, responses.getOriginalFilename()));
    return show(
        s,
        lss,
        answers,
        responses.getOriginalFilename(),
        structureToken,
        responsesToken,
        plan,
        model);
  }

  /** The year of the responses' submission dates, else this year (a default for the period). */
  private int year(byte[] answers, String fileName) {
    int thisYear = LocalCalendar.today(clock).getYear();
    try {
      return ResponseTable.read(answers, fileName).submitYear(thisYear);
    } catch (DomainException e) {
      return thisYear;
    }
  }

  /** The two stashed files of an import in progress, read back, with their tokens. */
  private record Stashed(
      SurveyStructure structure,
      byte[] lss,
      byte[] answers,
      String fileName,
      String structureToken,
      String responsesToken) {}

  private Stashed stashed(HttpSession session, String tenant, Map<String, String[]> p)
      throws IOException {
    String structureToken = first(p.get("structureToken"));
    String responsesToken = first(p.get("responsesToken"));
    UploadStash.Pending structure = pending(session, tenant, p.get("structureToken"));
    UploadStash.Pending responses = pending(session, tenant, p.get("responsesToken"));
    byte[] lss = Files.readAllBytes(structure.file());
    return new Stashed(
        LssReader.read(lss),
        lss,
        Files.readAllBytes(responses.file()),
        responses.fileName(),
        structureToken,
        responsesToken);
  }

  @PostMapping("/{tenant}/befragungen/import/vorschau")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String preview(
      @PathVariable("tenant") String tenant,
      HttpServletRequest request,
      HttpSession session,
      Model model)
      throws IOException {
    Map<String, String[]> p = request.getParameterMap();
    Stashed f = stashed(session, tenant, p);
    SurveyPlan plan;
    try {
      plan = SurveyForms.plan(p, f.structure(), figures.areas());
    } catch (DomainException e) {
      model.addAttribute("problem", message(e));
      plan = defaults(f);
    }
    keepChoice(p, model);
    return show(f, plan, model);
  }

  @PostMapping("/{tenant}/befragungen/import/uebernehmen")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String commit(
      @PathVariable("tenant") String tenant,
      HttpServletRequest request,
      HttpSession session,
      Model model,
      RedirectAttributes redirect)
      throws IOException {
    Map<String, String[]> p = request.getParameterMap();
    Stashed f = stashed(session, tenant, p);
    SurveyPlan plan = null;
    try {
      plan = SurveyForms.plan(p, f.structure(), figures.areas());
      UUID id =
          surveys.commit(
              f.lss(),
              f.answers(),
              f.fileName(),
              plan,
              SurveyForms.keep(first(p.get("keepRaw")), first(p.get("keepUntil"))),
              false);
      stash.remove(session, f.structureToken(), false);
      stash.remove(session, f.responsesToken(), false);
      redirect.addFlashAttribute("success", "survey.imported");
      return "redirect:/" + tenant + "/befragungen/" + id;
    } catch (DomainException e) {
      model.addAttribute("problem", message(e));
      keepChoice(p, model);
      return show(f, plan == null ? defaults(f) : plan, model);
    }
  }

  /** The plan the upload page proposes, for a form that could not be read. */
  private SurveyPlan defaults(Stashed f) {
    return SurveyForms.defaults(f.structure(), figures.areas(), year(f.answers(), f.fileName()));
  }

  private static void keepChoice(Map<String, String[]> p, Model model) {
    model.addAttribute("keepRaw", p.containsKey("keepRaw"));
    model.addAttribute("keepUntil", first(p.get("keepUntil")));
  }

  private String show(Stashed f, SurveyPlan plan, Model model) {
    return show(
        f.structure(),
        f.lss(),
        f.answers(),
        f.fileName(),
        f.structureToken(),
        f.responsesToken(),
        plan,
        model);
  }

  private String show(
      SurveyStructure s,
      byte[] lss,
      byte[] answers,
      String fileName,
      String structureToken,
      String responsesToken,
      SurveyPlan plan,
      Model model) {
    model.addAttribute("structure", s);
    model.addAttribute("plan", plan);
    model.addAttribute("fileName", fileName);
    model.addAttribute("structureToken", structureToken);
    model.addAttribute("responsesToken", responsesToken);
    model.addAttribute("areas", figures.areas());
    Map<UUID, String> names = new HashMap<>();
    figures.areas().forEach(a -> names.put(a.id().value(), a.name()));
    model.addAttribute("areaNames", names);
    model.addAttribute(
        "chosen",
        plan.choices().stream()
            .collect(java.util.stream.Collectors.toMap(SurveyPlan.Choice::question, c -> c)));
    model.addAttribute("defaultCodes", defaults(s));
    try {
      model.addAttribute("preview", surveys.preview(lss, answers, fileName, plan));
    } catch (DomainException e) {
      if (!model.containsAttribute("problem")) {
        model.addAttribute("problem", message(e));
      }
    }
    return "planning/surveys/preview";
  }

  private static Map<String, List<String>> defaults(SurveyStructure s) {
    Map<String, List<String>> out = new HashMap<>();
    s.questions().forEach(q -> out.put(q.code(), SurveyForms.defaultCodes(q)));
    return out;
  }

  private UploadStash.Pending pending(HttpSession session, String tenant, String[] token) {
    String t = first(token);
    return stash
        .get(session, t == null ? "" : t, tenant)
        .orElseThrow(() -> new DomainException("import.expired"));
  }

  private static String first(String[] v) {
    return v == null || v.length == 0 ? null : v[0];
  }

  private String message(DomainException e) {
    return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), Locale.GERMAN);
  }
}
