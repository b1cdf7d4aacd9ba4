package com.trackagoat.compliance.evaluation;

import static com.trackagoat.compliance.evaluation.GoldenDataset.instant;
import static com.trackagoat.compliance.evaluation.GoldenDataset.text;
import static com.trackagoat.compliance.evaluation.GoldenDataset.uuid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Recomputes every row of the golden catch-up ({@code ../shared/golden/catch-up.json}) with the evaluator
 * alone and compares every field the evaluator decides. Failures list the first differences.
 */
class GoldenEvaluatorTest {

    private static final int SHOWN = 15;

    private static GoldenDataset golden;
    private final GoalEvaluator evaluator = new GoalEvaluator(EvaluationSettings.DEFAULTS);

    @BeforeAll
    static void loadGolden() {
        golden = GoldenDataset.load();
    }

    @Test
    void everyCloseAndNightlySnapshotIsReproduced() {
        // given
        List<JsonNode> rows = snapshots("close", "nightly");
        List<String> differences = new ArrayList<>();

        // when
        for (JsonNode row : rows) {
            Goal goal = golden.goals().get(uuid(row, "goal_id"));
            Outcome outcome = evaluator.evaluateSnapshot(goal, golden.timezoneOf(goal), golden.creatorExists(goal),
                    Phase.parse(text(row, "phase")).orElseThrow(), instant(row, "as_of"), golden.activityOf(goal));
            differences.addAll(SnapshotComparison.differences(row, outcome));
        }

        // then
        assertThat(rows).hasSize(899);
        assertNoDifferences(differences, rows.size(), "close/nightly snapshots");
    }

    @Test
    void everyFinalSnapshotSettlesOnItsRecordedTerms() {
        // given
        List<JsonNode> rows = snapshots("final");
        List<String> differences = new ArrayList<>();

        // when
        for (JsonNode row : rows) {
            Goal goal = golden.goals().get(uuid(row, "goal_id"));
            Terms terms = new Terms(Metric.parse(text(row, "metric")).orElseThrow(), row.get("target").asLong(),
                    new Window(instant(row, "period_start"), instant(row, "period_end").plusMillis(1)));
            Outcome outcome = evaluator.settle(terms, golden.activityOf(goal), instant(row, "as_of"));
            differences.addAll(SnapshotComparison.differences(row, outcome));
        }

        // then
        assertThat(rows).hasSize(328);
        assertNoDifferences(differences, rows.size(), "final snapshots");
    }

    @Test
    void everyFinalCarriesTheStatusAndActualOfItsClose() {
        // given
        Map<String, JsonNode> closes = new HashMap<>();
        snapshots("close").forEach(row -> closes.put(key(row, instant(row, "as_of")), row));
        List<String> differences = new ArrayList<>();

        // when
        for (JsonNode fin : snapshots("final")) {
            JsonNode close = closes.get(key(fin, instant(fin, "as_of").minus(evaluator.settings().settleDelay())));
            if (close == null) {
                continue; // its close fell before `since`
            }
            for (String[] pair : new String[][] {{"close_status", "status"}, {"close_actual", "actual"},
                    {"metric", "metric"}, {"target", "target"}, {"period_start", "period_start"},
                    {"period_end", "period_end"}}) {
                if (!Objects.equals(text(fin, pair[0]), text(close, pair[1]))) {
                    differences.add(key(fin, instant(fin, "as_of")) + " " + pair[0] + ": final says "
                            + text(fin, pair[0]) + ", close says " + text(close, pair[1]));
                }
            }
        }

        // then
        assertNoDifferences(differences, snapshots("final").size(), "final/close pairs");
    }

