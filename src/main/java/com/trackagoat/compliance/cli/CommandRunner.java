package com.trackagoat.compliance.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.trackagoat.compliance.api.key.ApiKeyCommand;
import com.trackagoat.compliance.demo.Demo;
import com.trackagoat.compliance.evaluation.Period;
import com.trackagoat.compliance.report.ComplianceReport;
import com.trackagoat.compliance.schedule.Serve;
import com.trackagoat.compliance.snapshot.catchup.CatchUp;
import com.trackagoat.compliance.snapshot.launch.DueInstants;
import com.trackagoat.compliance.snapshot.launch.SnapshotJobLauncher;
import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;
import com.trackagoat.compliance.snapshot.launch.SnapshotRerun;
import com.trackagoat.compliance.snapshot.runs.InstanceRun;
import com.trackagoat.compliance.snapshot.runs.RunHistory;
import com.trackagoat.compliance.snapshot.runs.RunState;
import com.trackagoat.compliance.webhook.WebhookCommand;

/** What the commands do in the started application; each returns its exit code. */
@Component
class CommandRunner {

    private final ObjectProvider<Flyway> flyway;
    private final SnapshotJobLauncher launcher;
    private final CatchUp catchUp;
    private final ComplianceReport report;
    private final Demo demo;
    private final Serve serve;
    private final SnapshotRerun rerun;
    private final ApiKeyCommand apiKeys;
    private final DueInstants due;
    private final RunHistory history;
    private final Clock clock;
    private final WebhookCommand webhooks;

    CommandRunner(ObjectProvider<Flyway> flyway, SnapshotJobLauncher launcher, CatchUp catchUp,
                  ComplianceReport report, Demo demo, Serve serve, SnapshotRerun rerun, ApiKeyCommand apiKeys,
                  DueInstants due, RunHistory history, Clock clock, WebhookCommand webhooks) {
        this.webhooks = webhooks;
        this.flyway = flyway;
        this.launcher = launcher;
        this.catchUp = catchUp;
        this.report = report;
        this.demo = demo;
        this.serve = serve;
        this.rerun = rerun;
        this.apiKeys = apiKeys;
        this.due = due;
        this.history = history;
        this.clock = clock;
    }

    int migrate(PrintStream out) {
        Flyway migrations = flyway.getIfAvailable();
        if (migrations == null) {
            throw new UsageException("migrate: migrations are switched off (spring.flyway.enabled=false)");
        }
        out.println("schema is at version " + migrations.info().current().getVersion());
        return GoalComplianceCli.OK;
    }

    int run(SnapshotJobParameters instance, PrintStream out) {
        due.require(instance); // an instance the schedule has not: BadInstanceException
        return printResult(instance, launcher.run(instance), out);
    }

    int rerun(SnapshotJobParameters instance, PrintStream out) {
        due.require(instance);
        return printResult(instance, rerun.rerun(instance), out);
    }

    int catchUp(Optional<Instant> since, Optional<Instant> until, PrintStream out) {
        CatchUp.Summary summary = catchUp.run(since, until);
        out.println(summary);
        return summary.failed() ? GoalComplianceCli.JOB_FAILED : GoalComplianceCli.OK;
    }

    int status(Optional<Instant> since, Optional<Instant> until, PrintStream out) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS); // due instants are whole seconds
        Instant to = until.orElse(now);
        Instant from = since.orElseGet(() -> history.lookBackStart(to));
        List<InstanceRun> runs = history.runs(from, to);
        StatusTable.print(from, to, runs, new StatusTable.Outlook(now, history.lag(now), history.oldestPending(now),
                history.nextDue(now)), out);
        return runs.stream().anyMatch(run -> run.state() == RunState.FAILED)
                ? GoalComplianceCli.JOB_FAILED : GoalComplianceCli.OK;
    }

    int report(UUID project, Optional<UUID> creator, Optional<Period> period, Optional<LocalDate> referenceDate,
               Optional<Instant> asOf, PrintStream out) {
        out.println(report.render(project, creator, period, referenceDate, asOf));
        return GoalComplianceCli.OK;
    }

    int demo(PrintStream out) {
        return demo.run(out);
    }

    int serve() throws Exception {
        serve.run();
        return GoalComplianceCli.OK;
    }

    int createKey(UUID org, String name, Optional<Duration> expiresIn, PrintStream out) {
        apiKeys.create(org, name, expiresIn, out);
        return GoalComplianceCli.OK;
    }

    int createAdminKey(String name, Optional<Duration> expiresIn, PrintStream out) {
        apiKeys.createAdmin(name, expiresIn, out);
        return GoalComplianceCli.OK;
    }

    int listKeys(PrintStream out) {
        apiKeys.list(out);
        return GoalComplianceCli.OK;
    }

    int revokeKey(UUID id, PrintStream out) {
        apiKeys.revoke(id, out);
        return GoalComplianceCli.OK;
    }

    int createWebhook(UUID org, String url, PrintStream out) {
        webhooks.create(org, url, out);
        return GoalComplianceCli.OK;
    }

    int listWebhooks(PrintStream out) {
        webhooks.list(out);
        return GoalComplianceCli.OK;
    }

    int disableWebhook(UUID id, PrintStream out) {
        webhooks.disable(id, out);
        return GoalComplianceCli.OK;
    }

    int webhookEvents(Optional<UUID> org, PrintStream out) {
        webhooks.events(org, out);
        return GoalComplianceCli.OK;
    }

    int replayWebhook(String eventId, PrintStream out) {
        webhooks.replay(eventId, out);
        return GoalComplianceCli.OK;
    }

    private static int printResult(SnapshotJobParameters instance, SnapshotJobLauncher.Result result, PrintStream out) {
        out.println(instance + ": " + switch (result) {
            case COMPLETED -> "completed";
            case ALREADY_COMPLETE -> "already completed; nothing to do";
            case CLOSE_NOT_COMPLETE -> "not run: the close it settles has not completed";
            case FINAL_NOT_COMPLETE -> "not run: the final it restates has not completed";
            case STOPPED -> "stopped by shutdown after its last committed chunk; the next run resumes it";
            case FAILED -> "failed; the next run resumes it";
        });
        return result == SnapshotJobLauncher.Result.COMPLETED || result == SnapshotJobLauncher.Result.ALREADY_COMPLETE
                ? GoalComplianceCli.OK : GoalComplianceCli.JOB_FAILED;
    }
}
