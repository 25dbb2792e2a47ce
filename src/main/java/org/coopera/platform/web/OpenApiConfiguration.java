package org.coopera.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The description of the API served at {@code /api/docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static final String BEARER = "personal-token";

  @Bean
  OpenAPI cooperaOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Coopera API")
                .version("v1")
                .description(
                    "Open data and operations of Coopera. Every list answers {\"total\", \"page\","
                        + " \"size\", \"items\"}; errors are RFC 9457 Problem Details with a"
                        + " stable \"code\". Public data needs no token; everything else takes a"
                        + " personal API token (POST /api/v1/tokens) as Authorization: Bearer.")
                .license(
                    new License()
                        .name("Apache License 2.0")
                        .url("https://www.apache.org/licenses/LICENSE-2.0")))
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("A personal API token, cpa_…")))
        .addSecurityItem(new SecurityRequirement().addList(BEARER));
  }
}
