package com.trackagoat.compliance.evaluation;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The tunable thresholds of the rules.
 *
 * @param atRiskThreshold pace below this fraction is {@code at_risk} (default 0.7)
 * @param settleDelay     how long after a period end it counts as recently ended, and when the final
 *                        snapshot is taken (default 48 h)
 * @param turningStaleAfter scrape age from which stats are {@code turning_stale} (default 24 h)
 * @param overdueAfter    scrape age from which stats are {@code overdue} (default 48 h)
 */
public record EvaluationSettings(BigDecimal atRiskThreshold, Duration settleDelay, Duration turningStaleAfter,
                                 Duration overdueAfter) {

    public static final EvaluationSettings DEFAULTS = new EvaluationSettings(
            new BigDecimal("0.7"), Duration.ofHours(48), Duration.ofHours(24), Duration.ofHours(48));
}
