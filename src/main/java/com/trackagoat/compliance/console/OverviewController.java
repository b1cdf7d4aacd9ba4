package com.trackagoat.compliance.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.snapshot.catchup.CatchUp;
import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;
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

    /** How far ahead "next due" looks: every scheduled zone has a midnight within a day. */
    private static final Duration AHEAD = Duration.ofDays(2);
    private static final int RECENT_FINALS = 8;

    private final RunHistory history;
    private final CatchUp catchUp;
    private final Clock clock;

    OverviewController(RunHistory history, CatchUp catchUp, Clock clock) {
        this.history = history;
        this.catchUp = catchUp;
        this.clock = clock;
    }

    @GetMapping("/console")
    String overview(Model model) {
        Instant now = clock.instant();
        List<InstanceRun> runs = history.runs(history.lookBackStart(now), now);
        Optional<SnapshotJobParameters> oldest = catchUp.oldestPending(now);
        model.addAttribute("now", Show.time(now));
        model.addAttribute("lag", oldest.map(o -> Show.duration(Duration.between(o.asOf(), now))).orElse("0 s"));
        model.addAttribute("oldestPending", oldest.map(RunRow::of).orElse(null));
        model.addAttribute("failing", rows(runs, RunState.FAILED, RunState.STOPPED));
        model.addAttribute("running", rows(runs, RunState.RUNNING));
        model.addAttribute("waiting", rows(runs, RunState.WAITING, RunState.MISSING).size());
        model.addAttribute("total", runs.size());
        model.addAttribute("next", history.runs(now, now.plus(AHEAD)).stream().findFirst()
                .map(run -> RunRow.of(run.instance())).orElse(null));
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
