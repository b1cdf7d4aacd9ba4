package com.trackagoat.compliance.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.snapshot.runs.InstanceRun;
import com.trackagoat.compliance.snapshot.runs.RunHistory;
import com.trackagoat.compliance.snapshot.runs.RunState;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The Overview page, over the look-back: the lag (as {@code goal_compliance_snapshot_lag_seconds} has it), the
 * failing instances, the running ones with their progress, what is due next, and the latest finals (what
 * payouts pay from).
 */
@Hidden
@Controller
class OverviewController {

    private static final int RECENT_FINALS = 8;

    private final RunHistory history;
    private final Clock clock;

    OverviewController(RunHistory history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    @GetMapping("/console")
    String overview(Model model) {
        Instant now = clock.instant();
        List<InstanceRun> runs = history.runs(history.lookBackStart(now), now);
        Duration lag = history.lag(now);
        model.addAttribute("now", Show.time(now));
        model.addAttribute("lag", Show.duration(lag));
        model.addAttribute("lagging", !lag.isZero());
        model.addAttribute("oldestPending", lag.isZero() ? null : runs.stream()
                .filter(run -> run.state() != RunState.COMPLETED).findFirst().map(RunRow::of).orElse(null));
        model.addAttribute("failing", rows(runs, RunState.FAILED, RunState.STOPPED));
        model.addAttribute("running", rows(runs, RunState.RUNNING));
        model.addAttribute("waiting", rows(runs, RunState.WAITING, RunState.MISSING).size());
        model.addAttribute("total", runs.size());
        Optional<Instant> next = history.nextDue(now);
        model.addAttribute("nextDue", next.map(Show::instant).orElse(null));
        model.addAttribute("nextPhases", next.map(at -> history.runs(at.minusMillis(1), at).stream()
                .map(run -> run.instance().phase().code()).distinct().collect(Collectors.joining(", "))).orElse(""));
        model.addAttribute("finals", runs.stream().filter(run -> run.instance().phase() == Phase.FINAL)
                .sorted(Comparator.comparing((InstanceRun run) -> run.instance().asOf()).reversed())
                .limit(RECENT_FINALS).map(RunRow::of).toList());
        return "console/overview";
    }

    private static List<RunRow> rows(List<InstanceRun> runs, RunState... states) {
        List<RunState> wanted = List.of(states);
        return runs.stream().filter(run -> wanted.contains(run.state())).map(RunRow::of).toList();
    }
}
