package com.trackagoat.compliance.api.key;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.trackagoat.compliance.body.BodyJson;
import com.trackagoat.compliance.body.Envelope;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every request under {@code /api/} needs {@code Authorization: Bearer tga_<key>} with a key that is not
 * revoked; otherwise 401 with the envelope. The caller's organization is then a request attribute
 * ({@link #CALLER}), which the controllers use for every read.
 */
@Component
public class ApiKeyFilter extends OncePerRequestFilter {

    /** The request attribute holding the {@link ApiCaller}. */
    public static final String CALLER = "com.trackagoat.compliance.api.key.ApiCaller";

    private static final String BEARER = "bearer ";

    private final ApiKeys keys;

    ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<ApiCaller> caller = bearerToken(request).flatMap(keys::authenticate);
        if (caller.isEmpty()) {
            refuse(response, request.getHeader(HttpHeaders.AUTHORIZATION) == null
                    ? "missing Authorization header: send Authorization: Bearer tga_<key>"
                    : "invalid or revoked API key");
            return;
        }
        request.setAttribute(CALLER, caller.get());
        chain.doFilter(request, response);
    }

    private static Optional<String> bearerToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).strip());
    }

    private static void refuse(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"goal-compliance\"");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(BodyJson.write(Envelope.error("unauthorized", message)));
    }
}
