package com.trackagoat.compliance.console.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.trackagoat.compliance.api.key.ApiKeyFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The console's gate, for every path under {@code /console} (which {@link ApiKeyFilter} lets through only when
 * it lists it): without a valid session a page redirects to the sign-in form and any other request is 403; a
 * request that changes something (anything but GET and HEAD) must come from a console page: it must carry the
 * session's CSRF token in the {@value #CSRF_FIELD} field (the sign-in form: the sign-in cookie's token) and must
 * not be a cross-site fetch. The signed-in session is then a request attribute ({@link #SESSION}).
 *
 * <p>A filter rather than Spring Security: the console needs one cookie, one token and one check, which this
 * class does in the open and its tests pin down, beside the API's own filters (firewall, bearer keys) that
 * Spring Security's filter chain would have to be taught to leave alone.
 *
 * <p>Every console response also gets headers that keep the pages to themselves: a content security policy
 * allowing only the console's own stylesheet and forms (no script at all), no framing, no sniffing, no caching.
 * It runs after the API key filter ({@link ConsoleSessionConfiguration}).
 */
public class ConsoleGuard extends OncePerRequestFilter {

    /** The request attribute holding the {@link ConsoleSession}. */
    public static final String SESSION = "com.trackagoat.compliance.console.session.ConsoleSession";

    /** The hidden form field every console POST carries its CSRF token in. */
    public static final String CSRF_FIELD = "_csrf";

    public static final String SIGN_IN = "/console/sign-in";

    /** Console paths that need no session: the sign-in form (a POST there checks its own token) and the styles. */
    static final Set<String> OPEN = Set.of(SIGN_IN, "/console/console.css");

    static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private final ConsoleSessions sessions;
    private final ConsoleCookies cookies;

    ConsoleGuard(ConsoleSessions sessions, ConsoleCookies cookies) {
        this.sessions = sessions;
        this.cookies = cookies;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !(path.equals("/console") || path.startsWith("/console/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        protect(response);
        String path = path(request);
        boolean safe = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (!safe && isCrossSite(request)) {
            refuse(response, "A request from another site cannot act on the console.");
            return;
        }
        if (OPEN.contains(path)) {
            if (!safe && !Tokens.same(request.getParameter(CSRF_FIELD),
                    ConsoleCookies.read(request, ConsoleCookies.SIGN_IN).orElse(null))) {
                refuse(response, "The sign-in form has expired or was not sent from this console. "
                        + "Open the sign-in page again.");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        Optional<ConsoleSession> session = ConsoleCookies.read(request, ConsoleCookies.SESSION).flatMap(sessions::find);
        if (session.isEmpty()) {
            if (ConsoleCookies.read(request, ConsoleCookies.SESSION).isPresent()) {
                cookies.endSession(request, response);
            }
            if (safe) {
                response.setStatus(HttpStatus.SEE_OTHER.value());
                response.setHeader(HttpHeaders.LOCATION, SIGN_IN);
            } else {
                refuse(response, "You are not signed in (or your session has expired). Sign in first.");
            }
            return;
        }
        if (!safe && !Tokens.same(request.getParameter(CSRF_FIELD), session.get().csrfToken())) {
            refuse(response, "This form was not sent from a page of your session. Reload the page and try again.");
            return;
        }
        request.setAttribute(SESSION, session.get());
        chain.doFilter(request, response);
    }

    /** A browser says where a request came from (Fetch Metadata); anything but the console's own pages is refused. */
    private static boolean isCrossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        return site != null && !site.equals("same-origin") && !site.equals("none");
    }

    private static void protect(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** A 403 page; the messages are this class's own text, never the request's. */
    private static void refuse(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <title>Refused · goal-compliance console</title><link rel="stylesheet" href="/console/console.css">
                </head><body><main class="narrow"><h1>Refused</h1><p class="notice failed">%s</p>
                <p><a href="/console/sign-in">Sign in</a></p></main></body></html>
                """.formatted(message));
    }

    private static String path(HttpServletRequest request) {
        return request.getServletPath() + Objects.toString(request.getPathInfo(), "");
    }
}
