package de.lagebild.web.internal;

import de.lagebild.platform.AllowPublic;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;

/**
 * Makes /v3/api-docs usable without reading the code: summaries and descriptions of every operation
 * and parameter from {@code openapi/operations.properties} (keyed by controller and method), no
 * security requirement on operations open to the public ({@link AllowPublic}), the RFC 9457 problem
 * responses, and typed schemas for the answers springdoc only sees as bytes.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

  static final String PROBLEM = "application/problem+json";

  private final Properties texts = load();

  private static Properties load() {
    Properties p = new Properties();
    try (Reader r =
        new InputStreamReader(
            ApiDocumentation.class.getResourceAsStream("/openapi/operations.properties"),
            StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  @Bean
  OperationCustomizer documentedOperations() {
    return (Operation op, HandlerMethod handler) -> {
      String key = handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName();
      op.setSummary(texts.getProperty(key + ".summary", op.getSummary()));
      op.setDescription(texts.getProperty(key + ".description", op.getDescription()));
      if (op.getParameters() != null) {
        for (Parameter p : op.getParameters()) {
          String text =
              texts.getProperty(
                  key + ".param." + p.getName(), texts.getProperty("param." + p.getName()));
          if (text != null) {
            p.setDescription(text);
          }
        }
      }
      boolean open = handler.hasMethodAnnotation(AllowPublic.class);
      if (open) {
        // no login needed where the tenant is public; a token still works
        op.setSecurity(List.of());
      }
      ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
      responses.putIfAbsent(
          "400",
          problem("Bad input: a German message naming the field (and line) and the reason."));
      if (!open) {
        responses.putIfAbsent("401", problem("No or an invalid API token."));
        responses.putIfAbsent("403", problem("The token's user lacks the role for this."));
      }
      responses.putIfAbsent(
          "404", problem("The tenant, or the object, does not exist (or is not public)."));
      responses.putIfAbsent("429", problem("Too many requests without login; see Retry-After."));
      op.setResponses(responses);
      return op;
    };
  }

  private static ApiResponse problem(String description) {
    Schema<?> schema =
        new ObjectSchema()
            .addProperty("type", new StringSchema())
            .addProperty("title", new StringSchema())
            .addProperty("status", new io.swagger.v3.oas.models.media.IntegerSchema())
            .addProperty("detail", new StringSchema().description("German, for people"))
            .addProperty("instance", new StringSchema());
    return new ApiResponse()
        .description(description)
        .content(new Content().addMediaType(PROBLEM, new MediaType().schema(schema)));
  }

  /** Answers that are written as bytes get the schema of what they are. */
  @Bean
  OpenApiCustomizer typedByteAnswers() {
    return api -> {
      if (api.getPaths() == null) {
        return;
      }
      api.getPaths()
          .values()
          .forEach(
              item ->
                  item.readOperations()
                      .forEach(
                          op -> {
                            if (op.getResponses() == null) {
                              return;
                            }
                            op.getResponses().values().forEach(ApiDocumentation::type);
                          }));
    };
  }

  private static void type(ApiResponse r) {
    if (r.getContent() == null) {
      return;
    }
    for (Map.Entry<String, MediaType> e : r.getContent().entrySet()) {
      Schema<?> s = e.getValue().getSchema();
      // OpenAPI 3.1 keeps the type in getTypes()
      if (s == null || !"byte".equals(s.getFormat())) {
        continue;
      }
      String type = e.getKey();
      if (type.contains("json")) {
        e.getValue()
            .setSchema(
                new ObjectSchema()
                    .description(
                        "GeoJSON FeatureCollection: one feature per area with its geometry and the"
                            + " properties name, key, value, class, colour")
                    .addProperty("type", new StringSchema()._enum(List.of("FeatureCollection")))
                    .addProperty(
                        "features",
                        new io.swagger.v3.oas.models.media.ArraySchema()
                            .items(new ObjectSchema())));
      } else {
        e.getValue().setSchema(new StringSchema().format("binary"));
      }
    }
  }
}
