package com.trackagoat.compliance.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.support.ApiServer;
import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.Keys;
import com.trackagoat.compliance.support.SettableClock;
import com.trackagoat.compliance.support.TestDatabase;

/**
 * The console's sign-in and session rules over real HTTP (the browser test shows the pages in use): only a
 * valid admin key signs in, the cookie is HttpOnly and SameSite=Strict, nothing answers without a session,
 * no POST acts without the session's CSRF token, and a session ends at sign-out, at its timeout and when its
 * key is revoked.
 */
class ConsoleSecurityIT {

    private static final String ORG = "00000000-0000-4000-8000-00000000c001";
    private static final String NO_EVENT = "evt_0123456789abcdef0123456789abcdef";
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String MIDNIGHT = START.truncatedTo(ChronoUnit.DAYS).toString();
    private static final String INSTANCE = "?phase=close&as_of=" + MIDNIGHT;

    private static TestDatabase db;
    private static ApiServer server;
    private static SettableClock clock;
    private static Keys.Created admin;
    private static Keys.Created orgKey;
    private static Keys.Created shortLived;

    private ConsoleClient browser;

    @BeforeAll
    static void serve() {
        db = TestDatabase.migrated(ConsoleSecurityIT.class);
        db.jdbc().update("INSERT INTO organizations (id, name, timezone) VALUES (?::uuid, 'utc org', 'UTC')", ORG);
        admin = Keys.createAdmin(db, "ops on call");
        orgKey = Keys.create(db, ORG, "org reader");
        shortLived = Keys.createAdmin(db, "one hour", "--expires-in=1h");
        clock = new SettableClock(START);
        server = ApiServer.start(db, clock);
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    @BeforeEach
    void freshBrowser() {
        clock.set(START);
        browser = new ConsoleClient(server.base());
    }

    @Test
    void anAdminKeySignsInWithAnHttpOnlyStrictSessionCookieAndSeesTheOverview() {
        ConsoleClient.Response signedIn = browser.signIn(admin.key());

        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(303);
        assertThat(signedIn.location()).hasValue("/console");
        assertThat(signedIn.setCookies()).filteredOn(c -> c.startsWith("gc_console=")).singleElement()
                .satisfies(cookie -> assertThat(cookie).contains("; Path=/console", "; Max-Age=28800", "; HttpOnly",
                        "; SameSite=Strict"));
        ConsoleClient.Response overview = browser.get("/console");
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.body()).contains("<h1>Overview</h1>", "ops on call").doesNotContain(admin.key());
    }

    @Test
    void aWrongRevokedOrExpiredKeyCannotSignIn() {
        Keys.Created revoked = Keys.createAdmin(db, "revoked");
        assertThat(Cli.run(db, "api-key", "revoke", "--id=" + revoked.id()).exitCode()).isZero();
        String wrong = admin.key().substring(0, admin.key().length() - 4) + "AAAA";

        assertRefused(browser.signIn(wrong), 401, "That key is not valid: it is unknown, mistyped or revoked.");
        assertRefused(browser.signIn("not a key"), 401, "That key is not valid");
        assertRefused(browser.signIn(""), 401, "Enter an admin key.");
        assertRefused(browser.signIn(revoked.key()), 401, "That key is not valid");
        clock.advance(Duration.ofHours(2));
        assertRefused(browser.signIn(shortLived.key()), 401, "That key expired at ");
    }

    @Test
    void anOrganizationsKeyCannotSignIn() {
        assertRefused(browser.signIn(orgKey.key()), 403,
                "That is an organization&#39;s key: the console needs an admin key (api-key create --admin).");
    }

