package com.trackagoat.compliance.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.trackagoat.compliance.json.ComplianceJson;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The seed page's response envelope: {@code {"data": …, "error": null | {"code", "message"}, "meta": {…}}}. */
public final class Envelope {

    private Envelope() {
    }

    public static ObjectNode error(String code, String message) {
        ObjectNode error = ComplianceJson.object();
        error.put("code", code);
        error.put("message", message);
        ObjectNode body = ComplianceJson.object();
        body.putNull("data");
        body.set("error", error);
        body.set("meta", ComplianceJson.object());
        return body;
    }

    public static ResponseEntity<JsonNode> response(ObjectNode body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    public static ResponseEntity<JsonNode> errorResponse(HttpStatusCode status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(error(code, message));
    }

    /** Writes the error envelope straight to a servlet response, for refusals made before Spring MVC. */
    public static void writeError(HttpServletResponse response, int status, String code, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(ComplianceJson.write(error(code, message)));
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
