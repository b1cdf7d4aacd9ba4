package com.trackagoat.compliance.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;

import com.trackagoat.compliance.support.ApiServer;
import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.Keys;
import com.trackagoat.compliance.support.RecentGoals;
import com.trackagoat.compliance.support.ServeProcess;
import com.trackagoat.compliance.support.TestDatabase;

/**
 * Admin keys and organizations' keys over real HTTP: an admin key reads every organization and the admin API, an
 * organization's key stays in its organization and gets 403 on every admin path, no key or an expired one is a
 * 401; {@code api-key list} shows when a key was last used (written at most once a minute) and never the key.
 */
class AdminKeysIT {

    private static final String ORG_A = "00000000-0000-4000-8000-000000000100";
    private static final String PROJECT_A = "00000000-0000-4000-8000-000000000200";
    private static final String PROJECT_B = "00000000-0000-4000-8000-000000000201";
    private static final String RANGE = "from=2026-05-01T00:00:00Z&to=2026-05-08T00:00:00Z";

    private static TestDatabase database;
    private static ApiServer server;
    private static Keys.Created admin;
    private static Keys.Created organization;
    private static Keys.Created expiring;

    @BeforeAll
    static void twoOrganizationsAndTheirKeys() {
        database = TestDatabase.migrated(AdminKeysIT.class);
        RecentGoals.insert(database.jdbc(), RecentGoals.anchor(), 2, "America/Chicago", "Asia/Kolkata");
        admin = Keys.createAdmin(database, "on-call");
        organization = Keys.create(database, ORG_A, "org a");
        expiring = Keys.createAdmin(database, "short-lived", "--expires-in=1s");
        server = ApiServer.start(database, null);
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    @Test
    void anAdminKeyReadsEveryOrganizationsProjectsAndAnOrganizationsKeyOnlyItsOwn() {
        for (String project : List.of(PROJECT_A, PROJECT_B)) {
            ApiServer.Response response = server.get("/api/v1/projects/" + project + "/goal-compliance", admin.key());
            assertThat(response.status()).as(project + ": " + response.body()).isEqualTo(200);
            assertThat(response.json().get("data")).as(project).hasSize(2);
        }
        assertThat(server.get("/api/v1/projects/" + PROJECT_A + "/goal-compliance", organization.key()).status())
                .isEqualTo(200);
        ApiServer.Response other = server.get("/api/v1/projects/" + PROJECT_B + "/goal-compliance", organization.key());
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.json().at("/error/code").asString()).isEqualTo("not_found");
        ApiServer.Response aggregate = server.get("/api/v1/analytics/aggregate/goal-compliance", admin.key());
        assertThat(aggregate.status()).as(aggregate.body()).isEqualTo(200);
        assertThat(aggregate.json().at("/meta/projects").asInt()).as("every organization's projects").isEqualTo(2);
    }

