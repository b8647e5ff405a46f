package de.lagebild.atlas.internal.indicators;

import de.lagebild.atlas.internal.store.AtlasRows.IndicatorRow;
import de.lagebild.atlas.internal.store.AtlasRows.Polarity;
import de.lagebild.atlas.internal.store.IndicatorRepository;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.ConcurrentEditException;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The metadata of an indicator – names, definition, unit, decimals, source and licence, frequency,
 * polarity, life situation, reading aid, minimum count, kind (count, rate, share), public or not –
 * edited by coordinators with optimistic locking. Imports create indicators with what the file
 * says; this is where they get their meaning.
 */
@Controller
class IndicatorEditController {

  static final List<String> KINDS = List.of("COUNT", "RATE", "SHARE", "OTHER");
  static final List<String> LIFE_SITUATIONS =
      List.of("FAMILIE", "BILDUNG", "WOHNEN", "GESUNDHEIT", "ARBEIT", "TEILHABE", "MIGRATION");

  private final IndicatorRepository indicatorRepository;
  private final Derivation derivation;
  private final AuditLog audit;
  private final MessageSource messages;

  IndicatorEditController(
      IndicatorRepository indicatorRepository,
      Derivation derivation,
      AuditLog audit,
      MessageSource messages) {
    this.indicatorRepository = indicatorRepository;
    this.derivation = derivation;
    this.audit = audit;
    this.messages = messages;
  }

  @GetMapping("/{tenant}/atlas/indikatoren/{id}/bearbeiten")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String form(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id, Model model) {
    model.addAttribute(
        "indicator", indicatorRepository.indicator(id).orElseThrow(NotFoundException::new));
    return fill(model);
  }

  @PostMapping("/{tenant}/atlas/indikatoren/{id}/bearbeiten")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  @Transactional
  String save(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      @RequestParam(name = "name", defaultValue = "") String name,
      @RequestParam(name = "shortName", defaultValue = "") String shortName,
      @RequestParam(name = "definition", required = false) String definition,
      @RequestParam(name = "unit", required = false) String unit,
      @RequestParam(name = "decimals", defaultValue = "0") String decimals,
      @RequestParam(name = "source", required = false) String source,
      @RequestParam(name = "licence", required = false) String licence,
      @RequestParam(name = "frequency", required = false) String frequency,
      @RequestParam(name = "polarity", defaultValue = "NEUTRAL") String polarity,
      @RequestParam(name = "lifeSituation", required = false) String lifeSituation,
      @RequestParam(name = "readingAid", required = false) String readingAid,
      @RequestParam(name = "minCount", required = false) String minCount,
      @RequestParam(name = "kind", defaultValue = "OTHER") String kind,
      @RequestParam(name = "publicVisible", defaultValue = "false") boolean publicVisible,
      @RequestParam(name = "version") int version,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    IndicatorRow old = indicatorRepository.indicator(id).orElseThrow(NotFoundException::new);
    IndicatorRow changed;
    try {
      changed =
          new IndicatorRow(
              id,
              old.code(),
              required(name, "Name", 300),
              required(shortName, "Kurzname", 80),
              optional(definition, 4000),
              optional(unit, 40),
              number(decimals, "Nachkommastellen", 0, 6),
              optional(source, 1000),
              optional(licence, 500),
              optional(frequency, 100),
              polarity(polarity),
              lifeSituation == null || lifeSituation.isBlank()
                  ? null
                  : oneOf(lifeSituation, LIFE_SITUATIONS, "Lebenslage"),
              optional(readingAid, 4000),
              minCount == null || minCount.isBlank()
                  ? null
                  : number(minCount, "Mindestanzahl", 0, 1_000_000),
              oneOf(kind, KINDS, "Art"),
              publicVisible,
              old.position(),
              version,
              old.numeratorId(),
              old.denominatorId(),
              old.factor());
    } catch (DomainException e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute(
          "error",
          messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), Locale.GERMAN));
      model.addAttribute("indicator", old);
      return fill(model);
    }
    if (!indicatorRepository.updateIndicator(changed)) {
      throw new ConcurrentEditException("Indikator");
    }
    // the kind decides what is summed: planning areas and derived figures follow at once
    derivation.recomputeAll();
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("name", old.name());
    before.put("kind", old.kind());
    before.put("public", old.publicVisible());
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("name", changed.name());
    after.put("kind", changed.kind());
    after.put("public", changed.publicVisible());
    audit.record("UPDATE", "Indicator", id, "Indikator geändert: " + changed.name(), before, after);
    redirect.addFlashAttribute("success", "atlas.indicatorSaved");
    return "redirect:/" + tenant + "/atlas/indikatoren/" + id;
  }

  private String fill(Model model) {
    model.addAttribute("kinds", KINDS);
    model.addAttribute("lifeSituations", LIFE_SITUATIONS);
    model.addAttribute("polarities", Polarity.values());
    return "atlas/indicators/indicator-edit";
  }

  private static String required(String value, String field, int max) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      throw new DomainException("atlas.fieldRequired", field);
    }
    if (v.length() > max) {
      throw new DomainException("atlas.fieldTooLong", field, max);
    }
    return v;
  }

  private static String optional(String value, int max) {
    String v = value == null ? "" : value.strip();
    return v.isEmpty() ? null : v.length() > max ? v.substring(0, max) : v;
  }

  private static int number(String value, String field, int min, int max) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n < min || n > max) {
        throw new DomainException("atlas.fieldRange", field, min, max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new DomainException("atlas.fieldNumber", field, value);
    }
  }

  private static Polarity polarity(String value) {
    try {
      return Polarity.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new DomainException("atlas.fieldChoice", "Lesart", value);
    }
  }

  private static String oneOf(String value, List<String> allowed, String field) {
    if (!allowed.contains(value)) {
      throw new DomainException("atlas.fieldChoice", field, value);
    }
    return value;
  }
}
