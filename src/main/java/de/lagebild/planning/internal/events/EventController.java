package de.lagebild.planning.internal.events;

import de.lagebild.atlas.IndicatorFigures;
import de.lagebild.planning.internal.FormValues;
import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.DomainException;
import de.lagebild.platform.NotFoundException;
import de.lagebild.platform.Role;
import de.lagebild.platform.Text;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Conferences and workshops: the list, an event's page with its participants per group, results and
 * the needs recorded from it, and the form (groups as rows of name and count).
 */
@Controller
class EventController {

  static final int GROUP_ROWS = 6;

  private final EventRepository events;
  private final Events work;
  private final EventNeeds needs;
  private final IndicatorFigures figures;
  private final MessageSource messages;

  EventController(
      EventRepository events,
      Events work,
      EventNeeds needs,
      IndicatorFigures figures,
      MessageSource messages) {
    this.events = events;
    this.work = work;
    this.needs = needs;
    this.figures = figures;
    this.messages = messages;
  }

  @GetMapping("/{tenant}/beteiligung")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  String list(@PathVariable("tenant") String tenant, Model model) {
    model.addAttribute("events", events.all());
    model.addAttribute("areaNames", areaNames());
    return "planning/events/list";
  }

  @GetMapping("/{tenant}/beteiligung/{id}")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR, Role.CONTRIBUTOR, Role.READER})
  String event(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id, Model model) {
    ParticipationEvent e = events.find(id).orElseThrow(NotFoundException::new);
    model.addAttribute("event", e);
    model.addAttribute("areaNames", areaNames());
    model.addAttribute("needs", needs.of(id));
    return "planning/events/event";
  }

  @GetMapping("/{tenant}/beteiligung/neu")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String create(@PathVariable("tenant") String tenant, Model model) {
    return form(null, Form.empty(), model);
  }

  @PostMapping("/{tenant}/beteiligung/neu")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String save(
      @PathVariable("tenant") String tenant,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect) {
    Form form = Form.of(request.getParameterMap());
    try {
      ParticipationEvent e = work.create(form.toEvent(null, false));
      redirect.addFlashAttribute("success", "event.created");
      return "redirect:/" + tenant + "/beteiligung/" + e.id();
    } catch (NotFoundException e) {
      throw e;
    } catch (DomainException e) {
      model.addAttribute("problem", message(e));
      return form(null, form, model);
    }
  }

  @GetMapping("/{tenant}/beteiligung/{id}/bearbeiten")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String edit(@PathVariable("tenant") String tenant, @PathVariable("id") UUID id, Model model) {
    ParticipationEvent e = events.find(id).orElseThrow(NotFoundException::new);
    return form(e, Form.of(e), model);
  }

  @PostMapping("/{tenant}/beteiligung/{id}/bearbeiten")
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  String update(
      @PathVariable("tenant") String tenant,
      @PathVariable("id") UUID id,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect) {
    ParticipationEvent before = events.find(id).orElseThrow(NotFoundException::new);
    Form form = Form.of(request.getParameterMap());
    try {
      work.update(form.toEvent(id, before.demo()));
      redirect.addFlashAttribute("success", "event.updated");
      return "redirect:/" + tenant + "/beteiligung/" + id;
    } catch (NotFoundException e) {
      throw e;
    } catch (DomainException e) {
      model.addAttribute("problem", message(e));
      return form(before, form, model);
    }
  }

  private String form(ParticipationEvent event, Form form, Model model) {
    model.addAttribute("event", event);
    model.addAttribute("form", form);
    model.addAttribute("formats", ParticipationEvent.Format.values());
    model.addAttribute("areas", figures.areas());
    return "planning/events/form";
  }

  private Map<UUID, String> areaNames() {
    Map<UUID, String> names = new java.util.HashMap<>();
    for (IndicatorFigures.AreaInfo a : figures.areas()) {
      names.put(a.id().value(), a.name());
    }
    return names;
  }

  private String message(DomainException e) {
    return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), Locale.GERMAN);
  }

  /** The form as sent; groups as parallel lists of names and counts, empty rows ignored. */
  record Form(
      String title,
      String format,
      String heldOn,
      String area,
      String results,
      List<String> groupName,
      List<String> groupPeople,
      int version) {

    static Form empty() {
      return new Form(null, "CONFERENCE", null, null, null, List.of(), List.of(), 0);
    }

    static Form of(ParticipationEvent e) {
      return new Form(
          e.title(),
          e.format().name(),
          e.heldOn().toString(),
          e.areaId() == null ? null : e.areaId().toString(),
          e.results(),
          e.groups().stream().map(ParticipationEvent.Group::name).toList(),
          e.groups().stream().map(g -> String.valueOf(g.people())).toList(),
          e.version());
    }

    static Form of(Map<String, String[]> p) {
      String v = FormValues.one(p, "version");
      int version;
      try {
        version = v == null || v.isBlank() ? 0 : Integer.parseInt(v.strip());
      } catch (NumberFormatException e) {
        version = -1;
      }
      return new Form(
          FormValues.one(p, "title"),
          FormValues.one(p, "format"),
          FormValues.one(p, "heldOn"),
          FormValues.one(p, "area"),
          FormValues.one(p, "results"),
          FormValues.all(p, "groupName"),
          FormValues.all(p, "groupPeople"),
          version);
    }

    /** The rows to show: the filled ones and empty rows up to {@link #GROUP_ROWS}. */
    public List<Integer> rows() {
      List<Integer> r = new ArrayList<>();
      for (int i = 0; i < Math.max(GROUP_ROWS, groupName.size() + 2); i++) {
        r.add(i);
      }
      return r;
    }

    public String name(int i) {
      return i < groupName.size() ? groupName.get(i) : "";
    }

    public String people(int i) {
      return i < groupPeople.size() ? groupPeople.get(i) : "";
    }

    ParticipationEvent toEvent(UUID id, boolean demo) {
      String t = Text.blankToNull(title);
      if (t == null) {
        throw new DomainException("event.title.required");
      }
      ParticipationEvent.Format f =
          FormValues.required(ParticipationEvent.Format.class, format, "event.format.invalid");
      LocalDate date;
      try {
        date = heldOn == null || heldOn.isBlank() ? null : LocalDate.parse(heldOn.strip());
      } catch (DateTimeParseException e) {
        throw new DomainException("event.heldOn.invalid", heldOn);
      }
      UUID areaId = FormValues.id(area);
      List<ParticipationEvent.Group> groups = new ArrayList<>();
      for (int i = 0; i < Math.max(groupName.size(), groupPeople.size()); i++) {
        String n = Text.blankToNull(name(i));
        String c = Text.blankToNull(people(i));
        if (n == null && c == null) {
          continue;
        }
        if (n == null) {
          throw new DomainException("event.group.nameMissing", i + 1);
        }
        int people;
        try {
          people = c == null ? 0 : Integer.parseInt(c.replace(".", ""));
        } catch (NumberFormatException e) {
          throw new DomainException("event.group.number", i + 1, c);
        }
        groups.add(new ParticipationEvent.Group(n, people));
      }
      if (version < 0) {
        throw new DomainException("need.invalidId", "version");
      }
      return new ParticipationEvent(
          id, t, f, date, areaId, Text.blankToNull(results), groups, demo, version);
    }
  }
}
