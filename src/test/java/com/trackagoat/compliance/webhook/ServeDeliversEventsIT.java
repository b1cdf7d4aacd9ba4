package com.trackagoat.compliance.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;
import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.Dataset;
import com.trackagoat.compliance.support.ServeProcess;
import com.trackagoat.compliance.support.TestDatabase;

import tools.jackson.databind.JsonNode;

/**
 * End to end on {@code ../shared/golden/restatements.json}: endpoints made by {@code webhook create}, events written
 * by {@code catch-up} (finals and restatements of late discoveries), delivered by a real {@code serve} to a receiver
 * on 127.0.0.1 that answers 500 to its first request. The events are checked against the tables, the signatures with
 * {@code javax.crypto.Mac}; a replay inserted after serve was killed is delivered by the next serve.
 */
class ServeDeliversEventsIT {

    private static final JsonNode GOLDEN = Dataset.golden("restatements.json");
    private static final String KEY = Base64.getEncoder().encodeToString(
            "serve-delivers-events-it-key-32b".getBytes(StandardCharsets.US_ASCII));
    private static final String KEY_ARG = "--goal-compliance.webhooks.secret-key=" + KEY;
    private static final Pattern SECRET = Pattern.compile("secret: (whsec_\\S+)");
    private static final String FINALIZED = "goal_compliance.finalized";
    private static final String RESTATED = "goal_compliance.restated";

    /** What each finalized event must count, from the payout view and the final rejects. */
    private static final String EXPECTED_FINALIZED = """
            SELECT project_id, as_of, sum(goals) AS goals, sum(eligible) AS eligible,
                   sum(needs_review) AS needs_review, sum(ineligible) AS ineligible, sum(rejected) AS rejected
            FROM (
              SELECT project_id, as_of, 1 AS goals, (eligibility = 'eligible')::int AS eligible,
                     (eligibility = 'needs_review')::int AS needs_review, (eligibility = 'ineligible')::int AS ineligible,
                     0 AS rejected
              FROM payout_eligibility
              UNION ALL
              SELECT g.project_id, r.as_of, 0, 0, 0, 0, 1
              FROM goal_compliance_rejects r JOIN creator_goals g ON g.id = r.goal_id WHERE r.phase = 'final'
            ) t GROUP BY project_id, as_of
            """;

    private static TestDatabase database;
    private static HttpServer receiver;
    /** Every request the receiver got, in order: lower-case header names, and "body". */
    private static final List<Map<String, String>> RECEIVED = Collections.synchronizedList(new ArrayList<>());
    /** The whsec_ secret {@code webhook create} printed, by organization. */
    private static final Map<String, String> SECRETS = new TreeMap<>();
    private static final AtomicInteger REQUESTS = new AtomicInteger();

    @BeforeAll
    static void serveDeliversTheEventsOfTheGoldenCatchUp() throws Exception {
        // given an endpoint per organization on a receiver that fails its first request, and the golden catch-up
        database = TestDatabase.migrated(ServeDeliversEventsIT.class);
        Dataset.load(database.jdbc(), GOLDEN.get("dataset"));
        startReceiver();
        for (String org : database.jdbc().queryForList("SELECT id::text FROM organizations ORDER BY 1", String.class)) {
            SECRETS.put(org, createEndpoint(org));
        }
        Cli.Result catchUp = Cli.run(database, "catch-up", "--since=" + GOLDEN.get("since").asString(),
                "--until=" + GOLDEN.get("until").asString(),
                "--goal-compliance.restatement-delay=" + GOLDEN.get("restatement_delay").asString());
        assertThat(catchUp.exitCode()).as(catchUp.err()).isZero();

        // when serve runs until everything it wrote or found is delivered, then is killed
        try (ServeProcess serve = serve("serve-delivers-events")) {
            ServeProcess.await("serve caught up and delivered every event", ServeProcess.TO_CATCH_UP,
                    () -> serve.lag() == 0 && undelivered() == 0 && receivedIds().size() == events());
            serve.close();
            ServeProcess.await("serve killed", ServeProcess.TO_START, () -> !serve.isAlive());
        }
        writeExample();
    }

    @AfterAll
    static void stopReceiverAndDropDatabase() {
        if (receiver != null) {
            receiver.stop(0);
        }
        database.close();
    }

    @Test
    void oneFinalizedEventPerProjectAndFinalCountsTheRowsOfThePayoutView() {
        Map<String, String> expected = new TreeMap<>();
        database.jdbc().query(EXPECTED_FINALIZED, rs -> {
            expected.put(rs.getString("project_id") + "@" + rs.getTimestamp("as_of").toInstant(),
                    counts(rs.getLong("goals"), rs.getLong("eligible"), rs.getLong("needs_review"),
                            rs.getLong("ineligible"), rs.getLong("rejected")));
        });
        Map<String, String> delivered = new TreeMap<>();
        for (JsonNode event : deliveredEvents(FINALIZED).values()) {
            JsonNode data = event.get("data");
            String previous = delivered.put(projectAt(data), counts(data.get("goals").asLong(),
                    data.get("eligible").asLong(), data.get("needs_review").asLong(),
                    data.get("ineligible").asLong(), data.get("rejected").asLong()));
            assertThat(previous).as("a second finalized event for " + projectAt(data)).isNull();
        }
        assertThat(expected).as("finals of the golden range").hasSizeGreaterThan(10);
        assertThat(delivered).as("finalized events delivered, by project@as_of").isEqualTo(expected);
    }

