package de.lagebild.strategy.internal.imports;

import de.lagebild.platform.AllowRoles;
import de.lagebild.platform.Role;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The label dictionary of the goal-agreement import: {@code GET /api/v1/{tenant}/import-labels}
 * shows the built-in spellings, the tenant's own and the fields they may map to; {@code PUT} with
 * {@code {"own": {"Zuständiges Dezernat": "Verantwortlich"}}} replaces the tenant's own.
 */
@RestController
class ImportLabelApiController {

  record Dictionary(Map<String, String> builtIn, Map<String, String> own, List<String> fields) {}

  record OwnLabels(Map<String, String> own) {}

  private final ImportLabels labels;

  ImportLabelApiController(ImportLabels labels) {
    this.labels = labels;
  }

  @GetMapping(path = "/api/v1/{tenant}/import-labels", produces = MediaType.APPLICATION_JSON_VALUE)
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  Dictionary get(@PathVariable("tenant") String tenant) {
    return new Dictionary(ImportFields.builtIn(), labels.own(), ImportFields.fields());
  }

  @PutMapping(path = "/api/v1/{tenant}/import-labels", produces = MediaType.APPLICATION_JSON_VALUE)
  @AllowRoles({Role.ADMIN, Role.COORDINATOR})
  Dictionary put(@PathVariable("tenant") String tenant, @RequestBody OwnLabels body) {
    labels.replace(body == null || body.own() == null ? Map.of() : body.own());
    return new Dictionary(ImportFields.builtIn(), labels.own(), ImportFields.fields());
  }
}