    @Test
    void withoutASessionEveryPageRedirectsToSignInAndEveryActionIs403() {
        for (String page : List.of("/console", "/console/coverage", "/console/run" + INSTANCE,
                "/console/run/resume" + INSTANCE, "/console/run/rerun" + INSTANCE, "/console/rejects",
                "/console/payouts", "/console/payouts.csv", "/console/goal", "/console/goal?id=" + ORG,
                "/console/webhooks", "/console/webhooks/event?id=" + NO_EVENT)) {
            ConsoleClient.Response response = browser.get(page);
            assertThat(response.status()).as(page).isEqualTo(303);
            assertThat(response.location()).as(page).hasValue("/console/sign-in");
        }
        browser.setCookie("gc_console", "made-up-session");
        for (String action : List.of("/console/sign-out", "/console/run/resume", "/console/run/rerun")) {
            ConsoleClient.Response response = browser.post(action, "_csrf", "x", "phase", "close", "as_of", MIDNIGHT);
            assertThat(response.status()).as(action).isEqualTo(403);
            assertThat(response.body()).as(action).contains("You are not signed in");
        }
        assertThat(adminActions()).isZero();
    }

    @Test
    void aPostWithoutTheSessionsCsrfTokenIs403AndDoesNothing() {
        browser.signIn(admin.key());
        String token = browser.get("/console/run/resume" + INSTANCE).csrf();

        ConsoleClient.Response missing = browser.post("/console/run/rerun", "phase", "close", "as_of", MIDNIGHT);
        ConsoleClient.Response wrong = browser.post("/console/run/rerun", "_csrf", token + "x", "phase", "close",
                "as_of", MIDNIGHT);
        ConsoleClient.Response crossSite = browser.post("/console/run/rerun", Map.of("Sec-Fetch-Site", "cross-site"),
                "_csrf", token, "phase", "close", "as_of", MIDNIGHT);

        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.body()).contains("This form was not sent from a page of your session.");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(crossSite.body()).contains("A request from another site cannot act on the console.");
        assertThat(adminActions()).isZero();
        assertThat(browser.get("/console").status()).as("still signed in").isEqualTo(200);
    }

    @Test
    void aSignInPostWithoutItsFormTokenIs403() {
        browser.get("/console/sign-in");

        ConsoleClient.Response noToken = browser.post("/console/sign-in", "key", admin.key());
        ConsoleClient.Response otherToken = browser.post("/console/sign-in", "_csrf", "guessed", "key", admin.key());

        for (ConsoleClient.Response response : List.of(noToken, otherToken)) {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.body()).contains("The sign-in form has expired or was not sent from this console.");
            assertThat(response.setCookies()).noneMatch(c -> c.startsWith("gc_console="));
        }
    }

    @Test
    void signingOutEndsTheSession() {
        browser.signIn(admin.key());
        String session = browser.cookie("gc_console").orElseThrow();
        String token = browser.get("/console").csrf();

        ConsoleClient.Response out = browser.post("/console/sign-out", "_csrf", token);

        assertThat(out.status()).isEqualTo(303);
        assertThat(out.location()).hasValue("/console/sign-in?signed_out");
        assertThat(browser.cookie("gc_console")).as("cookie cleared").isEmpty();
        browser.setCookie("gc_console", session);
        assertThat(browser.get("/console").status()).as("the old cookie after sign-out").isEqualTo(303);
    }

    @Test
    void theSessionExpiresAfterItsTimeout() {
        browser.signIn(admin.key());
        clock.advance(Duration.ofHours(8).minusSeconds(1));
        assertThat(browser.get("/console").status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(1));

        ConsoleClient.Response expired = browser.get("/console");
        assertThat(expired.status()).isEqualTo(303);
        assertThat(expired.location()).hasValue("/console/sign-in");
    }

    @Test
    void revokingOrExpiringTheKeyEndsItsSessions() {
        Keys.Created key = Keys.createAdmin(db, "to revoke");
        browser.signIn(key.key());
        ConsoleClient hourly = new ConsoleClient(server.base());
        hourly.signIn(shortLived.key());
        assertThat(browser.get("/console").status()).isEqualTo(200);
        assertThat(hourly.get("/console").status()).isEqualTo(200);

        assertThat(Cli.run(db, "api-key", "revoke", "--id=" + key.id()).exitCode()).isZero();
        clock.advance(Duration.ofHours(2));

        assertThat(browser.get("/console").status()).as("the key was revoked").isEqualTo(303);
        assertThat(hourly.get("/console").status()).as("the key expired before the session").isEqualTo(303);
    }

    @Test
    void consolePagesAllowNoScriptNoFramingAndNoCaching() {
        browser.signIn(admin.key());

        for (String page : List.of("/console", "/console/coverage", "/console/run" + INSTANCE, "/console/sign-in",
                "/console/rejects", "/console/payouts", "/console/goal", "/console/payouts.csv", "/console/webhooks")) {
            ConsoleClient.Response response = browser.get(page);
            assertThat(response.status()).as(page).isEqualTo(200);
            assertThat(response.header("Content-Security-Policy")).as(page)
                    .hasValue("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                            + "frame-ancestors 'none'; base-uri 'none'");
            assertThat(response.header("X-Frame-Options")).hasValue("DENY");
            assertThat(response.header("Cache-Control")).hasValue("no-store");
            assertThat(response.body()).doesNotContain("<script");
        }
        assertThat(browser.get("/console/console.css").header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/css"));
    }

    @Test
    void aBadParameterIsAnHtmlPageNamingIt() {
        browser.signIn(admin.key());

        ConsoleClient.Response badPhase = browser.get("/console/run?phase=weekly&as_of=" + MIDNIGHT);
        ConsoleClient.Response badRange = browser.get("/console/coverage?from=yesterday");
        ConsoleClient.Response notDue = browser.get("/console/run?phase=close&as_of=" + MIDNIGHT.replace("00:00:00",
                "00:07:00"));

        assertThat(badPhase.status()).isEqualTo(400);
        assertThat(badPhase.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(badPhase.body()).contains("phase must be nightly, close, final or restatement, not &#39;weekly&#39;");
        assertThat(badRange.status()).isEqualTo(400);
        assertThat(badRange.body()).contains("from must be an ISO-8601 UTC instant");
        assertThat(notDue.status()).isEqualTo(404);
        ConsoleClient.Response badReason = browser.get("/console/rejects?reason=late");
        assertThat(badReason.status()).isEqualTo(400);
        assertThat(badReason.body()).contains("reason must be a reject reason (invalid_timezone, ");
        assertThat(browser.get("/console/payouts.csv?eligibility=maybe").status()).isEqualTo(400);
        assertThat(browser.get("/console/payouts?limit=0").status()).isEqualTo(400);
        assertThat(browser.get("/console/goal?id=not-a-goal").status()).isEqualTo(400);
        assertThat(browser.get("/console/goal?id=" + ORG).status()).as("no such goal").isEqualTo(404);
        ConsoleClient.Response badState = browser.get("/console/webhooks?state=lost");
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.body()).contains("state must be pending, delivered, failed, not &#39;lost&#39;");
        for (String bad : List.of("/console/webhooks?type=goal_compliance.late", "/console/webhooks?org=acme",
                "/console/webhooks?limit=0", "/console/webhooks?after=x", "/console/webhooks/event",
                "/console/webhooks/event?id=evt_%3Cb%3E", "/console/webhooks/event?id=" + NO_EVENT + "&x=1")) {
            assertThat(browser.get(bad).status()).as(bad).isEqualTo(400);
        }
        assertThat(browser.get("/console/webhooks/event?id=" + NO_EVENT).status()).as("no such event")
                .isEqualTo(404);
    }

    private void assertRefused(ConsoleClient.Response response, int status, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains("id=\"sign-in-error\"").contains(message);
        assertThat(response.setCookies()).noneMatch(c -> c.startsWith("gc_console=") && !c.contains("Max-Age=0"));
    }

    private static long adminActions() {
        return db.jdbc().queryForObject("SELECT count(*) FROM admin_actions", Long.class);
    }
}
