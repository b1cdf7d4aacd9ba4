package com.trackagoat.compliance.console;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.trackagoat.compliance.snapshot.runs.RunHistory;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The Coverage page: every instance due in (from, to] as a grid of instants × phases coloured by state, each
 * cell a link to its Run page. The look-back by default; a range of up to {@link ConsoleRange#LONGEST} can be
 * chosen.
 */
@Hidden
@Controller
class CoverageController {

    private final RunHistory history;
    private final Clock clock;

    CoverageController(RunHistory history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    @GetMapping("/console/coverage")
    String coverage(@RequestParam(name = "from", required = false) String from,
                    @RequestParam(name = "to", required = false) String to, Model model) {
        Instant now = clock.instant();
        ConsoleRange range = ConsoleRange.of(from, to, now, history);
        range.addTo(model, now);
        model.addAttribute("grid", CoverageGrid.of(history.runs(range.from(), range.to())));
        return "console/coverage";
    }
}
