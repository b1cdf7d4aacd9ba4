package com.trackagoat.compliance.snapshot.catchup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.Dataset;
import com.trackagoat.compliance.support.TestDatabase;

import tools.jackson.databind.JsonNode;

/** {@code ../shared/golden/catch-up.json} through the real {@code catch-up} command. */
class GoldenCatchUpIT {

    private static final JsonNode GOLDEN = Dataset.golden("catch-up.json");

    private static TestDatabase database;
    private static Cli.Result firstRun;

    @BeforeAll
    static void catchUpOnGoldenDataset() {
        database = TestDatabase.migrated(GoldenCatchUpIT.class);
        Dataset.load(database.jdbc(), GOLDEN.get("dataset"));
        firstRun = catchUp();
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void catchUpWritesExactlyTheExpectedSnapshots() {
        assertThat(firstRun.exitCode()).as(firstRun.err()).isZero();
        List<String> differences = GoldenSnapshots.differences(database, GOLDEN.get("expected_snapshots"));
        assertThat(differences).as("%d differences, first: %s", differences.size(),
                differences.stream().limit(5).toList()).isEmpty();
    }

    @Test
    void catchUpWritesExactlyTheExpectedRejects() {
        assertThat(GoldenSnapshots.rejects(database))
                .isEqualTo(GoldenSnapshots.expectedRejects(GOLDEN.get("expected_rejects")));
    }

    @Test
    void secondCatchUpOverTheSameRangeChangesNothing() {
        String before = dump();
        Cli.Result again = catchUp();
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains(" 0 ran, ").doesNotContain("failed");
        assertThat(dump()).isEqualTo(before);
    }

    private static Cli.Result catchUp() {
        return Cli.run(database, "catch-up", "--since=" + GOLDEN.get("since").asString(),
                "--until=" + GOLDEN.get("until").asString());
    }

    private static String dump() {
        return database.jdbc().queryForList("""
                SELECT s::text FROM goal_compliance_snapshots s ORDER BY goal_id, phase, as_of
                """, String.class) + "\n" + database.jdbc().queryForList("""
                SELECT r::text FROM goal_compliance_rejects r ORDER BY goal_id, phase, as_of
                """, String.class);
    }
}