    @Test
    void oneRestatedEventPerProjectAndRestatementListsExactlyTheRestatedRows() {
        Map<String, List<String>> expected = new TreeMap<>();
        database.jdbc().query("""
                SELECT project_id, as_of, goal_id, final_as_of, final_eligibility, eligibility, final_actual, actual
                FROM goal_compliance_restatements
                """, rs -> {
            expected.computeIfAbsent(rs.getString("project_id") + "@" + rs.getTimestamp("as_of").toInstant(),
                    k -> new ArrayList<>()).add(restatement(rs.getString("goal_id"),
                    rs.getTimestamp("final_as_of").toInstant(), rs.getString("final_eligibility"),
                    rs.getString("eligibility"), rs.getLong("final_actual"), rs.getLong("actual")));
        });
        Map<String, List<String>> delivered = new TreeMap<>();
        for (JsonNode event : deliveredEvents(RESTATED).values()) {
            List<String> rows = new ArrayList<>();
            for (JsonNode x : event.at("/data/restatements")) {
                rows.add(restatement(x.get("goal_id").asString(), Instant.parse(x.get("final_as_of").asString()),
                        x.get("final_eligibility").asString(), x.get("eligibility").asString(),
                        x.get("final_actual").asLong(), x.get("actual").asLong()));
            }
            assertThat(delivered.put(projectAt(event.get("data")), rows.stream().sorted().toList()))
                    .as("a second restated event for " + projectAt(event.get("data"))).isNull();
        }
        expected.replaceAll((k, rows) -> rows.stream().sorted().toList());
        // serve's own catch-up (past the golden range to now) restates the range's last finals too
        assertThat(database.jdbc().queryForObject("SELECT count(*) FROM goal_compliance_restatements"
                + " WHERE as_of <= ?::timestamptz", Long.class, GOLDEN.get("until").asString()))
                .isEqualTo(GOLDEN.get("expected_restatements").size());
        assertThat(delivered).as("restated events delivered, by project@as_of").isEqualTo(expected);
    }

    @Test
    void everyRequestIsSignedOverIdTimestampAndBodyWithItsEndpointsSecret() throws Exception {
        List<Map<String, String>> requests = List.copyOf(RECEIVED);
        assertThat(requests).isNotEmpty();
        for (Map<String, String> request : requests) {
            String org = Dataset.JSON.readTree(request.get("body")).at("/data/org_id").asString();
            assertThat(SECRETS).as("endpoint of org " + org).containsKey(org);
            assertThat(request.get("content-type")).isEqualTo("application/json");
            assertThat(request.get("webhook-id")).matches("evt_[0-9a-f]{32}");
            assertThat(request.get("webhook-timestamp")).matches("[0-9]{10}");
            assertThat(request.get("webhook-signature")).as("signature of " + request.get("webhook-id"))
                    .isEqualTo(signature(SECRETS.get(org), request));
        }
    }

    @Test
    void theEventFirstAnsweredWith500ComesAgainWithTheSameId() {
        String first = RECEIVED.get(0).get("webhook-id");
        assertThat(RECEIVED.stream().filter(r -> r.get("webhook-id").equals(first)).count())
                .as("requests with webhook-id " + first).isGreaterThanOrEqualTo(2);
        assertThat(database.jdbc().queryForObject("""
                SELECT string_agg(a.attempt || ':' || coalesce(a.status_code::text, '-'), ',' ORDER BY a.attempt)
                FROM webhook_deliveries d JOIN webhook_attempts a ON a.delivery_id = d.id WHERE d.event_id = ?
                GROUP BY d.id ORDER BY d.id LIMIT 1
                """, String.class, first)).isEqualTo("1:500,2:204");
    }

    @Test
    void everyEventHasOneDeliveryPerEndpointOfItsOrganizationAndAllAreDelivered() {
        assertThat(database.jdbc().queryForList("""
                SELECT e.id || ' ' || count(d.id) || ' ' || coalesce(string_agg(DISTINCT d.state, ','), '-')
                FROM webhook_events e LEFT JOIN webhook_deliveries d ON d.event_id = e.id
                GROUP BY e.id HAVING count(d.id) <> 1 OR bool_or(d.state IS DISTINCT FROM 'delivered')
                """, String.class)).as("events without exactly one delivered delivery").isEmpty();
        assertThat(events()).isEqualTo(receivedIds().size());
        assertThat(database.jdbc().queryForObject("SELECT count(DISTINCT type) FROM webhook_events", Long.class))
                .as("both event types").isEqualTo(2);
    }

