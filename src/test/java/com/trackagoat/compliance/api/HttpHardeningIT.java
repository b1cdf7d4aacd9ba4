package com.trackagoat.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.trackagoat.compliance.support.ApiServer;
import com.trackagoat.compliance.support.Dataset;
import com.trackagoat.compliance.support.RawHttp;
import com.trackagoat.compliance.support.SeedApi;

import tools.jackson.databind.JsonNode;

/**
 * Requests an attacker or a broken client sends, over real HTTP (raw sockets where {@code java.net.http}
 * would refuse or rewrite them): none skips the key, none reaches a controller unauthenticated, each is a
 * 4xx in the seed page's envelope (never a 500 or the servlet container's HTML page), and the actuator is
 * only on the management port.
 */
class HttpHardeningIT {

    private static final JsonNode GOLDEN = Dataset.golden("report-seed.json");
    private static final String PROJECT = GOLDEN.get("project_id").asString();
    private static final String COMPLIANCE = "/api/v1/projects/" + PROJECT + "/goal-compliance";

    private static SeedApi api;
    private static ApiServer server;
    private static String key;

    @BeforeAll
    static void serve() {
        api = SeedApi.start(HttpHardeningIT.class, GOLDEN, "hardening test");
        server = api.server();
        key = api.key();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/api;x/v1/projects/{p}/goal-compliance",
            "/api/v1;x/projects/{p}/goal-compliance",
            "/api/v1/projects/{p};x/goal-compliance",
            "/api/v1/projects/{p}/goal-compliance;jsessionid=1",
            "/v3/api-docs;x",
            "/v3/api-docs/../../api/v1/projects/{p}/goal-compliance",
            "/api/v1/projects/{p}/./goal-compliance",
            "/api//v1/projects/{p}/goal-compliance"})
    void pathThatTheContainerWouldRewriteIs400WithOrWithoutAKey(String target) {
        String path = target.replace("{p}", PROJECT);

        RawHttp.Response anonymous = RawHttp.get(server.port(), path);
        RawHttp.Response withKey = RawHttp.get(server.port(), path, "Authorization: Bearer " + key);

        for (RawHttp.Response response : new RawHttp.Response[] {anonymous, withKey}) {
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertEnvelope(response, "invalid_request", "the path is not in canonical form");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/%61pi/v1/projects/{p}/goal-compliance",
            "/api/%761/projects/{p}/goal-compliance",
            "/api/v1/projects/{p}/goal-%63ompliance",
            "/api/v1/projects/{first}{rest}/goal-compliance"})
    void percentEncodedLettersNeedTheKeyLikeThePlainPath(String target) {
        String path = target.replace("{p}", PROJECT).replace("{rest}", PROJECT.substring(1))
                .replace("{first}", String.format("%%%02X", (int) PROJECT.charAt(0)));

        RawHttp.Response anonymous = RawHttp.get(server.port(), path);
        RawHttp.Response withKey = RawHttp.get(server.port(), path, "Authorization: Bearer " + key);

        assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(401);
        assertEnvelope(anonymous, "unauthorized", "missing Authorization header");
        assertThat(withKey.status()).as(withKey.body()).isEqualTo(200);
        assertThat(withKey.json()).isEqualTo(server.get(COMPLIANCE, key).json());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/error", "/internal/anything", "/v3/api-docs/", "/v3/api-docs/x", "/API/v1/x",
            "/console/", "/console/x", "/console/run/x", "/console/sign-in/", "/Console", "/consoles",
            "/console.css", "/templates/console/overview.html", "/console/console.css/x"})
    void everyPathButTheOpenApiDocumentAndTheConsolesNeedsTheKey(String path) {
        ApiServer.Response response = server.get(path, null);

        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertEnvelope(response, "unauthorized", "missing Authorization header");
    }

    /** The console's own paths answer without a key, but only with its session (ConsoleSecurityIT has the rest). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/console", "/console/coverage", "/console/run", "/console/run/resume", "/console/run/rerun"})
    void consolePagesNeedASessionNotAKeyAndRedirectToSignIn(String path) {
        ApiServer.Response anonymous = server.get(path, null);
        ApiServer.Response withKey = server.get(path, key);

        for (ApiServer.Response response : new ApiServer.Response[] {anonymous, withKey}) {
            assertThat(response.status()).as(response.body()).isEqualTo(303);
            assertThat(response.raw().headers().firstValue("Location")).hasValue("/console/sign-in");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/console/sign-out", "/console/run/resume", "/console/run/rerun", "/console/sign-in"})
    void consoleActionsWithoutASessionAre403EvenWithAKey(String path) {
        RawHttp.Response anonymous = RawHttp.send(server.port(), "POST " + path + " HTTP/1.1", "Content-Length: 0");
        RawHttp.Response withKey = RawHttp.send(server.port(), "POST " + path + " HTTP/1.1",
                "Authorization: Bearer " + key, "Content-Length: 0");

        for (RawHttp.Response response : new RawHttp.Response[] {anonymous, withKey}) {
            assertThat(response.status()).as(response.body()).isEqualTo(403);
            assertThat(response.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/console;x", "/console/./coverage", "/console//coverage", "/console/run/../coverage",
            "/console/sign-in;jsessionid=1"})
    void consolePathsTheContainerWouldRewriteAre400(String path) {
        RawHttp.Response response = RawHttp.get(server.port(), path);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertEnvelope(response, "invalid_request", "the path is not in canonical form");
    }

    @Test
    void anErrorPathRequestedDirectlyIsA404InTheEnvelope() {
        ApiServer.Response response = server.get("/error", key);

        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertEnvelope(response, "not_found", "no endpoint /error");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "?=x|a query parameter has no name",
            "?=|a query parameter has no name",
            "?period=%zz|period is not valid percent-encoded UTF-8",
            "?period=daily%|period is not valid percent-encoded UTF-8",
            "?reference_date=%FF%FE|reference_date is not valid percent-encoded UTF-8",
            "?%zz=daily|a query parameter name is not valid percent-encoded UTF-8",
            "?period=%00|period contains a control character",
            "?creator_id=%0A|creator_id contains a control character",
            "?period%00=daily|a query parameter name contains a control character"})
    void malformedQueryIs400NamingTheParameter(String query, String message) {
        RawHttp.Response response = RawHttp.get(server.port(), COMPLIANCE + query, "Authorization: Bearer " + key);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertEnvelope(response, "invalid_parameter", message);
    }

    @Test
    void moreParametersThanTheContainerParsesIs400() {
        String query = "?" + "x=1&".repeat(1100);

        RawHttp.Response response = RawHttp.get(server.port(), COMPLIANCE + query, "Authorization: Bearer " + key);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertEnvelope(response, "invalid_parameter", "");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nul in the path", "encoded slash", "encoded backslash", "long query", "long header",
            "space in the target", "two hosts", "bad escape in the path"})
    void requestsTheContainerRejectsAre400InTheEnvelopeNotHtml(String what) {
        String auth = "Authorization: Bearer " + key;
        RawHttp.Response response = switch (what) {
            case "nul in the path" -> RawHttp.get(server.port(), "/api/v1/projects/" + PROJECT + "%00/goal-compliance", auth);
            case "encoded slash" -> RawHttp.get(server.port(), "/api%2Fv1/projects/" + PROJECT + "/goal-compliance", auth);
            case "encoded backslash" -> RawHttp.get(server.port(), "/api%5Cv1/projects/" + PROJECT + "/goal-compliance", auth);
            case "long query" -> RawHttp.get(server.port(), COMPLIANCE + "?period=" + "a".repeat(20_000), auth);
            case "long header" -> RawHttp.get(server.port(), COMPLIANCE, auth, "X-Padding: " + "a".repeat(20_000));
            case "space in the target" -> RawHttp.send(server.port(), "GET /api/v1/a b HTTP/1.1", auth);
            case "two hosts" -> RawHttp.get(server.port(), COMPLIANCE, auth, "Host: a.example", "Host: b.example");
            case "bad escape in the path" -> RawHttp.get(server.port(), "/api/v1/projects/%zz/goal-compliance", auth);
            default -> throw new IllegalArgumentException(what);
        };

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertEnvelope(response, "bad_request", "the request is malformed");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "TRACE", "FROB"})
    void otherMethodsThanGetAre405InTheEnvelope(String method) {
        RawHttp.Response response = RawHttp.send(server.port(), method + " " + COMPLIANCE + " HTTP/1.1",
                "Authorization: Bearer " + key, "Content-Length: 0");

        assertThat(response.status()).as(response.body()).isEqualTo(405);
        assertEnvelope(response, "method_not_allowed", method + " is not supported");
    }

    @Test
    void headIsAnsweredLikeGet() {
        ApiServer.Response response = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/nothing"))
                .header("Authorization", "Bearer " + key).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void openApiDocumentNamesARelativeServerWhateverTheHostHeaderSays() {
        RawHttp.Response response = RawHttp.get(server.port(), "/v3/api-docs", "Host: evil.example:6666",
                "X-Forwarded-Host: evil.example", "X-Forwarded-Proto: https", "Forwarded: host=evil.example");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("servers").size()).isEqualTo(1);
        assertThat(response.json().at("/servers/0/url").asString()).isEqualTo("/");
        assertThat(response.body()).doesNotContain("evil.example");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/actuator", "/actuator/health", "/actuator/health/liveness", "/actuator/prometheus",
            "/actuator/info"})
    void actuatorIsNotOnThePublicPort(String path) {
        ApiServer.Response anonymous = server.get(path, null);
        ApiServer.Response withKey = server.get(path, key);

        for (ApiServer.Response response : new ApiServer.Response[] {anonymous, withKey}) {
            assertThat(response.status()).as(response.body()).isEqualTo(404);
            assertEnvelope(response, "not_found", "no endpoint " + path);
        }
    }

    @Test
    void actuatorAnswersOnTheManagementPortWithoutDetailsForAnAnonymousCaller() {
        ApiServer.Response health = get(server.managementBase() + "/actuator/health");
        ApiServer.Response liveness = get(server.managementBase() + "/actuator/health/liveness");
        ApiServer.Response readiness = get(server.managementBase() + "/actuator/health/readiness");
        ApiServer.Response prometheus = get(server.managementBase() + "/actuator/prometheus");

        // (DOWN here, as the test server never starts the scheduler; the status is all an anonymous caller sees)
        assertThat(health.status()).as(health.body()).isIn(200, 503);
        assertThat(health.json().propertyNames()).as(health.body()).containsExactlyInAnyOrder("status", "groups");
        assertThat(health.body()).doesNotContain("diskSpace", "PostgreSQL", "path", "scheduler");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().at("/status").asString()).isEqualTo("UP");
        assertThat(readiness.json().propertyNames()).as(readiness.body()).containsExactly("status");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
    }

    private static ApiServer.Response get(String url) {
        return server.send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    private static void assertEnvelope(ApiServer.Response response, String code, String messageStart) {
        assertThat(response.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertEnvelope(response.json(), response.body(), code, messageStart);
    }

    private static void assertEnvelope(RawHttp.Response response, String code, String messageStart) {
        assertThat(response.header("Content-Type")).as(response.body()).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertEnvelope(response.json(), response.body(), code, messageStart);
    }

    private static void assertEnvelope(JsonNode json, String body, String code, String messageStart) {
        assertThat(json).as("a JSON body, not " + body).isNotNull();
        assertThat(json.propertyNames()).containsExactly("data", "error", "meta");
        assertThat(json.get("data").isNull()).isTrue();
        assertThat(json.at("/error/code").asString()).as(body).isEqualTo(code);
        assertThat(json.at("/error/message").asString()).as(body).startsWith(messageStart);
        assertThat(json.get("meta").isObject()).isTrue();
    }
}
