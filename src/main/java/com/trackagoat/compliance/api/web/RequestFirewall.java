package com.trackagoat.compliance.api.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses, before anything else looks at a request, what would make two readers of it disagree:
 * <ul>
 * <li>a path the servlet container rewrites ({@code ;} path parameters, {@code .}/{@code ..} segments,
 * repeated slashes) or one with control characters. Tomcat maps the rewritten path while Spring MVC matches
 * the raw one, so a filter deciding on one and a controller chosen by the other could disagree about which
 * endpoint was called; once the decoded raw path equals the servlet path, they cannot.
 * Percent-encoded letters ({@code /%61pi}) decode to the same path for both and are accepted.</li>
 * <li>a query string Tomcat cannot parse (a nameless parameter, a bad {@code %} escape, bytes that are not
 * UTF-8), which Tomcat would otherwise report as an exception from the first {@code getParameter}, and
 * control characters in a parameter's name or value.</li>
 * </ul>
 * Each is a 400 in the envelope, naming the parameter where there is one.
 */
@Component
@Order(RequestFirewall.ORDER)
public class RequestFirewall extends OncePerRequestFilter {

    /** Runs first among the application's filters; the API key filter runs after it. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private static final String NOT_CANONICAL = "the path is not in canonical form: path parameters (;), "
            + ". or .. segments, repeated slashes and control characters are refused";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isCanonical(request)) {
            ErrorEnvelopes.write(response, HttpStatus.BAD_REQUEST.value(), "invalid_request", NOT_CANONICAL);
            return;
        }
        Optional<String> badQuery = queryProblem(request.getQueryString());
        if (badQuery.isPresent()) {
            ErrorEnvelopes.write(response, HttpStatus.BAD_REQUEST.value(), "invalid_parameter", badQuery.get());
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isCanonical(HttpServletRequest request) {
        String mapped = request.getContextPath() + request.getServletPath() + Objects.toString(request.getPathInfo(), "");
        return decode(request.getRequestURI(), false)
                .filter(path -> path.equals(mapped) && !hasControlCharacter(path))
                .isPresent();
    }

    /** What is wrong with the query string, as the envelope's message; empty when nothing is. */
    static Optional<String> queryProblem(String query) {
        if (query == null) {
            return Optional.empty();
        }
        for (String parameter : query.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String rawName = equals < 0 ? parameter : parameter.substring(0, equals);
            if (rawName.isEmpty()) {
                return Optional.of("a query parameter has no name (=value with nothing before the =)");
            }
            Optional<String> name = decode(rawName, true);
            if (name.isEmpty()) {
                return Optional.of("a query parameter name is not valid percent-encoded UTF-8");
            }
            if (hasControlCharacter(name.get())) {
                return Optional.of("a query parameter name contains a control character");
            }
            Optional<String> value = equals < 0 ? Optional.of("") : decode(parameter.substring(equals + 1), true);
            if (value.isEmpty()) {
                return Optional.of(name.get() + " is not valid percent-encoded UTF-8");
            }
            if (hasControlCharacter(value.get())) {
                return Optional.of(name.get() + " contains a control character");
            }
        }
        return Optional.empty();
    }

    /** Strict percent-decoding to UTF-8 ({@code +} is a space only in a query); empty for a bad escape or bytes. */
    private static Optional<String> decode(String raw, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? hexDigit(raw.charAt(i + 1)) : -1;
                int low = high < 0 ? -1 : hexDigit(raw.charAt(i + 2));
                if (low < 0) {
                    return Optional.empty();
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c > 0x7F) {
                return Optional.empty();
            } else {
                bytes.write(plusIsSpace && c == '+' ? ' ' : c);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static int hexDigit(char c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
    }
}
