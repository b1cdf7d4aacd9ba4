package com.trackagoat.compliance.webhook;

/** A webhook request the data or the configuration cannot serve (no key, a bad URL, an unknown id). */
public class WebhookRequestException extends RuntimeException {

    public WebhookRequestException(String message) {
        super(message);
    }
}
