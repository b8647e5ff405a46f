package de.lagebild.web.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Title, licence and the bearer-token scheme of the API description at /v3/api-docs. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI lagebildApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Lagebild API")
                .version("v1")
                .description(
                    "Interface for scripts and other systems of a district: strategy import (with dry run) and "
                        + "export, needs, surveys, gap analysis, the social atlas (areas, indicators, values, "
                        + "map data, statistics and geometry imports) and the offer catalogue in HSDS 3.0. "
                        + "Authenticate with a personal API token (profile → API-Tokens) as "
                        + "'Authorization: Bearer <token>'; a token is valid for one tenant. Operations "
                        + "without a security requirement are open without login for public tenants. "
                        + "Imports check first (dryRun=true is the default) and write in one transaction. "
                        + "Errors are RFC 9457 problems (application/problem+json) with a German detail.")
                .license(new License().name("EUPL-1.2")))
        .components(
            new Components()
                .addSecuritySchemes(
                    "token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
        .addSecurityItem(new SecurityRequirement().addList("token"));
  }
}
