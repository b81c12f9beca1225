package com.medsales.identity.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document says how to authenticate: a bearer token, or the web app's session cookie.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiSecurity {

  @Bean
  OpenAPI medsalesOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("MedSales API")
                .version("v1")
                .description(
                    "Get a bearer token with POST /api/v1/auth/token; every other /api/v1 operation needs it "
                        + "(or the web app's session cookie with its X-XSRF-TOKEN header)."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"))
                .addSecuritySchemes(
                    "session",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.COOKIE)
                        .name("MEDSALES_SESSION")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"))
        .addSecurityItem(new SecurityRequirement().addList("session"));
  }
}
