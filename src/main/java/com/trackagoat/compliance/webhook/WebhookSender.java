package com.trackagoat.compliance.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * Posts one signed event (Standard Webhooks): headers {@code webhook-id}, {@code webhook-timestamp} (Unix seconds
 * of the injected clock) and {@code webhook-signature}. A request timeout, no redirects followed, and at most
 * {@value #BODY_BYTES} bytes of the answer read (for the error).
 */
class WebhookSender {

    static final int BODY_BYTES = 2048;
    private static final int ERROR_CHARS = 300;

    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;

    WebhookSender(Duration timeout, Clock clock) {
        // HTTP/1.1: the default would offer an h2c upgrade on every plain-http POST, which some receivers and
        // proxies mishandle when the request has a body.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.clock = clock;
    }

    WebhookDeliveries.Outcome post(String url, String secret, String eventId, String body) {
        long started = System.nanoTime();
        long timestamp = clock.instant().getEpochSecond();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("content-type", "application/json")
                    .header("webhook-id", eventId)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.sign(secret, eventId, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String answer;
            try (InputStream in = response.body()) {
                answer = new String(in.readNBytes(BODY_BYTES), StandardCharsets.UTF_8);
            }
            int status = response.statusCode();
            String error = status >= 200 && status < 300 ? null : "HTTP " + status + clip(answer);
            return new WebhookDeliveries.Outcome(status, error, since(started));
        } catch (HttpTimeoutException e) {
            return new WebhookDeliveries.Outcome(null, "timed out after " + timeout.toSeconds() + " s", since(started));
        } catch (IOException | IllegalArgumentException e) {
            return new WebhookDeliveries.Outcome(null, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), since(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new WebhookDeliveries.Outcome(null, "interrupted (serve stopping)", since(started));
        }
    }

    private static String clip(String answer) {
        String line = answer.replaceAll("\\s+", " ").strip();
        return line.isEmpty() ? "" : ": " + (line.length() > ERROR_CHARS ? line.substring(0, ERROR_CHARS) : line);
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
