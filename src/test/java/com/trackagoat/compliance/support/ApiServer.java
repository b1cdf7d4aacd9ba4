package com.trackagoat.compliance.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import com.trackagoat.compliance.GoalComplianceApplication;

import tools.jackson.databind.JsonNode;

/**
 * The application with its servlet web server on a random port (and the actuator on another random port, as
 * {@code serve} has it on {@code management.server.port}) against a test database, and a plain HTTP client
 * for it. An optional clock replaces the system clock (as the primary {@link Clock} bean), so that
 * "today" is a date of the dataset. Close it before dropping the database.
 */
public final class ApiServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final int managementPort;

    private ApiServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        this.managementPort = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.management.port"));
    }

    public static ApiServer start(TestDatabase database, Clock clock) {
        List<String> args = new ArrayList<>(List.of(database.urlArg(), "--server.port=0", "--management.server.port=0",
                "--spring.main.web-application-type=servlet", "--spring.quartz.auto-startup=false"));
        SpringApplicationBuilder builder = new SpringApplicationBuilder(GoalComplianceApplication.class)
                .web(WebApplicationType.SERVLET).logStartupInfo(false);
        if (clock != null) {
            builder.initializers(context -> ((GenericApplicationContext) context)
                    .registerBean("testClock", Clock.class, () -> clock, bd -> bd.setPrimary(true)));
        }
        return new ApiServer(builder.run(args.toArray(String[]::new)));
    }

    /** A response: status, the raw body and the body as JSON (null when it is not JSON). */
    public record Response(int status, String body, JsonNode json, HttpResponse<String> raw) {
    }

    /** GET with {@code Authorization: Bearer <key>} (no header when key is null). */
    public Response get(String pathAndQuery, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return send(request.build());
    }

    /** POST without a body, with {@code Authorization: Bearer <key>} (no header when key is null). */
    public Response post(String pathAndQuery, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + pathAndQuery))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return send(request.build());
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                json = Dataset.JSON.readTree(response.body());
            } catch (RuntimeException notJson) {
                // left null: the caller asserts on the raw body
            }
            return new Response(response.statusCode(), response.body(), json, response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The public port's base URL: the read API and the OpenAPI document. */
    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The management port's base URL: the actuator (health, Prometheus). */
    public String managementBase() {
        return "http://127.0.0.1:" + managementPort;
    }

    @Override
    public void close() {
        context.close();
    }
}
