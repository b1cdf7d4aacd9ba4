package com.trackagoat.compliance.api.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.http.HttpStatus;

import com.trackagoat.compliance.api.ApiException;
import com.trackagoat.compliance.api.QueryParameters;
import com.trackagoat.compliance.api.key.ApiCaller;
import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;
import com.trackagoat.compliance.snapshot.runs.RunState;

/** The admin API's parameters, strict as the read API's: a bad one is a 400 naming it. */
final class AdminParameters {

    /** The longest range one request lists or backfills. */
    static final Duration LONGEST_RANGE = Duration.ofDays(366);

    private AdminParameters() {
    }

    /** The API key filter lets only admin keys reach the admin API; this says so again where it matters. */
    static void requireAdmin(ApiCaller caller) {
        if (!caller.admin()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden",
                    "the admin API needs an admin key (api-key create --admin); this key is an organization's");
        }
    }

    /** A range (from, to]: both required, from not after to, at most {@link #LONGEST_RANGE}. */
    record Range(Instant from, Instant to) {
    }

    static Range range(String from, String to) {
        Instant start = QueryParameters.requiredInstant("from", from);
        Instant end = QueryParameters.requiredInstant("to", to);
        if (start.isAfter(end)) {
            throw ApiException.badParameter("from", "(" + start + ") is after to (" + end + ")");
        }
        if (Duration.between(start, end).compareTo(LONGEST_RANGE) > 0) {
            throw ApiException.badParameter("to", "is more than " + LONGEST_RANGE.toDays() + " days after from: ask for"
                    + " a shorter range");
        }
        return new Range(start, end);
    }

    /** The instance a path names: {@code {phase}} and {@code {as_of}} as {@code GET runs} prints them. */
    static SnapshotJobParameters instance(String phase, String asOf) {
        return new SnapshotJobParameters(QueryParameters.phase("phase", phase).orElseThrow(),
                QueryParameters.requiredInstant("as_of", asOf));
    }

    static Optional<Phase> phase(String value) {
        return QueryParameters.phase("phase", value);
    }

    static Optional<RunState> state(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(RunState.parse(value).orElseThrow(() -> ApiException.badParameter("state",
                "must be completed, failed, running, stopped, waiting or missing, not '" + value + "'")));
    }

    /** {@code true} or {@code false}; {@code fallback} when absent. */
    static boolean flag(String name, String value, boolean fallback) {
        if (value == null) {
            return fallback;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badParameter(name, "must be true or false, not '" + value + "'");
        };
    }
}
