package com.trackagoat.compliance.snapshot.job;

import static com.trackagoat.compliance.snapshot.job.RestartAfterLostConnectionIT.count;
import static com.trackagoat.compliance.snapshot.job.RestartAfterLostConnectionIT.waitForSnapshots;
import static org.assertj.core.api.Assertions.assertThat;
import static com.trackagoat.compliance.support.TableAssert.assertSameResults;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.support.BulkGoals;
import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.PackagedJar;
import com.trackagoat.compliance.support.TestDatabase;

/**
 * The packaged jar, started as a child process on 50k goals and killed with SIGKILL mid-run, resumes on the
 * next start (recovering the execution its dead owner left STARTED) and leaves the rows of an uninterrupted run.
 */
class KillAndResumeIT {

    private static final int GOALS = 50_000;

    private static TestDatabase killed;
    private static TestDatabase uninterrupted;

    @BeforeAll
    static void createDatabases() {
        killed = BulkGoals.database(KillAndResumeIT.class, GOALS);
        uninterrupted = BulkGoals.database(KillAndResumeIT.class, GOALS);
    }

    @AfterAll
    static void dropDatabases() {
        killed.close();
        uninterrupted.close();
    }

    @Test
    void jarKilledMidRunResumesOnNextStartAndMatchesAnUninterruptedRun() throws Exception {
        // given the jar running the close job, killed with SIGKILL part-way
        Process first = startJar(killed, "first");
        long atKill = waitForSnapshots(killed, GOALS / 4);
        first.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
        long committed = count(killed, "SELECT count(*) FROM goal_compliance_snapshots");
        assertThat(committed).isBetween(atKill, (long) GOALS - 1);
        assertThat(killed.jdbc().queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION", String.class))
                .isEqualTo("STARTED");

        // when two processes start it again at once
        Process second = startJar(killed, "second");
        Process third = startJar(killed, "third");
        assertThat(second.waitFor(5, TimeUnit.MINUTES) && third.waitFor(5, TimeUnit.MINUTES)).isTrue();

        // then both exit 0, one resumed after the last committed chunk and the other found it complete
        assertThat(List.of(second.exitValue(), third.exitValue())).containsOnly(0);
        String outputs = output("second") + output("third");
        assertThat(outputs).contains("recovering it").contains("already completed; nothing to do")
                .contains("run started in");
        assertThat(count(killed, "SELECT count(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'COMPLETED'")).isOne();
        long resumedRead = count(killed, """
                SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME <> 'eventsStep' ORDER BY STEP_EXECUTION_ID DESC LIMIT 1
                """);
        assertThat(resumedRead).isEqualTo(GOALS - committed);
        assertThat(Cli.run(uninterrupted, "run", "--phase=close", "--as-of=" + BulkGoals.CLOSE_AT,
                "--goal-compliance.partitions=1").exitCode()).isZero();
        assertThat(assertSameResults(killed, uninterrupted)).as("result rows").isEqualTo(GOALS);
    }

    static Process startJar(TestDatabase db, String name) throws IOException {
        List<String> command = new ArrayList<>(List.of(PackagedJar.java(), "-jar", PackagedJar.path().toString(),
                "run", "--phase=close", "--as-of=" + BulkGoals.CLOSE_AT,
                // one step: the resume is read from the last step execution
                "--goal-compliance.chunk-size=250", "--goal-compliance.partitions=1", db.urlArg()));
        File log = logFile(name);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static File logFile(String name) {
        return Path.of("target", "kill-and-resume-" + name + ".log").toFile();
    }

    private static String output(String name) throws IOException {
        return Files.readString(logFile(name).toPath());
    }
}
