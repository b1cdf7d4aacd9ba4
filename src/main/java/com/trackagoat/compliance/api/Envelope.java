package com.trackagoat.compliance.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.trackagoat.compliance.json.ComplianceJson;

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

    public static ResponseEntity<JsonNode> errorResponse(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(error(code, message));
    }
}
