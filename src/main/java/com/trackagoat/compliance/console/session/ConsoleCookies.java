package com.trackagoat.compliance.console.session;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import com.trackagoat.compliance.system.GoalComplianceProperties;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The console's two cookies, both {@code HttpOnly} (no script reads them), {@code SameSite=Strict} (no other
 * site's page sends them) and limited to {@code /console}: the session's token, and the sign-in form's token
 * (compared with the form's hidden field, so that another site cannot post a sign-in either).
 */
@Component
public class ConsoleCookies {

    /** The session's secret token. */
    public static final String SESSION = "gc_console";

    /** The sign-in form's token, the same as the form's hidden {@value ConsoleGuard#CSRF_FIELD} field. */
    public static final String SIGN_IN = "gc_console_sign_in";

    /** How long a sign-in form may be left open before it is sent. */
    static final Duration SIGN_IN_FORM = Duration.ofHours(1);

    private static final String PATH = "/console";

    private final boolean alwaysSecure;

    ConsoleCookies(GoalComplianceProperties properties) {
        this.alwaysSecure = properties.getConsole().isSecureCookie();
    }

    /** Sets the session cookie for as long as the session lasts. */
    public void startSession(HttpServletRequest request, HttpServletResponse response, ConsoleSessions.Started session,
                             Duration lifetime) {
        set(request, response, SESSION, session.token(), lifetime);
        set(request, response, SIGN_IN, "", Duration.ZERO);
    }

    /** Clears the session cookie (sign-out, or a session that is no longer valid). */
    public void endSession(HttpServletRequest request, HttpServletResponse response) {
        set(request, response, SESSION, "", Duration.ZERO);
    }

    /** A new sign-in form token, set as its cookie; the form carries it in its hidden field. */
    public String newSignInToken(HttpServletRequest request, HttpServletResponse response) {
        String token = Tokens.random();
        set(request, response, SIGN_IN, token, SIGN_IN_FORM);
        return token;
    }

    /** The session token the request's cookie carries, if any. */
    public static Optional<String> sessionToken(HttpServletRequest request) {
        return read(request, SESSION);
    }

    static Optional<String> read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies).filter(c -> c.getName().equals(name))
                .map(Cookie::getValue).filter(v -> !v.isEmpty()).findFirst();
    }

    private void set(HttpServletRequest request, HttpServletResponse response, String name, String value,
                     Duration maxAge) {
        ResponseCookie cookie = ResponseCookie.from(name, value).path(PATH).maxAge(maxAge).httpOnly(true)
                .sameSite("Strict").secure(alwaysSecure || request.isSecure()).build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
