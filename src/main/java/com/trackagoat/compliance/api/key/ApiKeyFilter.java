package com.trackagoat.compliance.api.key;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.trackagoat.compliance.api.web.ErrorEnvelopes;
import com.trackagoat.compliance.api.web.RequestFirewall;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every request needs {@code Authorization: Bearer tga_<key>} with a key that is not revoked and has not
 * expired, except the few public paths ({@link #PUBLIC}) and the console's ({@link #CONSOLE}, which checks a
 * session of its own instead); otherwise 401 with the envelope. The caller is then a
 * request attribute ({@link #CALLER}), which the controllers use for every read. Paths under {@link #ADMIN}
 * need an admin key: an organization's key gets 403 there, whether the path exists or not.
 *
 * <p>The filter covers every path, not only {@code /api/}, so that an endpoint added later is never public by
 * omission. It decides on the servlet path, which the {@link RequestFirewall} (running first) has made sure
 * is the path Spring MVC routes by. {@code /actuator/**} is a 404 here for everyone: the actuator answers on
 * the management port only.
 */
@Component
@Order(RequestFirewall.ORDER + 10)
public class ApiKeyFilter extends OncePerRequestFilter {

    /** The request attribute holding the {@link ApiCaller}. */
    public static final String CALLER = "com.trackagoat.compliance.api.key.ApiCaller";

    /** Paths anybody may read: the read API's OpenAPI document, public like any API reference. */
    static final Set<String> PUBLIC = Set.of("/v3/api-docs", "/v3/api-docs.yaml");

    /**
     * The console's pages, actions and stylesheet: no bearer key here, each guarded by the console's own session
     * check ({@code console.session.ConsoleGuard}: a page without a session redirects to its sign-in form).
     * Listed one by one, like {@link #PUBLIC}, so that no path is let through by omission: another path under
     * {@code /console} still needs a key (401).
     */
    public static final Set<String> CONSOLE = Set.of("/console", "/console/sign-in", "/console/sign-out",
            "/console/console.css", "/console/coverage", "/console/run", "/console/run/resume", "/console/run/rerun",
            "/console/rejects", "/console/payouts", "/console/payouts.csv", "/console/goal", "/console/webhooks",
            "/console/webhooks/event");

    /** The admin API: admin keys only. */
    public static final String ADMIN = "/api/v1/admin";

    private static final String ACTUATOR = "/actuator";
    private static final String BEARER = "bearer ";

    private final ApiKeys keys;

    ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
        if (PUBLIC.contains(path) || CONSOLE.contains(path)) {
            chain.doFilter(request, response);
            return;
        }
        if (path.equals(ACTUATOR) || path.startsWith(ACTUATOR + "/")) {
            ErrorEnvelopes.write(response, HttpStatus.NOT_FOUND.value(), "not_found",
                    "no endpoint " + path + " on this port: the actuator answers on the management port");
            return;
        }
        ApiKeys.Check check = bearerToken(request).map(keys::authenticate).orElseGet(ApiKeys.Check.Invalid::new);
        if (!(check instanceof ApiKeys.Check.Valid valid)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"goal-compliance\"");
            ErrorEnvelopes.write(response, HttpStatus.UNAUTHORIZED.value(), "unauthorized",
                    check instanceof ApiKeys.Check.Expired ? "API key expired"
                            : request.getHeader(HttpHeaders.AUTHORIZATION) == null
                            ? "missing Authorization header: send Authorization: Bearer tga_<key>"
                            : "invalid or revoked API key");
            return;
        }
        ApiCaller caller = valid.caller();
        if (!caller.admin() && (path.equals(ADMIN) || path.startsWith(ADMIN + "/"))) {
            ErrorEnvelopes.write(response, HttpStatus.FORBIDDEN.value(), "forbidden",
                    "the admin API needs an admin key (api-key create --admin); this key is an organization's");
            return;
        }
        request.setAttribute(CALLER, caller);
        chain.doFilter(request, response);
    }

    private static Optional<String> bearerToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).strip());
    }
}
