package com.trackagoat.compliance.api.admin;

import static com.trackagoat.compliance.support.TableAssert.assertSameResults;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.trackagoat.compliance.support.ApiServer;
import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.Keys;
import com.trackagoat.compliance.support.RecentGoals;
import com.trackagoat.compliance.support.ServeProcess;
import com.trackagoat.compliance.support.TestDatabase;

import tools.jackson.databind.JsonNode;

/**
 * The admin API over real HTTP on a database where one close fails (a trigger refuses its rows): runs lists it
 * {@code failed} and its final {@code waiting}, an organization's key is refused, instances that cannot be
 * resumed are refused; after the fix a resume completes the close in the background and its final follows,
 * leaving the rows of a run that never failed; rerun and backfill run in the background too; every action is
 * recorded with the key that asked.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminApiIT {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final Duration SETTLE = Duration.ofHours(48);
    private static final Duration BACKGROUND = Duration.ofMinutes(3);
    private static final String ORG = "00000000-0000-4000-8000-000000000100";

    private static TestDatabase failing;
    private static TestDatabase uninterrupted;
    private static ApiServer server;
    private static Keys.Created admin;
    private static String organizationKey;
    private static Instant since;
    private static Instant until;
    private static Instant failedClose;

    @BeforeAll
    static void oneCloseFailed() {
        until = RecentGoals.anchor();
        TestDatabase[] databases = RecentGoals.twoDatabases(AdminApiIT.class, 10, "America/Chicago", "Asia/Kolkata");
        failing = databases[0];
        uninterrupted = databases[1];
        since = until.minus(Duration.ofDays(4));
        failedClose = midnight(CHICAGO, -3);
        failing.refuseCloseRows(failedClose);
        Cli.Result failed = catchUp(failing);
        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(1);
        Cli.Result reference = catchUp(uninterrupted);
        assertThat(reference.exitCode()).as(reference.out() + reference.err()).isZero();
        admin = Keys.createAdmin(failing, "on-call");
        organizationKey = Keys.create(failing, ORG, "org a").key();
        server = ApiServer.start(failing, null);
    }

    @AfterAll
    static void stop() {
        server.close();
        failing.close();
        uninterrupted.close();
    }

    @Test
    @Order(1)
    void aFailedCloseIsListedFailedAndItsFinalWaitingUntilAResumeCompletesBoth() throws InterruptedException {
        String close = "close@" + failedClose;
        String itsFinal = "final@" + failedClose.plus(SETTLE);

        // the failed close and its waiting final, as runs lists them
        JsonNode runs = runs("");
        JsonNode failed = run(runs, close);
        assertThat(failed.get("state").asString()).as(close).isEqualTo("failed");
        assertThat(failed.get("executions")).as(close).singleElement().satisfies(execution -> {
            assertThat(execution.get("status").asString()).isEqualTo("FAILED");
            assertThat(execution.get("exit_message").asString()).contains("are refused");
        });
        assertThat(failed.get("progress").isNull()).isTrue();
        assertThat(run(runs, itsFinal).get("state").asString()).as(itsFinal).isEqualTo("waiting");
        assertThat(run(runs, itsFinal).get("executions")).as(itsFinal).isEmpty();
        assertThat(instances(runs("&state=failed"))).containsExactly(close);
        assertThat(instances(runs("&state=waiting"))).containsExactly(itsFinal);
        assertThat(instances(runs("&phase=final&state=waiting"))).containsExactly(itsFinal);
        assertThat(instances(runs("&phase=nightly&state=failed"))).isEmpty();

        // a dry run lists what is not completed; refusals
        ApiServer.Response dryRun = server.post("/api/v1/admin/backfill?from=" + since + "&to=" + until, admin.key());
        assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
        assertThat(instances(dryRun.json().get("data"))).containsExactly(close, itsFinal);
        assertThat(dryRun.json().at("/meta/dry_run").asBoolean()).isTrue();
        String resumePath = "/api/v1/admin/runs/close/" + failed.get("as_of").asString() + "/resume";
        assertThat(server.post(resumePath, organizationKey).status()).isEqualTo(403);
        assertRefused(server.post(path(itsFinal, "resume"), admin.key()), 409, "conflict",
                itsFinal + " waits for the instance it settles");
        String completedNightly = "nightly@" + midnight(KOLKATA, -2);
        assertRefused(server.post(path(completedNightly, "resume"), admin.key()), 409, "conflict",
                completedNightly + " has completed");
        assertRefused(server.post(path("close@" + failedClose.plusSeconds(900), "resume"), admin.key()), 400,
                "invalid_parameter", "as_of names no due instance");

        // when the cause is gone and an admin resumes the close (as_of as runs printed it)
        failing.acceptCloseRows();
        ApiServer.Response resumed = server.post(resumePath, admin.key());

        // then it is accepted at once and runs in the background; its final follows
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(202);
        assertThat(resumed.json().at("/data/phase").asString()).isEqualTo("close");
        assertThat(Instant.parse(resumed.json().at("/data/as_of").asString())).isEqualTo(failedClose);
        long actionId = resumed.json().at("/meta/action_id").asLong();
        ServeProcess.await("the close and its final complete", BACKGROUND, () -> {
            JsonNode now = runs("");
            return run(now, close).get("state").asString().equals("completed")
                    && run(now, itsFinal).get("state").asString().equals("completed");
        });
        assertThat(run(runs(""), close).get("executions")).extracting(e -> e.get("status").asString())
                .containsExactly("FAILED", "COMPLETED");
        assertSameResults(failing, uninterrupted);

        // and the record lists the resume with the key, newest first, after the refusals
        JsonNode resume = awaitFinished(actionId);
        assertThat(resume.get("action").asString()).isEqualTo("resume");
        assertThat(resume.get("key_id").asString()).isEqualTo(admin.id());
        assertThat(resume.get("key_name").asString()).isEqualTo("on-call");
        assertThat(resume.get("phase").asString()).isEqualTo("close");
        assertThat(Instant.parse(resume.get("as_of").asString())).isEqualTo(failedClose);
        assertThat(resume.get("outcome").asString()).isEqualTo("completed");
        assertThat(resume.get("detail").asString()).contains("then " + itsFinal + " completed");
        JsonNode actions = actions();
        assertThat(actions.get(0).get("id").asLong()).as("newest first").isEqualTo(actionId);
        List<String> earlier = new ArrayList<>();
        for (int i = 1; i < actions.size(); i++) {
            earlier.add(actions.get(i).get("action").asString() + " " + actions.get(i).get("outcome").asString());
        }
        assertThat(earlier).containsExactly("resume refused", "resume refused", "resume refused",
                "backfill_dry_run listed");
        assertThat(actions.get(1).get("detail").asString()).startsWith("400 as_of names no due instance");
    }

    @Test
    @Order(2)
    void rerunAndBackfillRunInTheBackgroundAndAreRecorded() throws InterruptedException {
        String nightly = "nightly@" + midnight(KOLKATA, -2);
        ApiServer.Response rerun = server.post(path(nightly, "rerun"), admin.key());
        assertThat(rerun.status()).as(rerun.body()).isEqualTo(202);
        JsonNode rerunRecord = awaitFinished(rerun.json().at("/meta/action_id").asLong());
        assertThat(rerunRecord.get("outcome").asString()).isEqualTo("completed");
        assertThat(run(runs(""), nightly).get("executions")).as("a new job instance").hasSize(1);
        assertSameResults(failing, uninterrupted);

        assertRefused(server.post(path("close@" + midnight(CHICAGO, 2), "rerun"), admin.key()), 400,
                "invalid_parameter", "as_of names");
        assertRefused(server.post("/api/v1/admin/backfill?from=" + since + "&to=" + midnight(CHICAGO, 2)
                + "&dry_run=false", admin.key()), 400, "invalid_parameter", "to (" + midnight(CHICAGO, 2)
                + ") is in the future");

        ApiServer.Response backfill = server.post("/api/v1/admin/backfill?from=" + since + "&to=" + until
                + "&dry_run=false", admin.key());
        assertThat(backfill.status()).as(backfill.body()).isEqualTo(202);
        assertThat(backfill.json().get("data")).as("nothing left to run").isEmpty();
        JsonNode backfillRecord = awaitFinished(backfill.json().at("/meta/action_id").asLong());
        assertThat(backfillRecord.get("action").asString()).isEqualTo("backfill");
        assertThat(Instant.parse(backfillRecord.get("from").asString())).isEqualTo(since);
        assertThat(Instant.parse(backfillRecord.get("to").asString())).isEqualTo(until);
        assertThat(backfillRecord.get("outcome").asString()).isEqualTo("completed");
        assertThat(backfillRecord.get("detail").asString()).contains(" 0 ran, ");
    }

    private static JsonNode runs(String filters) {
        ApiServer.Response response = server.get("/api/v1/admin/runs?from=" + since + "&to=" + until + filters,
                admin.key());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("data");
    }

    private static JsonNode run(JsonNode runs, String instance) {
        for (JsonNode run : runs) {
            if (instance(run).equals(instance)) {
                return run;
            }
        }
        throw new AssertionError("runs lists no " + instance + ": " + instances(runs));
    }

    private static List<String> instances(JsonNode runs) {
        List<String> instances = new ArrayList<>();
        runs.forEach(run -> instances.add(instance(run)));
        return instances;
    }

    private static String instance(JsonNode run) {
        return run.get("phase").asString() + "@" + Instant.parse(run.get("as_of").asString());
    }

    /** The path of an action on {@code phase@as_of}. */
    private static String path(String instance, String action) {
        String[] parts = instance.split("@");
        return "/api/v1/admin/runs/" + parts[0] + "/" + parts[1] + "/" + action;
    }

    private static JsonNode actions() {
        ApiServer.Response response = server.get("/api/v1/admin/actions", admin.key());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("data");
    }

    /** The record of an action once its background run has ended. */
    private static JsonNode awaitFinished(long id) throws InterruptedException {
        ServeProcess.await("admin action " + id + " finishes", BACKGROUND, () -> !action(id).get("finished_at").isNull());
        return action(id);
    }

    private static JsonNode action(long id) {
        for (JsonNode action : actions()) {
            if (action.get("id").asLong() == id) {
                return action;
            }
        }
        throw new AssertionError("no admin action " + id + ": " + actions());
    }

    private static void assertRefused(ApiServer.Response response, int status, String code, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("data").isNull()).isTrue();
        assertThat(response.json().at("/error/code").asString()).isEqualTo(code);
        assertThat(response.json().at("/error/message").asString()).startsWith(message);
    }

    private static Cli.Result catchUp(TestDatabase db) {
        return Cli.run(db, "catch-up", "--since=" + since, "--until=" + until);
    }

    /** The zone's local midnight {@code days} from the day of {@code until}. */
    private static Instant midnight(ZoneId zone, int days) {
        LocalDate today = until.atZone(zone).toLocalDate();
        return today.plusDays(days).atStartOfDay(zone).toInstant();
    }
}
