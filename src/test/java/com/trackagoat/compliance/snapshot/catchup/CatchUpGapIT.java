package com.trackagoat.compliance.snapshot.catchup;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.RecentGoals;
import com.trackagoat.compliance.support.ServeProcess;
import com.trackagoat.compliance.support.TestDatabase;

/**
 * Where a catch-up starts when no {@code --since} is given: the command continues after the last completed
 * instant (data-contract.md), ignoring one run ahead of time; {@code serve} also fills the gaps behind it.
 */
class CatchUpGapIT {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final String LOOK_BACK = "--goal-compliance.catch-up.look-back=P3D";

    @Test
    void catchUpContinuesAfterTheLastCompletedInstantAndIgnoresOneRunAheadOfTime() {
        TestDatabase[] databases = RecentGoals.twoDatabases(CatchUpGapIT.class, 60, "America/Chicago");
        try {
            // given a catch-up up to a day ago, and a nightly run ahead of time
            Instant now = RecentGoals.anchor();
            Instant start = now.minus(Duration.ofDays(3));
            Instant dayAgo = now.minus(Duration.ofDays(1));
            assertThat(catchUp(databases[0], "--since=" + start, "--until=" + dayAgo)).isZero();
            assertThat(Cli.run(databases[0], "run", "--phase=nightly", "--as-of=" + midnight(10)).exitCode()).isZero();

            // when catch-up runs with its default start
            assertThat(catchUp(databases[0], "--until=" + now)).isZero();

            // then it ran what one catch-up over the whole range runs
            assertThat(catchUp(databases[1], "--since=" + start, "--until=" + now)).isZero();
            assertThat(completedUpTo(databases[0], now)).isEqualTo(completedUpTo(databases[1], now))
                    .hasSizeGreaterThan(6);
        } finally {
            databases[0].close();
            databases[1].close();
        }
    }

    @Test
    void serveRunsTheInstantsBehindAHandRunOfALaterOne() throws Exception {
        TestDatabase[] databases = RecentGoals.twoDatabases(CatchUpGapIT.class, 60, "America/Chicago");
        try {
            // given a close run by hand at yesterday's midnight, nothing before it
            Instant yesterday = midnight(-1);
            assertThat(Cli.run(databases[0], "run", "--phase=close", "--as-of=" + yesterday).exitCode()).isZero();

            // when serve catches up
            List<Instant[]> windows = new ArrayList<>();
            try (ServeProcess serve = ServeProcess.start(databases[0], "catch-up-gap-serve",
                    RecentGoals.lookBackSetting(Duration.ofHours(72)))) {
                ServeProcess.await("serve caught up", ServeProcess.TO_CATCH_UP, () -> serve.lag() == 0.0);
                serve.terminate();
                windows.addAll(serve.catchUpWindows());
            }

            // then it also ran the instants before yesterday's close, as one catch-up over its window does
            Instant until = windows.stream().map(w -> w[1]).max(Instant::compareTo).orElseThrow();
            Instant since = windows.stream().map(w -> w[0]).min(Instant::compareTo).orElseThrow();
            assertThat(catchUp(databases[1], "--since=" + since, "--until=" + until)).isZero();
            assertThat(completedUpTo(databases[0], until)).isEqualTo(completedUpTo(databases[1], until))
                    .anyMatch(instance -> instance.startsWith("close@")
                            && Instant.parse(instance.substring(6)).isBefore(yesterday));
        } finally {
            databases[0].close();
            databases[1].close();
        }
    }

    /** Chicago's local midnight {@code days} from today. */
    private static Instant midnight(int days) {
        LocalDate today = RecentGoals.anchor().atZone(CHICAGO).toLocalDate();
        return today.plusDays(days).atStartOfDay(CHICAGO).toInstant();
    }

    private static int catchUp(TestDatabase db, String... window) {
        List<String> args = new ArrayList<>(List.of("catch-up", LOOK_BACK));
        args.addAll(List.of(window));
        return Cli.run(db, args.toArray(String[]::new)).exitCode();
    }

    private static List<String> completedUpTo(TestDatabase db, Instant until) {
        return db.jdbc().queryForList("""
                SELECT ph.PARAMETER_VALUE || '@' || a.PARAMETER_VALUE AS instance
                FROM BATCH_JOB_EXECUTION e
                JOIN BATCH_JOB_EXECUTION_PARAMS ph ON ph.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND ph.PARAMETER_NAME = 'phase'
                JOIN BATCH_JOB_EXECUTION_PARAMS a ON a.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND a.PARAMETER_NAME = 'asOf'
                WHERE e.STATUS = 'COMPLETED' AND CAST(a.PARAMETER_VALUE AS timestamptz) <= ?
                ORDER BY 1
                """, String.class, Timestamp.from(until));
    }
}
