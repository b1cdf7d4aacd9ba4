package com.trackagoat.compliance.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar running {@code serve} as a child process on a free port and the actuator on another free
 * port ({@code management.server.port}), its output in a log file.
 */
public final class ServeProcess implements AutoCloseable {

    private static final Pattern CATCH_UP_WINDOW = Pattern.compile("catch-up \\((\\S+), (\\S+)]: ");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * Deadlines for {@link #await}, generous because they only cost time when something is broken: on a slow
     * 2-core machine running the test JVM and two serve JVMs at once, a serve took 30 s to start and a
     * 30,000-goal catch-up more than the 4 minutes NodeFailoverIT used to allow (about 100–300 goals/s).
     */
    public static final Duration TO_START = Duration.ofMinutes(5);
    public static final Duration TO_CATCH_UP = Duration.ofMinutes(12);

    private final Process process;
    private final File log;
    private final int port;
    private final int managementPort;

    private ServeProcess(Process process, File log, int port, int managementPort) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** Starts {@code serve} against the database with extra Spring arguments; logs go to target/{name}.log. */
    public static ServeProcess start(TestDatabase db, String name, String... settings) {
        int[] ports = freePorts();
        int port = ports[0];
        int managementPort = ports[1];
        List<String> command = new ArrayList<>(List.of(PackagedJar.java(), "-jar", PackagedJar.path().toString(),
                "serve", db.urlArg(), "--server.port=" + port, "--management.server.port=" + managementPort));
        command.addAll(List.of(settings));
        File log = Path.of("target", name + ".log").toFile();
        try {
            return new ServeProcess(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start(),
                    log, port, managementPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GET on this process's public HTTP port; the body, or "" while it does not answer. */
    public String get(String path) {
        return send(request(base(), path).build()).map(HttpResponse::body).orElse("");
    }

    /** GET on this process's management port (the actuator); the body, or "" while it does not answer. */
    public String actuator(String path) {
        return send(request(managementBase(), path).build()).map(HttpResponse::body).orElse("");
    }

    /** The public port's base URL: the read API. */
    public String base() {
        return "http://127.0.0.1:" + port;
    }

    /** The management port's base URL: {@code /actuator/health}, {@code /actuator/prometheus}. */
    public String managementBase() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** GET with the read API's {@code Authorization: Bearer} key; empty while the process does not answer. */
    public Optional<HttpResponse<String>> get(String path, String key) {
        return send(request(base(), path).header("Authorization", "Bearer " + key).build());
    }

    /** POST with no body and the {@code Authorization: Bearer} key on the public port; empty while it does not answer. */
    public Optional<HttpResponse<String>> post(String path, String key) {
        return send(request(base(), path).header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static HttpRequest.Builder request(String base, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
    }

    private static Optional<HttpResponse<String>> send(HttpRequest request) {
        try {
            return Optional.of(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** {@code goal_compliance_snapshot_lag_seconds}: 0 once everything due has completed. */
    public double lag() {
        return metric("goal_compliance_snapshot_lag_seconds{application=\"goal-compliance\"}");
    }

    /** The value of a Prometheus sample line starting with {@code series}, or NaN if absent. */
    public double metric(String series) {
        return actuator("/actuator/prometheus").lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(Double.NaN);
    }

    /** The sum of all Prometheus samples of a metric whose labels contain every given label. */
    public double sum(String metric, String... labels) {
        return actuator("/actuator/prometheus").lines().filter(line -> line.startsWith(metric + "{"))
                .filter(line -> List.of(labels).stream().allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    public String output() {
        try {
            return Files.readString(log.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The (since, until] windows of the catch-ups this process logged. */
    public List<Instant[]> catchUpWindows() {
        List<Instant[]> windows = new ArrayList<>();
        Matcher m = CATCH_UP_WINDOW.matcher(output());
        while (m.find()) {
            windows.add(new Instant[] {Instant.parse(m.group(1)), Instant.parse(m.group(2))});
        }
        return windows;
    }

    /** Sends SIGTERM and waits for the process to end. */
    public void terminate() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("serve stopped after SIGTERM").isTrue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /**
     * Asserts that the serve processes whose catch-up windows these are wrote exactly the rows that one
     * {@code catch-up} over the union of those windows writes in the reference database (same source data).
     */
    public static void assertRowsOfOneCatchUp(TestDatabase served, TestDatabase reference, List<Instant[]> windows) {
        Instant since = windows.stream().map(w -> w[0]).min(Comparator.naturalOrder()).orElseThrow();
        Instant until = windows.stream().map(w -> w[1]).max(Comparator.naturalOrder()).orElseThrow();
        assertThat(Cli.run(reference, "catch-up", "--since=" + since, "--until=" + until).exitCode()).isZero();
        TableAssert.assertSameResults(served, reference);
    }

    /** How many snapshot job instances have no COMPLETED execution. */
    public static long instancesNotCompleted(TestDatabase db) {
        return db.jdbc().queryForObject("""
                SELECT count(*) FROM BATCH_JOB_INSTANCE i WHERE NOT EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION e
                  WHERE e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID AND e.STATUS = 'COMPLETED')
                """, Long.class);
    }

    /** Polls until the condition holds; fails after the timeout. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting until " + what).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    /** Two distinct free ports: both sockets are open at once, so the system cannot hand out one twice. */
    private static int[] freePorts() {
        try (ServerSocket first = new ServerSocket(0); ServerSocket second = new ServerSocket(0)) {
            return new int[] {first.getLocalPort(), second.getLocalPort()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