    @Test
    void aReplayInsertedAfterServeWasKilledIsDeliveredByTheNextServe() throws Exception {
        // given an event replayed while no serve runs (the last one was SIGKILLed)
        String event = database.jdbc().queryForObject(
                "SELECT min(id) FROM webhook_events WHERE type = ?", String.class, RESTATED);
        long before = RECEIVED.stream().filter(r -> r.get("webhook-id").equals(event)).count();
        Cli.Result replay = Cli.run(database, "webhook", "replay", "--event=" + event);
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(undelivered()).as("pending replay").isEqualTo(1);

        // when serve starts again
        try (ServeProcess serve = serve("serve-delivers-events-replay")) {
            ServeProcess.await("the replay delivered", ServeProcess.TO_START, () -> undelivered() == 0);
            serve.terminate();
        }

        // then the receiver got the event once more, with its id, and both deliveries are delivered
        assertThat(RECEIVED.stream().filter(r -> r.get("webhook-id").equals(event)).count()).isEqualTo(before + 1);
        assertThat(database.jdbc().queryForList("""
                SELECT state || ' ' || attempts FROM webhook_deliveries WHERE event_id = ? ORDER BY id
                """, String.class, event)).hasSize(2).allMatch(s -> s.startsWith("delivered "));
    }

    private static ServeProcess serve(String name) {
        return ServeProcess.start(database, name, KEY_ARG, "--goal-compliance.webhooks.first-retry=1s",
                "--goal-compliance.restatement-delay=" + GOLDEN.get("restatement_delay").asString(),
                "--goal-compliance.catch-up.look-back=PT1M");
    }

    private static void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            Map<String, String> request = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> request.put(name.toLowerCase(), values.get(0)));
            try (InputStream in = exchange.getRequestBody()) {
                request.put("body", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            RECEIVED.add(request);
            exchange.sendResponseHeaders(REQUESTS.getAndIncrement() == 0 ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
    }

    /** Creates the organization's endpoint with the command; returns the secret it printed. */
    private static String createEndpoint(String org) {
        Cli.Result created = Cli.run(database, "webhook", "create", "--org=" + org,
                "--url=http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", KEY_ARG);
        assertThat(created.exitCode()).as(created.err()).isZero();
        Matcher secret = SECRET.matcher(created.out());
        assertThat(secret.find()).as(created.out()).isTrue();
        return secret.group(1);
    }

    private static long events() {
        return database.jdbc().queryForObject("SELECT count(*) FROM webhook_events", Long.class);
    }

    private static long undelivered() {
        return database.jdbc().queryForObject("SELECT count(*) FROM webhook_deliveries WHERE state <> 'delivered'",
                Long.class);
    }

    private static Map<String, String> receivedIds() {
        return RECEIVED.stream().collect(Collectors.toMap(r -> r.get("webhook-id"), r -> r.get("body"),
                (a, b) -> b));
    }

    /** The bodies delivered of one type, by webhook-id (a retried event once). */
    private static Map<String, JsonNode> deliveredEvents(String type) {
        Map<String, JsonNode> events = new TreeMap<>();
        receivedIds().forEach((id, body) -> {
            JsonNode event = Dataset.JSON.readTree(body);
            if (event.get("type").asString().equals(type)) {
                events.put(id, event);
            }
        });
        return events;
    }

    private static String projectAt(JsonNode data) {
        return data.get("project_id").asString() + "@" + Instant.parse(data.get("as_of").asString());
    }

    private static String counts(long goals, long eligible, long needsReview, long ineligible, long rejected) {
        return "goals=%d eligible=%d needs_review=%d ineligible=%d rejected=%d"
                .formatted(goals, eligible, needsReview, ineligible, rejected);
    }

    private static String restatement(String goal, Instant finalAsOf, String finalEligibility, String eligibility,
                                      long finalActual, long actual) {
        return String.join("|", goal, finalAsOf.toString(), finalEligibility, eligibility,
                Long.toString(finalActual), Long.toString(actual));
    }

    /** Standard Webhooks, independently: v1, base64 HMAC-SHA256 of id.timestamp.body keyed with the secret. */
    private static String signature(String secret, Map<String, String> request) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signed = request.get("webhook-id") + "." + request.get("webhook-timestamp") + "." + request.get("body");
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    /** A delivered request of each type, headers and pretty body, for the docs to quote. */
    private static void writeExample() {
        StringBuilder text = new StringBuilder();
        for (String type : List.of(FINALIZED, RESTATED)) {
            Map<String, String> request = RECEIVED.stream().skip(1)
                    .filter(r -> r.get("body").contains("\"" + type + "\"")).findFirst().orElseThrow();
            text.append("POST /hook HTTP/1.1\n");
            new TreeMap<>(request).forEach((name, value) -> {
                if (!name.equals("body")) {
                    text.append(name).append(": ").append(value).append('\n');
                }
            });
            text.append('\n').append(Dataset.JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(Dataset.JSON.readTree(request.get("body")))).append("\n\n");
        }
        try {
            Files.writeString(Path.of("target", "webhook-example.txt"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
