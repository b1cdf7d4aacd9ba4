package com.trackagoat.compliance.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import com.sun.net.httpserver.HttpServer;
import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.TestDatabase;
import com.trackagoat.compliance.system.GoalComplianceProperties;

/**
 * Delivery to real HTTP receivers on 127.0.0.1: Standard Webhooks headers and signatures (checked here with
 * {@code javax.crypto.Mac}, not the project's signer), a retry with the same {@code webhook-id} after a 500, every
 * attempt recorded, the failed state after give-up, and two pollers on their own connections delivering each event
 * once. Endpoints are made by the {@code webhook create} command.
 */
class WebhookDeliveryIT {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'k');
    private static final String KEY_ARG = "--goal-compliance.webhooks.secret-key=" + KEY;
    private static final Pattern SECRET = Pattern.compile("secret: (whsec_\\S+)");
    private static final Pattern ID = Pattern.compile("id: +(\\S+)");

    private static TestDatabase database;
    private static UUID org;

    private HttpServer receiver;
    private final List<Map<String, String>> received = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void organization() {
        database = TestDatabase.migrated(WebhookDeliveryIT.class);
        org = UUID.randomUUID();
        database.jdbc().update("INSERT INTO organizations (id, name, timezone) VALUES (?, 'Hooks', 'UTC')", org);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
        database.jdbc().execute("""
                DELETE FROM webhook_attempts; DELETE FROM webhook_deliveries; DELETE FROM webhook_events;
                UPDATE webhook_endpoints SET enabled = false
                """);
    }

    @Test
    void createRefusesWithoutTheSecretKey() {
        Cli.Result missing = Cli.run(database, "webhook", "create", "--org=" + org, "--url=http://127.0.0.1:9/");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).doesNotContain("\n").contains("GOALCOMPLIANCE_WEBHOOKS_SECRETKEY");
        Cli.Result malformed = Cli.run(database, "webhook", "create", "--org=" + org, "--url=http://127.0.0.1:9/",
                "--goal-compliance.webhooks.secret-key=c2hvcnQ=");
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains("32 bytes");
        Cli.Result ftp = Cli.run(database, "webhook", "create", "--org=" + org, "--url=ftp://127.0.0.1/", KEY_ARG);
        assertThat(ftp.exitCode()).as(ftp.err()).isEqualTo(2);
        assertThat(database.jdbc().queryForObject("SELECT count(*) FROM webhook_endpoints WHERE url LIKE '%127.0.0.1:9/%'"
                + " OR url LIKE 'ftp%'", Long.class)).as("endpoints created by the refused commands").isZero();
    }

    @Test
    void aReceiverThatFailsFirstGetsTheSameSignedEventAgain() throws Exception {
        // given an endpoint whose receiver answers 500 once, then 204
        AtomicInteger calls = new AtomicInteger();
        String[] endpoint = endpoint(n -> calls.getAndIncrement() == 0 ? 500 : 204);
        String event = event("{\"type\": \"goal_compliance.finalized\", \"data\": {\"goals\": 3}}");

        // when the poller runs until the delivery is settled
        WebhookDelivery delivery = delivery(Duration.ofSeconds(1), Duration.ofHours(1));
        awaitSettled(delivery);

        // then it came twice with one webhook-id, each signed over id.timestamp.body with the secret
        assertThat(received).hasSize(2);
        for (Map<String, String> request : received) {
            assertThat(request.get("webhook-id")).isEqualTo(event);
            assertThat(request.get("content-type")).isEqualTo("application/json");
            assertThat(request.get("webhook-signature")).isEqualTo(expectedSignature(endpoint[1], request));
            assertThat(Long.parseLong(request.get("webhook-timestamp")))
                    .isCloseTo(System.currentTimeMillis() / 1000, within(60L));
        }
        assertThat(database.jdbc().queryForList("""
                SELECT d.state || ' ' || d.attempts || ' ' || d.last_status || ' '
                       || string_agg(a.attempt || ':' || a.status_code || ':' || coalesce(a.error, '-'), ',' ORDER BY a.attempt)
                FROM webhook_deliveries d JOIN webhook_attempts a ON a.delivery_id = d.id GROUP BY d.id
                """, String.class)).containsExactly("delivered 2 204 1:500:HTTP 500,2:204:-");
    }

    @Test
    void aDeliveryNeverAnsweredWithA2xxIsMarkedFailedAfterGiveUp() throws Exception {
        endpoint(n -> 503);
        event("{\"n\": 1}");
        awaitSettled(delivery(Duration.ofMillis(200), Duration.ofSeconds(1)));
        assertThat(database.jdbc().queryForObject("SELECT state FROM webhook_deliveries", String.class))
                .isEqualTo("failed");
        Long attempts = database.jdbc().queryForObject("SELECT count(*) FROM webhook_attempts", Long.class);
        assertThat(attempts).isGreaterThanOrEqualTo(2).isEqualTo(received.size());
    }

    @Test
    void twoPollersDeliverEachEventOnce() throws Exception {
        endpoint(n -> 200);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            events.add(event("{\"n\": " + i + "}"));
        }
        WebhookDelivery first = delivery(Duration.ofSeconds(30), Duration.ofHours(1));
        WebhookDelivery second = delivery(Duration.ofSeconds(30), Duration.ofHours(1));
        Thread a = new Thread(() -> drain(first));
        Thread b = new Thread(() -> drain(second));
        a.start();
        b.start();
        a.join(30_000);
        b.join(30_000);
        Map<String, Integer> perId = new ConcurrentHashMap<>();
        received.forEach(r -> perId.merge(r.get("webhook-id"), 1, Integer::sum));
        assertThat(perId.keySet()).containsExactlyInAnyOrderElementsOf(events);
        assertThat(perId.values()).allMatch(n -> n == 1);
        assertThat(database.jdbc().queryForObject("SELECT count(*) FROM webhook_deliveries WHERE state = 'delivered'"
                + " AND attempts = 1", Long.class)).isEqualTo(40);
    }

    /** Starts a receiver answering the n-th request with {@code status}; creates its endpoint: {id, secret}. */
    private String[] endpoint(IntUnaryOperator status) throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger n = new AtomicInteger();
        receiver.createContext("/hook", exchange -> {
            Map<String, String> request = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> request.put(name.toLowerCase(), values.get(0)));
            try (InputStream in = exchange.getRequestBody()) {
                request.put("body", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            received.add(request);
            int code = status.applyAsInt(n.getAndIncrement());
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
        receiver.start();
        Cli.Result created = Cli.run(database, "webhook", "create", "--org=" + org,
                "--url=http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", KEY_ARG);
        assertThat(created.exitCode()).as(created.err()).isZero();
        Matcher secret = SECRET.matcher(created.out());
        Matcher id = ID.matcher(created.out());
        assertThat(secret.find() && id.find()).as(created.out()).isTrue();
        assertThat(Base64.getDecoder().decode(secret.group(1).substring(6))).hasSizeBetween(24, 32);
        assertThat(database.jdbc().queryForObject("SELECT position(?::bytea IN secret_encrypted) FROM webhook_endpoints"
                + " WHERE id = ?::uuid", Integer.class, secret.group(1), id.group(1))).as("stored in clear").isZero();
        return new String[] {id.group(1), secret.group(1)};
    }

    /** An event of the organization with a pending delivery to each enabled endpoint (as the outbox writes them). */
    private static String event(String payload) {
        String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
        database.jdbc().update("""
                INSERT INTO webhook_events (id, type, org_id, project_id, as_of, payload, created_at, job_execution_id)
                VALUES (?, 'goal_compliance.finalized', ?, ?, now(), ?::jsonb, now(), 0)
                """, id, org, UUID.randomUUID(), payload);
        database.jdbc().update("""
                INSERT INTO webhook_deliveries (event_id, endpoint_id, state, next_attempt_at, created_at)
                SELECT ?, id, 'pending', now(), now() FROM webhook_endpoints WHERE enabled
                """, id);
        return id;
    }

    /** A poller on a connection of its own, as a serve replica has. */
    private static WebhookDelivery delivery(Duration firstRetry, Duration giveUpAfter) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), "postgres", "");
        GoalComplianceProperties.Webhooks settings = new GoalComplianceProperties.Webhooks();
        settings.setFirstRetry(firstRetry);
        settings.setGiveUpAfter(giveUpAfter);
        settings.setSecretKey(KEY);
        Clock clock = Clock.systemUTC();
        WebhookDeliveries deliveries = new WebhookDeliveries(new NamedParameterJdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), clock, firstRetry, giveUpAfter,
                Duration.ofSeconds(30));
        return new WebhookDelivery(deliveries, new WebhookSender(Duration.ofSeconds(5), clock), Keys.of(settings),
                clock, Duration.ofMillis(50));
    }

    private static void awaitSettled(WebhookDelivery delivery) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (database.jdbc().queryForObject("SELECT count(*) FROM webhook_deliveries WHERE state = 'pending'",
                Long.class) > 0) {
            assertThat(System.nanoTime()).as("deliveries settled within 20 s").isLessThan(deadline);
            if (delivery.deliverDue() == 0) {
                Thread.sleep(50);
            }
        }
    }

    private static void drain(WebhookDelivery delivery) {
        try {
            awaitSettled(delivery);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Standard Webhooks, independently: v1, base64 HMAC-SHA256 of id.timestamp.body keyed with the secret. */
    private static String expectedSignature(String secret, Map<String, String> request) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signed = request.get("webhook-id") + "." + request.get("webhook-timestamp") + "." + request.get("body");
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
