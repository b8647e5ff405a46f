package de.lagebild.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API description a district's developer reads: every operation with summary and description,
 * every parameter described, the public operations marked as needing no token, problem responses,
 * and no answer typed as bare bytes where it is JSON.
 */
@IntegrationTest
class ApiDocsIntegrationTests extends DatabaseProperties {

  /** Operations open without login for public tenants. */
  static final Set<String> PUBLIC =
      Set.of(
          "get /api/v1/{tenant}/services",
          "get /api/v1/{tenant}/services/{id}",
          "get /api/v1/{tenant}/organizations",
          "get /api/v1/{tenant}/organizations/{id}",
          "get /api/v1/{tenant}/locations",
          "get /api/v1/{tenant}/taxonomy_terms",
          "get /api/v1/{tenant}/taxonomy_terms/{id}",
          "get /api/v1/{tenant}/hsds",
          "get /api/v1/{tenant}/hsds-export",
          "get /api/v1/{tenant}/hsds-export.zip",
          "get /api/v1/{tenant}/values",
          "get /api/v1/{tenant}/map-data",
          "get /api/v1/{tenant}/indicators",
          "get /api/v1/{tenant}/areas");

  @Autowired MockMvc mvc;

  @Test
  void everyOperationAndParameterIsDescribedAndPublicOnesNeedNoToken() throws Exception {
    JsonNode api =
        JsonMapper.builder()
            .build()
            .readTree(
                mvc.perform(get("/v3/api-docs"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
    assertThat(api.path("security").toString()).contains("token");
    List<String> missing = new ArrayList<>();
    int operations = 0;
    int parameters = 0;
    for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> m : path.getValue().properties()) {
        String op = m.getKey() + " " + path.getKey();
        JsonNode o = m.getValue();
        operations++;
        if (o.path("summary").asString("").isBlank()) {
          missing.add(op + ": summary");
        }
        if (o.path("description").asString("").isBlank()) {
          missing.add(op + ": description");
        }
        for (JsonNode p : o.path("parameters")) {
          parameters++;
          if (p.path("description").asString("").isBlank()) {
            missing.add(op + ": parameter " + p.path("name").asString());
          }
        }
        if (PUBLIC.contains(op)) {
          assertThat(o.has("security")).as(op).isTrue();
          assertThat(o.path("security").size()).as(op + " needs no token").isZero();
        } else {
          assertThat(o.has("security")).as(op + " uses the token of the API").isFalse();
          assertThat(o.path("responses").has("401")).as(op).isTrue();
        }
        assertThat(o.path("responses").path("400").path("content").has("application/problem+json"))
            .as(op)
            .isTrue();
        for (JsonNode r : o.path("responses")) {
          for (Map.Entry<String, JsonNode> c : r.path("content").properties()) {
            if (c.getKey().contains("json")) {
              assertThat(c.getValue().path("schema").path("format").asString(""))
                  .as(op + " " + c.getKey())
                  .isNotEqualTo("byte");
            }
          }
        }
      }
    }
    assertThat(missing).isEmpty();
    assertThat(operations).isGreaterThanOrEqualTo(28);
    assertThat(parameters).isGreaterThanOrEqualTo(100);
    // the public operations exist under these names
    for (String op : PUBLIC) {
      String[] parts = op.split(" ", 2);
      assertThat(api.path("paths").path(parts[1]).has(parts[0])).as(op).isTrue();
    }
  }
}
