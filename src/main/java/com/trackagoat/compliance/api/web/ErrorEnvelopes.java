package com.trackagoat.compliance.api.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.trackagoat.compliance.body.BodyJson;
import com.trackagoat.compliance.body.Envelope;

import jakarta.servlet.http.HttpServletResponse;

/** Refusals as the seed page's error envelope: from a controller, or written straight by a filter. */
public final class ErrorEnvelopes {

    private ErrorEnvelopes() {
    }

    /** The error envelope as a controller's answer. */
    public static ResponseEntity<Envelope<Void, Map<String, Object>>> response(HttpStatusCode status, String code,
                                                                             String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Envelope.error(code, message));
    }

    /** Writes the error envelope straight to a servlet response, for refusals made before Spring MVC. */
    public static void write(HttpServletResponse response, int status, String code, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(BodyJson.write(Envelope.error(code, message)));
    }

    /**
     * The {@code error.code} of a status that no more specific code describes: {@code bad_request},
     * {@code not_found}, {@code method_not_allowed}, …; {@code internal_error} for any 5xx.
     */
    public static String codeFor(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        if (status >= 500 || known == null) {
            return status >= 500 ? "internal_error" : "bad_request";
        }
        return known.name().toLowerCase(Locale.ROOT);
    }
}
