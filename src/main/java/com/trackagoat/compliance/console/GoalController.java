package com.trackagoat.compliance.console;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.trackagoat.compliance.api.ApiException;
import com.trackagoat.compliance.api.QueryParameters;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The Goal page: one goal as the source tables have it, and one of its periods (the latest by default) as a
 * chart of its nightly actuals against the pace line and the target, close and final marked ({@link GoalChart}),
 * with the same points as a table; then its latest rejects. Without an id, a form asking for one.
 */
@Hidden
@Controller
class GoalController {

    static final String PATH = "/console/goal";
    private static final int PERIODS = 24;
    private static final int REJECTS = 20;

    private final GoalRepository goals;

    GoalController(GoalRepository goals) {
        this.goals = goals;
    }

    record PeriodLink(String shown, String href, boolean current) {
    }

    record Row(String phase, String shown, String actual, String pace, String target, String percentage,
               String status) {
    }

    record RejectLine(String phase, String shown, String reason, String detail, String fix) {
    }

    @GetMapping(PATH)
    String goal(@RequestParam(name = "id", required = false) String id,
                @RequestParam(name = "period_end", required = false) String periodEnd,
                HttpServletRequest request, Model model) {
        QueryParameters.check(request, "id", "period_end");
        Optional<UUID> goalId = QueryParameters.uuid("id", ConsoleRange.blankIsAbsent(id));
        if (goalId.isEmpty()) {
            return "console/goal-find";
        }
        UUID goal = goalId.get();
        Optional<Instant> wanted = QueryParameters.instant("period_end", ConsoleRange.blankIsAbsent(periodEnd));
        Optional<GoalRepository.SourceGoal> source = goals.goal(goal);
        List<GoalRepository.PeriodRows> periods = goals.periods(goal, PERIODS);
        List<GoalRepository.Reject> rejects = goals.rejects(goal, REJECTS);
        if (source.isEmpty() && periods.isEmpty() && rejects.isEmpty()) {
            throw ApiException.notFound("goal " + goal + " has no source row, no snapshot and no reject");
        }
        Instant end = wanted.or(() -> periods.stream().findFirst().map(GoalRepository.PeriodRows::end)).orElse(null);
        List<GoalRepository.Snapshot> snapshots = end == null ? List.of() : goals.snapshots(goal, end);
        if (wanted.isPresent() && snapshots.isEmpty()) {
            throw ApiException.notFound("goal " + goal + " has no snapshot of a period ending at " + wanted.get());
        }

        model.addAttribute("goalId", goal.toString());
        model.addAttribute("source", source.orElse(null));
        model.addAttribute("periods", periods.stream().map(p -> new PeriodLink(Show.instant(p.start()) + " – "
                + Show.instant(p.end()), Links.to(PATH, "id", goal, "period_end", p.end()), p.end().equals(end)))
                .toList());
        model.addAttribute("rejects", rejects.stream().map(r -> new RejectLine(r.phase(), Show.instant(r.asOf()),
                r.reason(), r.detail(), FixHints.forReason(r.reason()))).toList());
        if (!snapshots.isEmpty()) {
            GoalRepository.Snapshot first = snapshots.get(0);
            model.addAttribute("terms", first);
            model.addAttribute("periodShown", Show.instant(first.periodStart()) + " – " + Show.instant(first.periodEnd()));
            model.addAttribute("chart", GoalChart.of(first.periodStart(), first.periodEnd(), first.target(),
                    snapshots.stream().map(s -> new GoalChart.Point(s.phase(), s.asOf(), s.actual())).toList()));
            model.addAttribute("rows", snapshots.stream().map(s -> new Row(s.phase(), Show.instant(s.asOf()),
                    Show.count(s.actual()), Show.count(GoalChart.pace(s.periodStart(), s.periodEnd(), s.target(),
                    s.asOf())), Show.count(s.target()), s.percentage() + "%", s.status())).toList());
        }
        return "console/goal";
    }
}
