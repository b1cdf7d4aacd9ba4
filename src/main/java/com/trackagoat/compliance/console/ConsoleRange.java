package com.trackagoat.compliance.console;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.ui.Model;

import com.trackagoat.compliance.api.ApiException;
import com.trackagoat.compliance.api.QueryParameters;
import com.trackagoat.compliance.snapshot.runs.RunHistory;

/**
 * The range of instants (from, to] a console page shows: the look-back by default, up to {@link #LONGEST};
 * {@code from} and {@code to} are ISO-8601 UTC instants, a blank field (the range form's) meaning absent.
 */
record ConsoleRange(Instant from, Instant to) {

    static final Duration LONGEST = Duration.ofDays(366);

    static ConsoleRange of(String from, String to, Instant now, RunHistory history) {
        Instant truncated = now.truncatedTo(ChronoUnit.SECONDS);
        Instant end = QueryParameters.instant("to", blankIsAbsent(to)).orElse(truncated);
        Instant start = QueryParameters.instant("from", blankIsAbsent(from)).orElseGet(() -> history.lookBackStart(end)
                .truncatedTo(ChronoUnit.SECONDS));
        if (!start.isBefore(end)) {
            throw ApiException.badParameter("from", "(" + start + ") must be before to (" + end + ")");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw ApiException.badParameter("to", "is more than " + LONGEST.toDays() + " days after from: choose a "
                    + "shorter range");
        }
        return new ConsoleRange(start, end);
    }

    /** What the range form and its quick links need: the range as values and as words, and the quick ranges. */
    void addTo(Model model, Instant now) {
        Instant truncated = now.truncatedTo(ChronoUnit.SECONDS);
        model.addAttribute("from", from.toString());
        model.addAttribute("to", to.toString());
        model.addAttribute("range", "(" + Show.instant(from) + ", " + Show.instant(to) + "]");
        model.addAttribute("lastWeek", truncated.minus(Duration.ofDays(7)).toString());
        model.addAttribute("lastQuarter", truncated.minus(Duration.ofDays(90)).toString());
        model.addAttribute("now", truncated.toString());
    }

    static String blankIsAbsent(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
