package com.trackagoat.compliance.api;

import org.springframework.http.HttpStatus;

/** A request the read API refuses: the HTTP status and the envelope's {@code error.code} and message. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public ApiException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /** A bad query or path parameter; the message names the parameter. */
    public static ApiException badParameter(String parameter, String problem) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_parameter", parameter + " " + problem);
    }

    /** Something that does not exist for this caller, whether it exists for another organization or not. */
    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", message);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
