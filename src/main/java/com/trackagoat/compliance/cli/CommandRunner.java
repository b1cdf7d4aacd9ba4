package com.trackagoat.compliance.cli;

import java.io.PrintStream;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.trackagoat.compliance.api.key.ApiKeyCommand;
import com.trackagoat.compliance.demo.Demo;
import com.trackagoat.compliance.report.ComplianceReport;
import com.trackagoat.compliance.schedule.Serve;
import com.trackagoat.compliance.snapshot.CatchUp;
import com.trackagoat.compliance.snapshot.DueInstants;
import com.trackagoat.compliance.snapshot.SnapshotJobLauncher;
import com.trackagoat.compliance.snapshot.SnapshotJobParameters;
import com.trackagoat.compliance.snapshot.SnapshotRerun;

/** Runs a parsed command in the started application and returns its exit code. */
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

    CommandRunner(ObjectProvider<Flyway> flyway, SnapshotJobLauncher launcher, CatchUp catchUp,
                  ComplianceReport report, Demo demo, Serve serve, SnapshotRerun rerun, ApiKeyCommand apiKeys,
                  DueInstants due) {
        this.flyway = flyway;
        this.launcher = launcher;
        this.catchUp = catchUp;
        this.report = report;
        this.demo = demo;
        this.serve = serve;
        this.rerun = rerun;
        this.apiKeys = apiKeys;
        this.due = due;
    }

    int run(Invocation invocation, PrintStream out) throws Exception {
        return switch (invocation.command()) {
            case MIGRATE -> {
                Flyway migrations = flyway.getIfAvailable();
                if (migrations == null) {
                    throw new UsageException("migrate: migrations are switched off (spring.flyway.enabled=false)");
                }
                out.println("schema is at version " + migrations.info().current().getVersion());
                yield GoalComplianceCli.OK;
            }
            case RUN -> {
                SnapshotJobParameters instance = dueInstance(invocation);
                yield printResult(instance, launcher.run(instance), out);
            }
            case RERUN -> {
                SnapshotJobParameters instance = dueInstance(invocation);
                yield printResult(instance, rerun.rerun(instance), out);
            }
            case CATCH_UP -> {
                CatchUp.Summary summary = catchUp.run(invocation.since(), invocation.until());
                out.println(summary);
                yield summary.failed() ? GoalComplianceCli.JOB_FAILED : GoalComplianceCli.OK;
            }
            case REPORT -> {
                out.println(report.render(invocation.project(), invocation.creator(), invocation.period(),
                        invocation.referenceDate(), invocation.asOf()));
                yield GoalComplianceCli.OK;
            }
            case DEMO -> demo.run(out);
            case SERVE -> {
                serve.run();
                yield GoalComplianceCli.OK;
            }
            case API_KEY -> {
                if (invocation.apiKeyAction() == Invocation.ApiKeyAction.CREATE) {
                    apiKeys.create(invocation.org(), invocation.keyName(), out);
                } else {
                    apiKeys.revoke(invocation.keyId(), out);
                }
                yield GoalComplianceCli.OK;
            }
        };
    }

    /** The instance the command names, if the schedule has it (else {@link BadInstanceException}). */
    private SnapshotJobParameters dueInstance(Invocation invocation) {
        SnapshotJobParameters instance = new SnapshotJobParameters(invocation.phase(), invocation.asOf().orElseThrow());
        due.require(instance);
        return instance;
    }

    private static int printResult(SnapshotJobParameters instance, SnapshotJobLauncher.Result result, PrintStream out) {
        out.println(instance + ": " + switch (result) {
            case COMPLETED -> "completed";
            case ALREADY_COMPLETE -> "already completed; nothing to do";
            case CLOSE_NOT_COMPLETE -> "not run: the close it settles has not completed";
            case STOPPED -> "stopped by shutdown after its last committed chunk; the next run resumes it";
            case FAILED -> "failed; the next run resumes it";
        });
        return result == SnapshotJobLauncher.Result.COMPLETED || result == SnapshotJobLauncher.Result.ALREADY_COMPLETE
                ? GoalComplianceCli.OK : GoalComplianceCli.JOB_FAILED;
    }
}
