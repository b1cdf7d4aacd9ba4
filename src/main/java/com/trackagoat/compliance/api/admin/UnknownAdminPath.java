package com.trackagoat.compliance.api.admin;

import java.util.List;
import java.util.Objects;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import com.trackagoat.compliance.api.ApiException;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Any other path or method under {@code /api/v1/admin/}: 405 naming the method an endpoint answers, else 404
 * listing the endpoints. More specific mappings win over this one (and over the read API's fallback).
 */
@Hidden
@RestController
class UnknownAdminPath {

    private record Endpoint(String method, PathPattern pattern) {

        Endpoint(String method, String pattern) {
            this(method, PathPatternParser.defaultInstance.parse(pattern));
        }
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/admin/runs"),
            new Endpoint("GET", "/api/v1/admin/actions"),
            new Endpoint("POST", "/api/v1/admin/runs/{phase}/{as_of}/resume"),
            new Endpoint("POST", "/api/v1/admin/runs/{phase}/{as_of}/rerun"),
            new Endpoint("POST", "/api/v1/admin/backfill"));

    @RequestMapping({"/api/v1/admin", "/api/v1/admin/**"})
    void refuse(HttpServletRequest request) {
        // as the API key filter reads it: the servlet path (Tomcat) or the path info (MockMvc)
        PathContainer path = PathContainer.parsePath(request.getServletPath()
                + Objects.toString(request.getPathInfo(), ""));
        for (Endpoint endpoint : ENDPOINTS) {
            if (endpoint.pattern().matches(path)) {
                throw new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
                        request.getMethod() + " is not supported: " + endpoint.pattern() + " answers "
                                + endpoint.method() + " only");
            }
        }
        throw ApiException.notFound("no endpoint " + request.getRequestURI() + " (the admin API: GET runs,"
                + " GET actions, POST runs/{phase}/{as_of}/resume, POST runs/{phase}/{as_of}/rerun, POST backfill)");
    }
}
