package com.trackagoat.compliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.TestDatabase;

/**
 * A command that fails once started is exit code 1 with one line on stderr naming the cause, not a stop
 * while starting (exit 0): the context the command ran in must still be open when its failure is reported.
 */
class CommandFailureIT {

    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.migrated(CommandFailureIT.class);
        database.jdbc().execute("DROP TABLE projects CASCADE");
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void aCommandThatFailsIsExitOneWithTheDatabasesWords() {
        Cli.Result result = Cli.run(database, "report", "--project=00000000-0000-4000-8000-0000000000b1");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(GoalComplianceCli.JOB_FAILED);
        assertThat(result.err().lines()).singleElement().asString()
                .startsWith("goal-compliance: report failed: ")
                .contains("relation \"projects\" does not exist");
    }
}
