package com.trackagoat.compliance.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import tools.jackson.databind.JsonNode;

/** Every refusal of the read API's controllers as the envelope, with its status. */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<JsonNode> refused(ApiException e) {
        return Envelope.errorResponse(e.status(), e.code(), e.getMessage());
    }

    /** Anything unexpected: logged here, and the caller learns nothing about the internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<JsonNode> failed(Exception e) {
        log.error("read API request failed", e);
        return Envelope.errorResponse(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "the request could not be answered; it has been logged");
    }
}
