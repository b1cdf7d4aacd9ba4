package com.trackagoat.compliance.evaluation;

import static com.trackagoat.compliance.evaluation.TestData.activity;
import static com.trackagoat.compliance.evaluation.TestData.at;
import static com.trackagoat.compliance.evaluation.TestData.evaluated;
import static com.trackagoat.compliance.evaluation.TestData.window;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaceTest {

    /** Ten days, so that elapsed fractions are easy to read. */
    private static final Window TEN_DAYS = window("2026-05-01T00:00:00Z", "2026-05-11T00:00:00Z");
    private static final String HALF_WAY = "2026-05-06T00:00:00Z";
    private static final String JUST_AFTER_HALF_WAY = "2026-05-06T00:00:00.001Z";

    private final GoalEvaluator evaluator = new GoalEvaluator(EvaluationSettings.DEFAULTS);

    @Test
    void exactlyOnPaceIsOnTrack() {
        assertThat(status(5, 10, HALF_WAY)).isEqualTo(Status.ON_TRACK);
    }

    @Test
    void aMillisecondBehindPaceIsBehindPace() {
        assertThat(status(5, 10, JUST_AFTER_HALF_WAY)).isEqualTo(Status.BEHIND_PACE);
    }

    @Test
    void exactlyAtTheAtRiskThresholdIsStillBehindPace() {
        // 7 of 20 half-way: pace 7 / (20 × 0.5) = 0.7
        assertThat(status(7, 20, HALF_WAY)).isEqualTo(Status.BEHIND_PACE);
    }

    @Test
    void justBelowTheAtRiskThresholdIsAtRisk() {
        assertThat(status(7, 20, JUST_AFTER_HALF_WAY)).isEqualTo(Status.AT_RISK);
    }

    @Test
    void nothingDoneAtTheWindowStartIsOnTrack() {
        assertThat(status(0, 10, "2026-05-01T00:00:00Z")).isEqualTo(Status.ON_TRACK);
    }

    @Test
    void reachingTheTargetEarlyIsOnTrack() {
        assertThat(status(10, 10, "2026-05-01T00:00:01Z")).isEqualTo(Status.ON_TRACK);
    }

    @Test
    void aClosedWindowIsCompletedAtOrAboveTargetAndMissedBelow() {
        assertThat(status(10, 10, "2026-05-11T00:00:00Z")).isEqualTo(Status.COMPLETED);
        assertThat(status(12, 10, "2026-05-13T00:00:00Z")).isEqualTo(Status.COMPLETED);
        assertThat(status(9, 10, "2026-05-11T00:00:00Z")).isEqualTo(Status.MISSED);
    }

    @Test
    void theAtRiskThresholdIsConfigurable() {
        // given
        EvaluationSettings lenient = new EvaluationSettings(new BigDecimal("0.5"), Duration.ofHours(48),
                Duration.ofHours(24), Duration.ofHours(48));

        // when pace is 0.6
        Outcome outcome = new GoalEvaluator(lenient).settle(new Terms(Metric.POSTS, 20, TEN_DAYS),
                activity().posts(6, "2026-05-02T00:00:00Z").build(), at(HALF_WAY));

        // then
        assertThat(evaluated(outcome).status()).isEqualTo(Status.BEHIND_PACE);
        assertThat(status(6, 20, HALF_WAY)).isEqualTo(Status.AT_RISK);
    }

    @ParameterizedTest(name = "{0} of {1} is {2}%")
    @CsvSource({"11, 15, 73", "1, 8, 13", "1, 200, 1", "1, 201, 0", "2, 3, 67", "23, 10, 230", "10, 10, 100",
            "0, 10, 0", "-40, 100, 0"})
    void percentageRoundsHalfUpIsUncappedAndNeverNegative(long actual, long target, int percentage) {
        assertThat(Pace.percentage(actual, target)).isEqualTo(percentage);
    }

    @Test
    void percentageSaturatesInsteadOfOverflowing() {
        assertThat(Pace.percentage(Long.MAX_VALUE / 100, 1)).isEqualTo(Integer.MAX_VALUE);
    }

    private Status status(int posts, long target, String asOf) {
        CreatorActivity activity = activity().posts(posts, "2026-05-01T00:00:00Z").build();
        return evaluated(evaluator.settle(new Terms(Metric.POSTS, target, TEN_DAYS), activity, at(asOf))).status();
    }
}
