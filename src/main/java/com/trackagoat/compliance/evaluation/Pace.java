package com.trackagoat.compliance.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/** Status and percentage of an actual against its target. */
final class Pace {

    private final BigDecimal atRiskThreshold;

    Pace(BigDecimal atRiskThreshold) {
        this.atRiskThreshold = atRiskThreshold;
    }

    /**
     * Closed windows are completed or missed. Open ones compare {@code actual × length} with
     * {@code target × elapsed} in exact decimals: pace is a ratio of durations, and floating point would
     * misjudge the boundaries (exactly on pace, exactly at the threshold).
     */
    Status status(long actual, long target, Window window, Instant asOf) {
        if (!asOf.isBefore(window.end())) {
            return actual >= target ? Status.COMPLETED : Status.MISSED;
        }
        long elapsed = Duration.between(window.start(), asOf).toMillis();
        if (actual >= target || elapsed <= 0) {
            return Status.ON_TRACK;
        }
        BigDecimal achieved = BigDecimal.valueOf(actual).multiply(BigDecimal.valueOf(window.length().toMillis()));
        BigDecimal due = BigDecimal.valueOf(target).multiply(BigDecimal.valueOf(elapsed));
        if (achieved.compareTo(due) >= 0) {
            return Status.ON_TRACK;
        }
        return achieved.compareTo(atRiskThreshold.multiply(due)) < 0 ? Status.AT_RISK : Status.BEHIND_PACE;
    }

    /**
     * {@code actual / target × 100} rounded half up, uncapped; 0 for a negative actual. Saturates at
     * {@code Integer.MAX_VALUE} rather than failing the run on an absurd ratio (the column is an integer).
     */
    static int percentage(long actual, long target) {
        if (actual <= 0) {
            return 0;
        }
        BigDecimal percent = BigDecimal.valueOf(actual).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(target), 0, RoundingMode.HALF_UP);
        return percent.min(BigDecimal.valueOf(Integer.MAX_VALUE)).intValue();
    }
}
