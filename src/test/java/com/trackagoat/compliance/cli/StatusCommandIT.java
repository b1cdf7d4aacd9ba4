package com.trackagoat.compliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.RecentGoals;
import com.trackagoat.compliance.support.TestDatabase;

/**
 * {@code status} over a range with one failed close: it names the close first, with the database's words,
 * lists its final waiting and the rest of the range, prints only the table on stdout, and exits 1 until the
 * close has completed.
 */
class StatusCommandIT {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    private static TestDatabase database;
    private static Instant since;
    private static Instant until;
    private static Instant failedClose;

    @BeforeAll
    static void createDatabase() {
        until = RecentGoals.anchor();
        since = until.minus(Duration.ofDays(3));
        LocalDate day = until.atZone(CHICAGO).toLocalDate().minusDays(2);
        failedClose = day.atStartOfDay(CHICAGO).toInstant();
        database = TestDatabase.migrated(StatusCommandIT.class);
        RecentGoals.insert(database.jdbc(), until, 6, "America/Chicago");
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void namesTheFailedInstanceFirstAndExitsOneUntilItCompletes() {
        // given a catch-up in which one close failed
        database.refuseCloseRows(failedClose);
        assertThat(Cli.run(database, "catch-up", "--since=" + since, "--until=" + until).exitCode()).isEqualTo(1);

        // when status looks one day further than the catch-up ran
        Instant end = until.plus(Duration.ofDays(1));
        Cli.Result status = Cli.run(database, "status", "--since=" + since, "--until=" + end);

        // then
        assertThat(status.exitCode()).as(status.err()).isEqualTo(1);
        List<String> lines = status.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("snapshot jobs due in (" + since + ", " + end + "]: 10 "
                + "(5 completed, 1 failed, 1 waiting, 3 missing)");
        assertThat(lines.get(1)).startsWith("PHASE       AS OF").contains("STATE", "GOALS", "REJECTS", "DURATION");
        assertThat(lines.get(2)).startsWith("close       " + failedClose + "  failed ")
                .contains("test: close rows at").contains("are refused");
        assertThat(lines.get(3)).startsWith("final       " + failedClose.plus(Duration.ofHours(48)) + "  waiting ");
        assertThat(lines.subList(4, 9)).allMatch(line -> line.matches("(close|nightly) +\\S+Z  completed .*"));
        assertThat(lines.subList(9, 12)).allMatch(line -> line.matches("(close|final|nightly) +\\S+Z  missing .*never ran"));
        assertThat(lines.get(12)).startsWith("lag: ");
        assertThat(lines.get(13)).startsWith("next due: ");
        assertThat(lines).as("nothing but the table on stdout").hasSize(14);

        // when the cause is gone and a catch-up completes the close and its final
        database.acceptCloseRows();
        assertThat(Cli.run(database, "catch-up", "--since=" + since, "--until=" + until).exitCode()).isZero();
        Cli.Result fixed = Cli.run(database, "status", "--since=" + since, "--until=" + until);

        // then
        assertThat(fixed.exitCode()).as(fixed.out() + fixed.err()).isZero();
        assertThat(fixed.out()).contains("close       " + failedClose + "  completed ").contains("2 executions")
                .doesNotContain(" failed ");
    }
}
