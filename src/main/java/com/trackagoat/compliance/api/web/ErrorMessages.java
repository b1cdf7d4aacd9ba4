package com.trackagoat.compliance.api.web;

/** The envelope's message for a refusal known only by its status (the container's, not a controller's). */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    public static String forStatus(int status, String method, String path) {
        return switch (status) {
            case 400 -> "the request is malformed (request line, path, header or encoding) "
                    + "or its request line or headers are longer than the server accepts";
            case 404 -> "no endpoint " + path;
            case 405 -> method + " is not supported: the read API only answers GET";
            default -> status >= 500 ? "the request could not be answered; it has been logged"
                    : "the request was refused (HTTP " + status + ")";
        };
    }
}
