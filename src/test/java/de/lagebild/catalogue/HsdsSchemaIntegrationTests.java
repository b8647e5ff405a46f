package de.lagebild.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HSDS export and read API checked against the HSDS 3.0 JSON schemas in {@code
 * src/test/resources/hsds} (see SOURCES.md there): every published demo offer as a service, every
 * organisation and location, the paging envelope and the download – with format assertions (UUIDs,
 * e-mail addresses, URIs, dates) switched on. A broken document is rejected, so the check can fail.
 */
@IntegrationTest
class HsdsSchemaIntegrationTests extends DatabaseProperties {

  static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;

  static Schema schema(String name) {
    return REGISTRY.getSchema(SchemaLocation.of("classpath:hsds/" + name + ".json"));
  }

  static List<String> errors(String schema, JsonNode node) {
    List<String> out = new ArrayList<>();
    for (Error e :
        schema(schema)
            .validate(node, c -> c.executionConfig(b -> b.formatAssertionsEnabled(true)))) {
      out.add(e.getInstanceLocation() + ": " + e.getMessage());
    }
    return out;
  }

  JsonNode read(String url) throws Exception {
    return JSON.readTree(
        mvc.perform(get(url))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  @Test
  void everyPublishedServiceOrganisationAndLocationValidates() throws Exception {
    JsonNode page = read("/api/v1/nordhausen/services?per_page=500");
    assertThat(errors("page", page)).isEmpty();
    assertThat(page.path("contents").size()).isGreaterThanOrEqualTo(60);
    for (JsonNode service : page.path("contents")) {
      assertThat(errors("service", service)).as(service.path("name").asString()).isEmpty();
    }
    JsonNode one =
        read("/api/v1/nordhausen/services/" + page.path("contents").get(0).path("id").asString());
    assertThat(errors("service", one)).isEmpty();
    JsonNode organizations = read("/api/v1/nordhausen/organizations?per_page=500");
    assertThat(errors("page", organizations)).isEmpty();
    assertThat(organizations.path("contents").size()).isGreaterThanOrEqualTo(11);
    for (JsonNode o : organizations.path("contents")) {
      assertThat(errors("organization", o)).as(o.path("name").asString()).isEmpty();
    }
    String first = organizations.path("contents").get(0).path("id").asString();
    JsonNode organization = read("/api/v1/nordhausen/organizations/" + first);
    assertThat(errors("organization", organization)).isEmpty();
    assertThat(organization.path("locations").size()).isPositive();
    JsonNode terms = read("/api/v1/nordhausen/taxonomy_terms?per_page=500");
    assertThat(errors("page", terms)).isEmpty();
    assertThat(terms.path("total_items").asInt()).isGreaterThanOrEqualTo(20);
    for (JsonNode t : terms.path("contents")) {
      assertThat(errors("taxonomy_term", t)).as(t.path("name").asString()).isEmpty();
    }
    assertThat(
            errors(
                "taxonomy_term",
                read(
                    "/api/v1/nordhausen/taxonomy_terms/"
                        + terms.path("contents").get(0).path("id").asString())))
        .isEmpty();
    assertThat(read("/api/v1/nordhausen/hsds").path("version").asString()).isEqualTo("3.0");
    JsonNode locations = read("/api/v1/nordhausen/locations?per_page=500");
    assertThat(errors("page", locations)).isEmpty();
    for (JsonNode l : locations.path("contents")) {
      assertThat(errors("location", l)).as(l.path("name").asString()).isEmpty();
    }
  }

  @Test
  void theExportIsADownloadOfValidServices() throws Exception {
    var response =
        mvc.perform(get("/api/v1/nordhausen/hsds-export"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse();
    assertThat(response.getHeader("Content-Disposition"))
        .contains("attachment")
        .contains("nordhausen-angebote-hsds.json");
    JsonNode services = JSON.readTree(response.getContentAsString());
    assertThat(services.isArray()).isTrue();
    JsonNode page = read("/api/v1/nordhausen/services?per_page=500");
    assertThat(services.size()).isEqualTo(page.path("total_items").asInt());
    for (JsonNode service : services) {
      assertThat(errors("service", service)).as(service.path("name").asString()).isEmpty();
    }
    // with its nested organisation, locations and taxonomy terms
    JsonNode debt = null;
    for (JsonNode s : services) {
      if (s.path("name").asString().equals("Schuldner- und Insolvenzberatung")) {
        debt = s;
      }
    }
    assertThat(debt).isNotNull();
    assertThat(debt.path("organization").path("name").asString()).isNotBlank();
    assertThat(
            debt.path("service_at_locations")
                .get(0)
                .path("location")
                .path("addresses")
                .get(0)
                .path("city")
                .asString())
        .isNotBlank();
    assertThat(debt.path("attributes").get(0).path("taxonomy_term").path("name").asString())
        .isNotBlank();
  }

  @Test
  void theSchemasRejectABrokenService() throws Exception {
    JsonNode page = read("/api/v1/nordhausen/services?search=Schuldnerberatung&per_page=1");
    ObjectNode service = (ObjectNode) page.path("contents").get(0).deepCopy();
    assertThat(errors("service", service)).isEmpty();
    service.remove("name");
    service.put("status", "offen");
    service.put("id", "Schuldnerberatung-1");
    service.put("email", "keine Adresse");
    service.put("minimum_age", "achtzehn");
    ((ObjectNode) service.path("schedules").get(0)).put("freq", "DAILY");
    ((ObjectNode) service.path("service_at_locations").get(0).path("location"))
        .put("location_type", "building");
    List<String> errors = errors("service", service);
    assertThat(errors).hasSize(7);
    assertThat(String.join("\n", errors))
        .contains("required property 'name'")
        .contains("/status:")
        .contains("/id:")
        .contains("/email:")
        .contains("/minimum_age:")
        .contains("/schedules/0/freq:")
        .contains("/service_at_locations/0/location/location_type:");
  }
}
