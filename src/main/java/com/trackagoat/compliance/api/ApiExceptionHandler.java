package com.trackagoat.compliance.api;

import java.util.Map;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.trackagoat.compliance.api.web.ErrorEnvelopes;
import com.trackagoat.compliance.api.web.ErrorMessages;
import com.trackagoat.compliance.api.web.RequestFirewall;
import com.trackagoat.compliance.body.Envelope;

import jakarta.servlet.http.HttpServletRequest;

/** Every refusal of the read API's controllers as the envelope, with its status. */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Envelope<Void, Map<String, Object>>> refused(ApiException e) {
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON)
                .body(Envelope.error(e.code(), e.getMessage()));
    }

    /**
     * A query string Tomcat gave up parsing when a controller first read a parameter ({@link RequestFirewall}
     * refuses the malformed ones before; this is what it cannot see, such as more parameters than Tomcat
     * parses).
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Envelope<Void, Map<String, Object>>> unparsableParameters(InvalidParameterException e) {
        int status = e.getErrorCode() >= 400 && e.getErrorCode() < 500 ? e.getErrorCode() : 400;
        return ErrorEnvelopes.response(HttpStatusCode.valueOf(status), "invalid_parameter",
                "the query string could not be parsed (malformed, or more parameters than the server accepts)");
    }

    /**
     * Anything unexpected: logged here, and the caller learns nothing about the internals. Spring MVC's own
     * refusals (a 4xx {@link ErrorResponse}) keep their status, in the envelope.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Envelope<Void, Map<String, Object>>> failed(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
            int status = refusal.getStatusCode().value();
            return ErrorEnvelopes.response(refusal.getStatusCode(), ErrorEnvelopes.codeFor(status),
                    ErrorMessages.forStatus(status, request.getMethod(), request.getRequestURI()));
        }
        log.error("read API request failed", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_JSON)
                .body(Envelope.error("internal_error", "the request could not be answered; it has been logged"));
    }
}
