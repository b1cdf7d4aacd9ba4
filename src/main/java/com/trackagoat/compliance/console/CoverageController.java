package com.trackagoat.compliance.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.trackagoat.compliance.api.ApiException;
import com.trackagoat.compliance.api.QueryParameters;
import com.trackagoat.compliance.snapshot.runs.RunHistory;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The Coverage page: every instance due in (from, to] as a grid of instants × phases coloured by state, each
 * cell a link to its Run page. The look-back by default; a range of up to {@link #LONGEST} can be chosen.
 */
@Hidden
@Controller
class CoverageController {

    static final Duration LONGEST = Duration.ofDays(366);

    private final RunHistory history;
    private final Clock clock;

    CoverageController(RunHistory history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    @GetMapping("/console/coverage")
    String coverage(@RequestParam(name = "from", required = false) String from,
                    @RequestParam(name = "to", required = false) String to, Model model) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant end = QueryParameters.instant("to", blankIsAbsent(to)).orElse(now);
        Instant start = QueryParameters.instant("from", blankIsAbsent(from)).orElseGet(() -> history.lookBackStart(end)
                .truncatedTo(ChronoUnit.SECONDS));
        if (!start.isBefore(end)) {
            throw ApiException.badParameter("from", "(" + start + ") must be before to (" + end + ")");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw ApiException.badParameter("to", "is more than " + LONGEST.toDays() + " days after from: choose a "
                    + "shorter range");
        }
        model.addAttribute("from", start.toString());
        model.addAttribute("to", end.toString());
        model.addAttribute("range", "(" + Show.instant(start) + ", " + Show.instant(end) + "]");
        model.addAttribute("lastWeek", now.minus(Duration.ofDays(7)).toString());
        model.addAttribute("lastQuarter", now.minus(Duration.ofDays(90)).toString());
        model.addAttribute("now", now.toString());
        model.addAttribute("grid", CoverageGrid.of(history.runs(start, end)));
        return "console/coverage";
    }

    private static String blankIsAbsent(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
