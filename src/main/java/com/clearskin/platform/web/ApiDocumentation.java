package com.clearskin.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /api/docs} (and browsable at {@code /api/explorer}). */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI clearskinApi() {
        return new OpenAPI()
                .info(new Info().title("Clearskin API").version("v1")
                        .description("Treatment catalog, recommendations, clinics and accounts of Clearskin. Errors are "
                                + "application/problem+json (RFC 9457); a 400 lists each offending field under "
                                + "'errors'. Authenticate with POST /api/v1/auth/tokens and send "
                                + "'Authorization: Bearer' followed by the token."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")));
    }
}