    @Test
    void everyRejectIsReproducedWithItsReasonAndPhase() {
        // given
        List<JsonNode> rows = golden.expectedRejects();
        List<String> differences = new ArrayList<>();

        // when
        for (JsonNode row : rows) {
            Goal goal = golden.goals().get(uuid(row, "goal_id"));
            String timezone = golden.timezoneOf(goal);
            Instant asOf = instant(row, "as_of");
            Phase phase = Phase.parse(text(row, "phase")).orElseThrow();
            Optional<Phase> scheduled = evaluator.phaseAt(goal, timezone, golden.creatorExists(goal), asOf);
            if (!scheduled.equals(Optional.of(phase))) {
                differences.add(key(row, asOf) + ": phaseAt gives " + scheduled);
                continue;
            }
            Outcome outcome = evaluator.evaluateSnapshot(goal, timezone, golden.creatorExists(goal), phase, asOf,
                    golden.activityOf(goal));
            String reason = outcome instanceof Outcome.Rejected rejected
                    ? rejected.rejection().reason().code() : "evaluated";
            if (!reason.equals(text(row, "reason"))) {
                differences.add(key(row, asOf) + ": expected " + text(row, "reason") + ", got " + reason);
            }
        }

        // then
        assertThat(rows).hasSize(413);
        assertNoDifferences(differences, rows.size(), "rejects");
    }

    @Test
    void phaseAtAgreesWithTheGoldenRowsAtEveryMidnightOfTheCatchUp() {
        // given
        Map<String, Phase> expected = new HashMap<>();
        List<String> differences = new ArrayList<>();
        List<JsonNode> scheduledRows = new ArrayList<>(snapshots("close", "nightly"));
        scheduledRows.addAll(golden.expectedRejects().stream().filter(row -> !"final".equals(text(row, "phase")))
                .toList());
        for (JsonNode row : scheduledRows) {
            String key = key(row, instant(row, "as_of"));
            if (expected.put(key, Phase.parse(text(row, "phase")).orElseThrow()) != null) {
                differences.add(key + ": golden has two rows at one midnight");
            }
        }
        int checked = 0;

        // when
        for (Goal goal : golden.goals().values()) {
            String timezone = golden.timezoneOf(goal);
            for (Instant midnight : midnights(GoalEvaluator.scheduleZone(timezone))) {
                Optional<Phase> want = Optional.ofNullable(expected.get(key(goal.id(), midnight)));
                Optional<Phase> got = isOfInactiveCreator(goal) ? Optional.empty()
                        : evaluator.phaseAt(goal, timezone, golden.creatorExists(goal), midnight);
                checked++;
                if (!want.equals(got)) {
                    differences.add(goal.id() + "@" + midnight + ": golden " + want + ", phaseAt " + got);
                }
            }
        }

        // then
        assertThat(checked).isGreaterThan(1_500);
        assertNoDifferences(differences, checked, "(goal, midnight) pairs");
    }

    /** The job skips inactive creators before asking the evaluator, so the golden has nothing for them. */
    private static boolean isOfInactiveCreator(Goal goal) {
        GoldenDataset.Creator creator = golden.creators().get(goal.creatorId());
        return creator != null && !creator.active();
    }

    /** Every local midnight of {@code zone} in {@code (since, until]}. */
    private static List<Instant> midnights(ZoneId zone) {
        List<Instant> midnights = new ArrayList<>();
        LocalDate day = LocalDate.ofInstant(golden.since(), zone);
        for (; !day.atStartOfDay(zone).toInstant().isAfter(golden.until()); day = day.plusDays(1)) {
            Instant midnight = day.atStartOfDay(zone).toInstant();
            if (midnight.isAfter(golden.since())) {
                midnights.add(midnight);
            }
        }
        return midnights;
    }

    private static List<JsonNode> snapshots(String... phases) {
        List<String> wanted = List.of(phases);
        return golden.expectedSnapshots().stream().filter(row -> wanted.contains(text(row, "phase"))).toList();
    }

    private static String key(JsonNode row, Instant asOf) {
        return key(uuid(row, "goal_id"), asOf);
    }

    private static String key(UUID goalId, Instant asOf) {
        return goalId + "@" + asOf;
    }

    private static void assertNoDifferences(List<String> differences, int compared, String what) {
        assertThat(differences)
                .as("%d differences over %d %s; first %d:%n%s", differences.size(), compared, what, SHOWN,
                        String.join(System.lineSeparator(), differences.stream().limit(SHOWN).toList()))
                .isEmpty();
    }

}
