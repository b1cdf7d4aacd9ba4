package com.trackagoat.compliance.api;

import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;

/**
 * The read API's OpenAPI document (springdoc: {@code /v3/api-docs}, {@code /v3/api-docs.yaml}), public like
 * any API reference. Every operation needs {@code Authorization: Bearer tga_<key>}. The server is the
 * relative URL {@code /}: springdoc would otherwise build it from the request's {@code Host} header, which a
 * caller chooses, and publish whatever host it was sent.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "goal-compliance read API", version = "v1",
                description = "Goal compliance, history and payout eligibility. Every response is the envelope "
                        + "{\"data\": ..., \"error\": null | {\"code\", \"message\"}, \"meta\": {...}}. "
                        + "401 without or with a bad key, 404 for a project that is not the caller "
                        + "organization's, 400 for a bad parameter (the message names it)."),
        servers = @Server(url = "/", description = "the host this document was read from"),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "tga_<key>")
class OpenApiConfiguration {
}
