package de.lagebild.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import de.lagebild.support.DatabaseProperties;
import de.lagebild.support.IntegrationTest;
import de.lagebild.support.Logins;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Logs in as the administrator of tenant A and calls every endpoint of the application – taken from
 * the handler mappings, so new endpoints are covered without touching this test – with the slug and
 * the identifiers of tenant B. Every call must answer 403 or 404, and B's data must be unchanged
 * afterwards. A 400 counts as a failure too: it means the request did not reach the identifier
 * check, so {@link #FORM} needs the new endpoint's parameters.
 */
@IntegrationTest
class TenantIsolationIntegrationTests extends DatabaseProperties {

  static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

  @Autowired MockMvc mvc;
  @Autowired DSLContext dsl;
  @Autowired UserDetailsService userDetails;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  record Call(RequestMethod method, String path, String id) {}

  @Test
  void noEndpointReadsOrChangesAnotherTenantsData() throws Exception {
    IsolationFixture b = IsolationFixture.createTenantB(dsl);
    Map<String, String> snapshotBefore = snapshot(b.tenantId());

    List<Call> calls = calls(Map.of("tenant", b.slug()), b.ids());
    assertThat(IsolationFixture.tenantTables(dsl))
        .contains("membership", "responsible_unit", "audit_event");
    assertThat(calls).as("tenant endpoints found in the handler mappings").hasSizeGreaterThan(15);
    List<String> leaks = new ArrayList<>();
    Logins logins = new Logins(userDetails);
    for (Call call : calls) {
      int status = perform(call, logins);
      if (status != 403 && status != 404) {
        leaks.add(call + " -> " + status);
      }
    }
    assertThat(leaks).as("endpoints that answered for another tenant").isEmpty();
    assertThat(snapshot(b.tenantId())).isEqualTo(snapshotBefore);
  }

  @Test
  void identifiersOfAnotherTenantAreNotFoundInTheOwnTenant() throws Exception {
    IsolationFixture b = IsolationFixture.createTenantB(dsl);
    Map<String, String> snapshotBefore = snapshot(b.tenantId());
    // own slug, foreign ids: only endpoints with an id variable are meaningful here
    List<Call> calls =
        calls(Map.of("tenant", "saalfeld-rudolstadt"), b.ids()).stream()
            .filter(c -> b.ids().stream().anyMatch(id -> c.path().contains(id.toString())))
            .toList();
    assertThat(calls).hasSizeGreaterThan(3);
    List<String> leaks = new ArrayList<>();
    Logins logins = new Logins(userDetails);
    for (Call call : calls) {
      int status = perform(call, logins);
      if (status != 403 && status != 404) {
        leaks.add(call + " -> " + status);
      }
    }
    assertThat(leaks).as("endpoints that resolved a foreign identifier").isEmpty();
    assertThat(snapshot(b.tenantId())).isEqualTo(snapshotBefore);
  }

  private int perform(Call call, Logins logins) throws Exception {
    MockHttpServletRequestBuilder request =
        MockMvcRequestBuilders.request(HttpMethod.valueOf(call.method().name()), call.path())
            .with(logins.as("sr-admin"))
            .accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, MediaType.ALL);
    if (call.method() != RequestMethod.GET) {
      request.with(csrf());
      FORM.forEach(request::param);
      // identifiers in the body are the foreign ones too
      for (String name :
          new String[] {
            "goal",
            "goalId",
            "parent",
            "units",
            "unit",
            "strategy",
            "ziel",
            "einheit",
            "indicator",
            "area"
          }) {
        request.param(name, call.id());
      }
    }
    return mvc.perform(request).andReturn().getResponse().getStatus();
  }

  /**
   * Plausible values for every form field the application has, so a POST would change something if
   * allowed.
   */
  static final Map<String, String> FORM = new LinkedHashMap<>();

  static {
    FORM.put("name", "Übernommen");
    FORM.put("shortName", "X");
    FORM.put("description", "X");
    FORM.put("kind", "LANDKREIS");
    FORM.put("officialKey", "16062");
    FORM.put("publicVisible", "true");
    FORM.put("active", "false");
    FORM.put("version", "0");
    FORM.put("role", "ADMIN");
    FORM.put("username", "eindringling");
    FORM.put("email", "eindringling@example.org");
    FORM.put("displayName", "Eindringling");
    FORM.put("password", "eindringling-123");
    FORM.put("title", "X");
    FORM.put("text", "X");
    FORM.put("decision", "ACCEPTED");
    FORM.put("comment", "übernommen");
    FORM.put("state", "IN_REVIEW");
    FORM.put("statusCode", "IN_PROGRESS");
    FORM.put("progress", "90");
    FORM.put("narrative", "übernommen");
    FORM.put("richtung", "hoch");
    FORM.put("publish", "true");
    FORM.put("defaultProgress", "50");
    FORM.put("colour", "#000000");
    FORM.put("symbol", "X");
    FORM.put("label", "Übernommen");
    FORM.put("due", "2030");
    FORM.put("doneOn", "2030-01-01");
    FORM.put("levelNames", "A, B");
    FORM.put("status", "DECIDED");
    FORM.put("visibility", "PUBLIC");
    FORM.put("code", "X1");
    FORM.put("scope", "strategie");
    FORM.put("token", "00000000-0000-0000-0000-000000000000");
    FORM.put("publisher", "Übernommen");
    FORM.put("format", "pdf");
    FORM.put("organisation", "00000000-0000-0000-0000-000000000000");
    FORM.put("user", "00000000-0000-0000-0000-000000000000");
    FORM.put("parent", "");
    FORM.put("latitude", "51,5");
    FORM.put("longitude", "10,8");
  }

  /** Every application endpoint whose path names a tenant, with its variables filled in. */
  List<Call> calls(Map<String, String> fixed, List<UUID> ids) {
    List<Call> calls = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
      if (!e.getValue().getBeanType().getName().startsWith("de.lagebild.")) {
        continue;
      }
      Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
      for (String pattern : e.getKey().getPatternValues()) {
        if (!pattern.contains("{tenant}")) {
          continue;
        }
        for (RequestMethod method :
            methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
          for (UUID id : ids) {
            calls.add(new Call(method, fill(pattern, fixed, id.toString()), id.toString()));
          }
        }
      }
    }
    return calls.stream().distinct().toList();
  }

  /** Fixed variables by name; every other variable (an identifier) gets {@code id}. */
  static String fill(String pattern, Map<String, String> fixed, String id) {
    Matcher m = VARIABLE.matcher(pattern);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value = fixed.getOrDefault(name, id);
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /**
   * Everything stored for tenant B, as text: rows of every tenant-owned table, and the tenant row
   * itself.
   */
  Map<String, String> snapshot(UUID tenantId) {
    Map<String, String> result = new LinkedHashMap<>();
    for (String table : IsolationFixture.tenantTables(dsl)) {
      List<String> rows =
          dsl
              .resultQuery("select * from " + table + " where tenant_id = ?", tenantId.toString())
              .fetch()
              .stream()
              .map(Record::toString)
              .sorted()
              .toList();
      result.put(table, String.join("\n", rows));
    }
    result.put(
        "tenant",
        dsl.resultQuery("select * from tenant where id = ?", tenantId.toString())
            .fetch()
            .toString());
    return result;
  }
}
