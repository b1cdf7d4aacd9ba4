package com.trackagoat.compliance.console;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.trackagoat.compliance.evaluation.Metric;
import com.trackagoat.compliance.evaluation.RejectReason;

/**
 * What to fix in the source data for each reject reason of compliance.md ("Bad input"): one sentence naming the
 * table and column, so the payouts team can hand a reject to whoever owns the platform's data. Every reason has
 * one ({@code FixHintsTest}); a code the console does not know (a newer job's) gets a pointer to the contract.
 */
final class FixHints {

    private static final String METRICS = Arrays.stream(Metric.values()).map(Metric::code)
            .collect(Collectors.joining(", "));

    private static final Map<RejectReason, String> HINTS = new EnumMap<>(Map.of(
            RejectReason.INVALID_TIMEZONE, "Set organizations.timezone to an IANA time zone id, e.g. America/Chicago.",
            RejectReason.UNKNOWN_PERIOD, "Set creator_goals.period to daily, weekly or monthly.",
            RejectReason.INVALID_DATE_RANGE, "Set creator_goals.end_date on or after start_date, or clear it.",
            RejectReason.MISSING_CREATOR, "Add the creators row for creator_goals.creator_id, or point the goal at an "
                    + "existing creator.",
            RejectReason.INVALID_TARGET, "Set creator_goals.target_value to a positive number.",
            RejectReason.UNKNOWN_METRIC, "Set creator_goals.metric to one of " + METRICS + ".",
            RejectReason.INVALID_DATA, "Correct the video the detail names in videos (a negative counter), or the "
                    + "counts whose sum does not fit in 64 bits.",
            RejectReason.EVALUATION_FAILED, "Nothing in the data is known to be wrong: send the goal id and the detail "
                    + "to the job's maintainers (the serve log has the stack trace)."));

    static final String UNKNOWN = "A reason this console does not know: see compliance.md, \"Bad input\".";

    private FixHints() {
    }

    /** The fix for a reason code as stored in {@code goal_compliance_rejects.reason}. */
    static String forReason(String code) {
        for (RejectReason reason : RejectReason.values()) {
            if (reason.code().equals(code)) {
                return HINTS.get(reason);
            }
        }
        return UNKNOWN;
    }
}