    @Test
    void anAdminKeyListsRuns() {
        ApiServer.Response response = server.get("/api/v1/admin/runs?" + RANGE, admin.key());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().propertyNames()).containsExactly("data", "error", "meta");
        assertThat(response.json().get("data").isArray()).isTrue();
        assertThat(response.json().get("error").isNull()).isTrue();
        assertThat(response.json().at("/meta/from").asString()).isEqualTo("2026-05-01T00:00:00.000Z");
        assertThat(response.json().at("/meta/to").asString()).isEqualTo("2026-05-08T00:00:00.000Z");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET /api/v1/admin/runs?" + RANGE, "GET /api/v1/admin/actions",
            "POST /api/v1/admin/runs/close/2026-05-25T05:00:00Z/resume",
            "POST /api/v1/admin/runs/close/2026-05-25T05:00:00Z/rerun", "POST /api/v1/admin/backfill?" + RANGE,
            "POST /api/v1/admin/backfill?" + RANGE + "&dry_run=false", "GET /api/v1/admin/nothing-here"})
    void anOrganizationsKeyIs403AndNoKeyIs401OnEveryAdminPath(String request) {
        String method = request.substring(0, request.indexOf(' '));
        String path = request.substring(request.indexOf(' ') + 1);

        ApiServer.Response forbidden = send(method, path, organization.key());
        ApiServer.Response anonymous = send(method, path, null);
        ApiServer.Response badKey = send(method, path, "tga_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        assertRefused(forbidden, 403, "forbidden", "the admin API needs an admin key (api-key create --admin)");
        assertRefused(anonymous, 401, "unauthorized", "missing Authorization header");
        assertRefused(badKey, 401, "unauthorized", "invalid or revoked API key");
        assertThat(database.jdbc().queryForObject("SELECT count(*) FROM admin_actions", Long.class))
                .as("nothing recorded for a refused key").isZero();
    }

    @Test
    void anExpiredKeyIs401() throws InterruptedException {
        ServeProcess.await("the short-lived key expires", Duration.ofSeconds(10),
                () -> server.get("/api/v1/admin/runs?" + RANGE, expiring.key()).status() == 401);

        assertRefused(server.get("/api/v1/admin/runs?" + RANGE, expiring.key()), 401, "unauthorized",
                "API key expired");
        assertRefused(server.get("/api/v1/projects/" + PROJECT_A + "/goal-compliance", expiring.key()), 401,
                "unauthorized", "API key expired");
    }

    @Test
    void listShowsLastUseAfterARequestAndNeverTheKey() {
        Keys.Created listed = Keys.create(database, ORG_A, "list test");
        assertThat(fields(Cli.run(database, "api-key", "list").out(), listed.id())).as("before any request")
                .containsExactly(listed.id(), ORG_A, "list test", listed.key().substring(0, 12),
                        createdAt(listed.id()), "-", "-", "-");

        assertThat(server.get("/api/v1/projects/" + PROJECT_A + "/goal-compliance", listed.key()).status()).isEqualTo(200);
        Cli.Result list = Cli.run(database, "api-key", "list");

        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out().lines().findFirst().orElseThrow().split("\\s{2,}"))
                .containsExactly("ID", "ORG", "NAME", "PREFIX", "CREATED", "LAST USED", "EXPIRES", "REVOKED");
        assertThat(fields(list.out(), listed.id())).as("id, org, name, prefix, created, last used, expires, revoked")
                .containsExactly(listed.id(), ORG_A, "list test", listed.key().substring(0, 12), createdAt(listed.id()),
                        lastUsed(listed.id()).toInstant().truncatedTo(ChronoUnit.SECONDS).toString(), "-", "-");
        assertThat(fields(list.out(), admin.id())).as("the admin key").containsSequence("admin", "on-call");
        assertThat(fields(list.out(), expiring.id())[6]).as("the short-lived key's expiry")
                .isEqualTo(database.jdbc().queryForObject("SELECT expires_at FROM api_keys WHERE id = ?::uuid",
                        OffsetDateTime.class, expiring.id()).toInstant().truncatedTo(ChronoUnit.SECONDS).toString());
        for (Keys.Created key : List.of(listed, admin, organization, expiring)) {
            assertThat(list.out()).as("never the key").doesNotContain(key.key().substring(12));
        }
    }

    @Test
    void lastUseIsWrittenAtMostOnceAMinute() {
        Keys.Created key = Keys.create(database, ORG_A, "touch test");
        server.get("/api/v1/projects/" + PROJECT_A + "/goal-compliance", key.key());
        OffsetDateTime first = lastUsed(key.id());

        server.get("/api/v1/projects/" + PROJECT_A + "/goal-compliance", key.key());

        assertThat(first).isNotNull();
        assertThat(lastUsed(key.id())).as("unchanged by a second request within the minute").isEqualTo(first);
    }

    @Test
    void anAdminKeyHasNoOrganizationAndAnyOtherKeyOne() {
        assertThatThrownBy(() -> database.jdbc().update("UPDATE api_keys SET org_id = NULL WHERE id = ?::uuid",
                organization.id())).isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("api_keys_admin_or_org");
        assertThatThrownBy(() -> database.jdbc().update("UPDATE api_keys SET org_id = ?::uuid WHERE id = ?::uuid",
                ORG_A, admin.id())).isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("api_keys_admin_or_org");
    }

    private static ApiServer.Response send(String method, String path, String key) {
        return method.equals("GET") ? server.get(path, key) : server.post(path, key);
    }

    private static OffsetDateTime lastUsed(String id) {
        return database.jdbc().queryForObject("SELECT last_used_at FROM api_keys WHERE id = ?::uuid",
                OffsetDateTime.class, id);
    }

    /** The columns of a key's row (separated by at least two spaces). */
    private static String[] fields(String list, String id) {
        return list.lines().filter(line -> line.startsWith(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no row of key " + id + " in:\n" + list)).split("\\s{2,}");
    }

    private static String createdAt(String id) {
        return database.jdbc().queryForObject("SELECT created_at FROM api_keys WHERE id = ?::uuid",
                OffsetDateTime.class, id).toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static void assertRefused(ApiServer.Response response, int status, String code, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().propertyNames()).containsExactly("data", "error", "meta");
        assertThat(response.json().get("data").isNull()).isTrue();
        assertThat(response.json().at("/error/code").asString()).isEqualTo(code);
        assertThat(response.json().at("/error/message").asString()).startsWith(message);
    }
}
