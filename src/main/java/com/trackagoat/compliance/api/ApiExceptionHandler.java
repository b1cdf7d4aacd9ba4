package com.trackagoat.compliance.api;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.trackagoat.compliance.body.Envelope;

/** Every refusal of the read API's controllers as the envelope, with its status. */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Envelope<Void, Map<String, Object>>> refused(ApiException e) {
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON)
                .body(Envelope.error(e.code(), e.getMessage()));
    }

    /** Anything unexpected: logged here, and the caller learns nothing about the internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Envelope<Void, Map<String, Object>>> failed(Exception e) {
        log.error("read API request failed", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_JSON)
                .body(Envelope.error("internal_error", "the request could not be answered; it has been logged"));
    }
}
