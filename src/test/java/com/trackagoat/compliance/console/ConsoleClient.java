package com.trackagoat.compliance.console;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser, for the console's rules over plain HTTP: keeps the cookies it is given (or
 * that a test sets), follows no redirect, posts forms, and reads a page's hidden CSRF field.
 */
final class ConsoleClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    ConsoleClient(String base) {
        this.base = base;
    }

    record Response(int status, String body, HttpResponse<String> raw) {

        Optional<String> location() {
            return raw.headers().firstValue("Location");
        }

        List<String> setCookies() {
            return raw.headers().allValues("Set-Cookie");
        }

        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        /** The value of the page's first hidden {@code _csrf} field. */
        String csrf() {
            Matcher m = CSRF.matcher(body);
            if (!m.find()) {
                throw new AssertionError("no _csrf field in " + body);
            }
            return m.group(1);
        }
    }

    Response get(String path) {
        return send(request(path).GET().build());
    }

    /** A form post; {@code fields} are name, value pairs. */
    Response post(String path, String... fields) {
        return post(path, Map.of(), fields);
    }

    Response post(String path, Map<String, String> headers, String... fields) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&").append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest.Builder request = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** Opens the sign-in form and posts the key with its token; the response to the post. */
    Response signIn(String key) {
        String token = get("/console/sign-in").csrf();
        return post("/console/sign-in", "_csrf", token, "key", key);
    }

    Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    void clearCookies() {
        cookies.clear();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return request;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.substring(0, set.indexOf(';'));
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty() || set.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
