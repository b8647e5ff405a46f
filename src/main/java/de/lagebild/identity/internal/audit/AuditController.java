package de.lagebild.identity.internal.audit;

import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.AuditEvent;
import de.lagebild.platform.AuditLog;
import de.lagebild.platform.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The audit log of the tenant, newest first, with before and after of every changed field. */
@Controller
class AuditController {

  static final int PAGE_SIZE = 50;

  private final AuditLog audit;
  private final JsonMapper json;
  private final AuditLabels labels;

  AuditController(AuditLog audit, JsonMapper json, AuditLabels labels) {
    this.audit = audit;
    this.json = json;
    this.labels = labels;
  }

  /** One changed field, in German: its label and the labels of the values before and after. */
  record Change(String field, String before, String after) {}

  record Row(AuditEvent event, List<Change> changes) {}

  @GetMapping("/{tenant}/verwaltung/protokoll")
  @AllowRoles(Role.ADMIN)
  String list(
      @PathVariable("tenant") String tenant,
      @RequestParam(name = "seite", defaultValue = "1") int page,
      Model model) {
    int total = audit.count();
    int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    int current = Math.min(Math.max(1, page), pages);
    model.addAttribute(
        "rows",
        audit.recent(null, (current - 1) * PAGE_SIZE, PAGE_SIZE).stream()
            .map(e -> new Row(e, changes(e)))
            .toList());
    model.addAttribute("page", current);
    model.addAttribute("pages", pages);
    model.addAttribute("total", total);
    return "identity/audit/audit";
  }

  /** Only the fields that differ (all fields for creation and deletion). */
  List<Change> changes(AuditEvent e) {
    Map<String, Object> before = parse(e.beforeJson());
    Map<String, Object> after = parse(e.afterJson());
    Set<String> keys = new LinkedHashSet<>(before.keySet());
    keys.addAll(after.keySet());
    List<Change> result = new ArrayList<>();
    for (String k : keys) {
      Object b = before.get(k);
      Object a = after.get(k);
      if (e.beforeJson() == null || e.afterJson() == null || !Objects.equals(a, b)) {
        result.add(
            new Change(
                labels.field(k),
                b == null ? null : labels.value(k, b),
                a == null ? null : labels.value(k, a)));
      }
    }
    return result;
  }

  private Map<String, Object> parse(String text) {
    if (text == null) {
      return Map.of();
    }
    return json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {});
  }
}
