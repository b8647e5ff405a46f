package de.lagebild.planning.internal.surveys;

import de.lagebild.atlas.IndicatorFigures;
import de.lagebild.exchange.TableDownload;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import java.io.IOException;
import java.util.ArrayList;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The surveys of a district: the list with the minimum n, a survey's figures per area (suppressed
 * cells as "."), their export, the review of free texts one by one, and the kept raw file.
 */
@Controller
class SurveyController {

  private final SurveyRepository repository;
  private final Surveys surveys;
  private final IndicatorFigures figures;
  private final MessageSource messages;

  SurveyController(
      SurveyRepository repository,
      Surveys surveys,
      IndicatorFigures figures,
      MessageSource messages) {
    this.repository = repository;
    this.surveys = surveys;
    this.figures = figures;
    this.messages = messages;
  }

  @GetMapping("/{tenant}/befragungen")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  String list(@PathVariable("tenant") String tenant, Model model) {
    surveys.deleteExpiredRaw();
    List<Survey> all = repository.all();
    Map<UUID, Integer> pending = new HashMap<>();
    Map<UUID, Integer> figureCount = new HashMap<>();
    for (Survey s : all) {
      pending.put(s.id(), repository.pendingTexts(s.id()));
      figureCount.put(s.id(), repository.figures(s.id()).size());
    }
    model.addAttribute("surveys", all);
    model.addAttribute("pending", pending);
    model.addAttribute("figureCount", figureCount);
    model.addAttribute("minN", surveys.minN());
    model.addAttribute("minNVersion", surveys.minNVersion());
    return "planning/surveys/list";
  }

  @PostMapping("/{tenant}/befragungen/einstellungen")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String settings(
      @PathVariable("tenant") String tenant,
      @RequestParam("minN") String minN,
      @RequestParam("version") int version,
      RedirectAttributes redirect) {
    try {
      surveys.setMinN(Integer.parseInt(minN.strip()), version);
      redirect.addFlashAttribute("success", "survey.minN.saved");
    } catch (NumberFormatException e) {
      redirect.addFlashAttribute(
          "problem", message(new DomainException("survey.minN.range", minN)));
    } catch (DomainException e) {
      redirect.addFlashAttribute("problem", message(e));
    }
    return "redirect:/" + tenant + "/befragungen";
  }

  @GetMapping("/{tenant}/befragungen/{id}")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  String survey(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id, Model model) {
    surveys.deleteExpiredRaw();
    Survey s = repository.find(id).orElseThrow(NotFoundException::new);
    model.addAttribute("survey", s);
    model.addAttribute("figures", repository.figures(id));
    model.addAttribute("areaNames", areaNames());
    model.addAttribute("released", repository.texts(id, "RELEASED"));
    model.addAttribute("pending", repository.pendingTexts(id));
    return "planning/surveys/survey";
  }

  @GetMapping("/{tenant}/befragungen/{id}/export")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  ResponseEntity<byte[]> export(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @RequestParam(name = "format", defaultValue = "csv") String format)
      throws IOException {
    if (!TableDownload.supports(format)) {
      throw new DomainException("need.export.format", format);
    }
    Survey s = repository.find(id).orElseThrow(NotFoundException::new);
    return TableDownload.of(
        format, "Befragung", "befragung", table(s, repository.figures(id), areaNames()));
  }

  /** One row per figure and area (and the total): suppressed cells as "." without n. */
  static List<List<String>> table(Survey s, List<Survey.Figure> figures, Map<UUID, String> names) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "Befragung",
            "Zeitraum",
            "Frage",
            "Fragetext",
            "Kennzahl",
            "Gebiet",
            "n",
            "Wert",
            "Hinweis"));
    for (Survey.Figure f : figures) {
      for (Survey.Cell c : f.cells()) {
        rows.add(
            List.of(
                s.title(),
                s.period(),
                f.questionCode(),
                f.questionText(),
                f.label(),
                names.getOrDefault(c.areaId(), "?"),
                c.suppressed() ? "." : String.valueOf(c.n()),
                c.suppressed() ? "." : SurveyFormat.value(c.value(), f.measure()),
                c.suppressed() ? "unterdrückt (weniger als " + s.minN() + " Antworten)" : ""));
      }
      rows.add(
          List.of(
              s.title(),
              s.period(),
              f.questionCode(),
              f.questionText(),
              f.label(),
              "Gesamt",
              f.totalN() == null ? "." : String.valueOf(f.totalN()),
              f.totalN() == null ? "." : SurveyFormat.value(f.totalValue(), f.measure()),
              ""));
    }
    return rows;
  }

  @GetMapping("/{tenant}/befragungen/{id}/freitexte")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String review(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id, Model model) {
    Survey s = repository.find(id).orElseThrow(NotFoundException::new);
    List<Survey.FreeText> pending = repository.texts(id, "PENDING");
    model.addAttribute("survey", s);
    model.addAttribute("text", pending.isEmpty() ? null : pending.get(0));
    model.addAttribute("remaining", pending.size());
    model.addAttribute("areaNames", areaNames());
    return "planning/surveys/review";
  }

  @PostMapping("/{tenant}/befragungen/{id}/freitexte/{text}")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String decide(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @PathVariable("text") UUID text,
      @RequestParam("decision") String decision,
      RedirectAttributes redirect) {
    Survey.FreeText t = repository.text(text).orElseThrow(NotFoundException::new);
    if (!t.surveyId().equals(id)) {
      throw new NotFoundException();
    }
    if (decision.equals("release")) {
      surveys.release(text);
      redirect.addFlashAttribute("success", "survey.text.released");
    } else if (decision.equals("reject")) {
      surveys.reject(text);
      redirect.addFlashAttribute("success", "survey.text.rejected");
    } else {
      throw new DomainException("survey.text.decision", decision);
    }
    return "redirect:/" + tenant + "/befragungen/" + id + "/freitexte";
  }

  @GetMapping("/{tenant}/befragungen/{id}/rohdaten")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  ResponseEntity<byte[]> raw(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id) {
    surveys.deleteExpiredRaw();
    Survey s = repository.find(id).orElseThrow(NotFoundException::new);
    byte[] raw = surveys.readRaw(id);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + s.rawFileName().replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
        .body(raw);
  }

  @PostMapping("/{tenant}/befragungen/{id}/rohdaten/loeschen")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String deleteRaw(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      RedirectAttributes redirect) {
    surveys.deleteRaw(id);
    redirect.addFlashAttribute("success", "survey.raw.deleted.done");
    return "redirect:/" + tenant + "/befragungen/" + id;
  }

  private Map<UUID, String> areaNames() {
    Map<UUID, String> names = new HashMap<>();
    figures.areas().forEach(a -> names.put(a.id().value(), a.name()));
    return names;
  }

  private String message(DomainException e) {
    return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), Locale.GERMAN);
  }
}
