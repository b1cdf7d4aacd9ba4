package com.trackagoat.compliance.snapshot.catchup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;
import com.trackagoat.compliance.source.ScheduledZones;

class CatchUpPlannerTest {

    private static final Duration SETTLE = Duration.ofHours(48);
    private static final Duration RESTATE = Duration.ofDays(7);
    private static final ScheduledZones KATHMANDU = new ScheduledZones(List.of("Asia/Kathmandu"));

    @Test
    void plansTheFinalOfACloseInThePlanAfterIt() {
        List<SnapshotJobParameters> plan = CatchUpPlanner.plan(KATHMANDU, Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-03T18:15:00Z"), SETTLE, RESTATE, Set.of(), Set.of());

        assertThat(plan.stream().filter(j -> j.phase() == Phase.FINAL))
                .containsExactly(job(Phase.FINAL, "2026-11-03T18:15:00Z"));
        assertThat(plan).containsSubsequence(job(Phase.CLOSE, "2026-11-01T18:15:00Z"),
                job(Phase.CLOSE, "2026-11-03T18:15:00Z"), job(Phase.FINAL, "2026-11-03T18:15:00Z"));
        assertThat(plan).last().isEqualTo(job(Phase.NIGHTLY, "2026-11-03T18:15:00Z"));
    }

    @Test
    void plansCloseAndNightlyAtEveryMidnightOfEveryZoneOldestFirst() {
        ScheduledZones zones = new ScheduledZones(List.of("Asia/Kathmandu", "America/Chicago"));

        List<SnapshotJobParameters> plan = CatchUpPlanner.plan(zones, Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-02T06:00:00Z"), SETTLE, RESTATE, Set.of(), Set.of());

        assertThat(plan).containsExactly(
                job(Phase.CLOSE, "2026-11-01T05:00:00Z"), job(Phase.NIGHTLY, "2026-11-01T05:00:00Z"),
                job(Phase.CLOSE, "2026-11-01T18:15:00Z"), job(Phase.NIGHTLY, "2026-11-01T18:15:00Z"),
                job(Phase.CLOSE, "2026-11-02T06:00:00Z"), job(Phase.NIGHTLY, "2026-11-02T06:00:00Z"));
    }

    @Test
    void plansNoUtcMidnightWhileNoOrganizationIsScheduledOnUtc() {
        List<SnapshotJobParameters> plan = CatchUpPlanner.plan(KATHMANDU, Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-03T00:00:00Z"), SETTLE, RESTATE, Set.of(), Set.of());

        assertThat(plan).extracting(SnapshotJobParameters::asOf).containsOnly(
                Instant.parse("2026-11-01T18:15:00Z"), Instant.parse("2026-11-02T18:15:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Etc/UTC", "Mars/Olympus", "null"})
    void plansUtcMidnightsOnceAnOrganizationIsScheduledOnUtc(String utcZone) {
        ScheduledZones zones = new ScheduledZones(Arrays.asList("Asia/Kathmandu",
                utcZone.equals("null") ? null : utcZone));

        List<SnapshotJobParameters> plan = CatchUpPlanner.plan(zones, Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-02T00:00:00Z"), SETTLE, RESTATE, Set.of(), Set.of());

        assertThat(plan).containsExactly(
                job(Phase.CLOSE, "2026-11-01T18:15:00Z"), job(Phase.NIGHTLY, "2026-11-01T18:15:00Z"),
                job(Phase.CLOSE, "2026-11-02T00:00:00Z"), job(Phase.NIGHTLY, "2026-11-02T00:00:00Z"));
    }

    @Test
    void plansAFinalOnlyForACloseThatRanOrRunsInThisPlan() {
        Instant since = Instant.parse("2026-11-03T00:00:00Z");
        Instant until = Instant.parse("2026-11-05T00:00:00Z");
        Set<Instant> completedCloses = Set.of(Instant.parse("2026-11-01T18:15:00Z"));

        List<SnapshotJobParameters> finals = CatchUpPlanner.plan(KATHMANDU, since, until, SETTLE, RESTATE, completedCloses, Set.of())
                .stream().filter(j -> j.phase() == Phase.FINAL).toList();

        // The closes that finals in the range settle are at 11-01T18:15 (ran before) and 11-02T18:15 (never
        // ran, and not in this plan, which starts after 11-03T00:00).
        assertThat(finals).containsExactly(job(Phase.FINAL, "2026-11-03T18:15:00Z"));
    }

    @Test
    void plansARestatementOneDelayAfterEachFinalThatRanOrRunsInThisPlan() {
        Instant since = Instant.parse("2026-11-10T00:00:00Z");
        Instant until = Instant.parse("2026-11-12T00:00:00Z");
        // finals at 11-03T18:15 (ran before) and 11-04T18:15 (never ran, and its close is not in this plan)
        Set<Instant> completedFinals = Set.of(Instant.parse("2026-11-03T18:15:00Z"));

        List<SnapshotJobParameters> restatements = CatchUpPlanner.plan(KATHMANDU, since, until, SETTLE, RESTATE,
                Set.of(), completedFinals).stream().filter(j -> j.phase() == Phase.RESTATEMENT).toList();

        assertThat(restatements).containsExactly(job(Phase.RESTATEMENT, "2026-11-10T18:15:00Z"));
    }

    @Test
    void plansTheRestatementOfAFinalInThisPlanAfterItsNightly() {
        List<SnapshotJobParameters> plan = CatchUpPlanner.plan(KATHMANDU, Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-10T18:15:00Z"), SETTLE, RESTATE, Set.of(), Set.of());

        assertThat(plan.stream().filter(j -> j.phase() == Phase.RESTATEMENT))
                .containsExactly(job(Phase.RESTATEMENT, "2026-11-10T18:15:00Z"));
        assertThat(plan).last().isEqualTo(job(Phase.RESTATEMENT, "2026-11-10T18:15:00Z"));
    }

    private static SnapshotJobParameters job(Phase phase, String asOf) {
        return new SnapshotJobParameters(phase, Instant.parse(asOf));
    }
}
