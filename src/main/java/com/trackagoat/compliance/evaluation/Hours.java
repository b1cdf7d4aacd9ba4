package com.trackagoat.compliance.evaluation;

import java.math.BigDecimal;
import java.time.Duration;

/** Durations as the advisory prints them: hours to one decimal, and the coarse "{D}" of the messages. */
final class Hours {

    private static final long HOUR_MS = 3_600_000;
    private static final long TENTH_MS = HOUR_MS / 10;

    private Hours() {
    }

    /** Hours rounded half up to one decimal, always with scale 1 (48.0, not 48): integer tenths, no floats. */
    static BigDecimal tenths(Duration duration) {
        return BigDecimal.valueOf(Math.floorDiv(duration.toMillis() + TENTH_MS / 2, TENTH_MS), 1);
    }

    /**
     * The spec's {D}: whole days, else whole hours, else "less than an hour". It floors the exact duration,
     * not the rounded one-decimal figure beside it (the golden data has no case that tells them apart), so
     * the words agree with the exact thresholds: a turning_stale scrape (under 48 h) always reads "1 day",
     * even when its age prints as 48.0.
     */
    static String spoken(Duration duration) {
        long days = duration.toDays();
        if (days >= 1) {
            return days + (days == 1 ? " day" : " days");
        }
        long hours = duration.toHours();
        if (hours >= 1) {
            return hours + (hours == 1 ? " hour" : " hours");
        }
        return "less than an hour";
    }
}
