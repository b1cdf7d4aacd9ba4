package com.trackagoat.compliance.api.key;

/** An API key request naming an organization or a key that does not exist. */
public class ApiKeyRequestException extends RuntimeException {

    public ApiKeyRequestException(String message) {
        super(message);
    }
}
