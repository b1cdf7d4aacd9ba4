package com.trackagoat.compliance.console;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.trackagoat.compliance.api.ApiException;
import com.trackagoat.compliance.api.PageCursor;
import com.trackagoat.compliance.api.QueryParameters;
import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.evaluation.RejectReason;
import com.trackagoat.compliance.snapshot.runs.RunHistory;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The Rejects page: the goals the snapshot jobs could not evaluate in a range (the look-back by default),
 * counted by reason and organization, then listed newest first a page at a time (keyset), each with its goal,
 * creator, detail and what to fix in the source data ({@link FixHints}). Filters: phase, reason, organization.
 */
@Hidden
@Controller
class RejectsController {

    static final String PATH = "/console/rejects";

    private final RejectsRepository rejects;
    private final RunHistory history;
    private final Clock clock;

    RejectsController(RejectsRepository rejects, RunHistory history, Clock clock) {
        this.rejects = rejects;
        this.history = history;
        this.clock = clock;
    }

    /** A reason's line of the summary: its count, its fix, and its organizations. */
    record ReasonSummary(String reason, long rejects, String fix, String href, List<OrgCount> orgs) {
    }

    record OrgCount(String org, long rejects, long goals, String href) {
    }

    record Line(String goalId, String goalHref, String handle, String org, String phase, String asOf, String shown,
                String reason, String detail, String fix) {
    }

    @GetMapping(PATH)
    String rejects(@RequestParam(name = "from", required = false) String from,
                   @RequestParam(name = "to", required = false) String to,
                   @RequestParam(name = "phase", required = false) String phase,
                   @RequestParam(name = "reason", required = false) String reason,
                   @RequestParam(name = "org", required = false) String org,
                   @RequestParam(name = "after", required = false) String after,
                   @RequestParam(name = "limit", required = false) String limit,
                   HttpServletRequest request, Model model) {
        QueryParameters.check(request, "from", "to", "phase", "reason", "org", "after", "limit");
        Instant now = clock.instant();
        ConsoleRange range = ConsoleRange.of(from, to, now, history);
        RejectsRepository.Filter filter = new RejectsRepository.Filter(range.from(), range.to(),
                QueryParameters.phase("phase", ConsoleRange.blankIsAbsent(phase)).map(Phase::code),
                reason(ConsoleRange.blankIsAbsent(reason)),
                QueryParameters.uuid("org", ConsoleRange.blankIsAbsent(org)));
        int rows = QueryParameters.limit("limit", ConsoleRange.blankIsAbsent(limit));
        List<RejectsRepository.Reject> page = rejects.page(filter, PageCursor.decode("after",
                ConsoleRange.blankIsAbsent(after)), rows + 1);

        range.addTo(model, now);
        model.addAttribute("phase", filter.phase().orElse(""));
        model.addAttribute("reason", filter.reason().orElse(""));
        model.addAttribute("org", filter.org().map(UUID::toString).orElse(""));
        model.addAttribute("phases", Arrays.stream(Phase.values()).map(Phase::code).toList());
        model.addAttribute("summary", summary(rejects.counts(filter), range, filter));
        model.addAttribute("rejects", page.stream().limit(rows).map(RejectsController::line).toList());
        model.addAttribute("paged", after != null && !after.isBlank());
        model.addAttribute("firstHref", Links.to(PATH, "from", range.from(), "to", range.to(), "phase",
                filter.phase().orElse(null), "reason", filter.reason().orElse(null), "org", filter.org().orElse(null),
                "limit", limit));
        model.addAttribute("nextHref", page.size() <= rows ? null : Links.to(PATH, "from", range.from(), "to",
                range.to(), "phase", filter.phase().orElse(null), "reason", filter.reason().orElse(null), "org",
                filter.org().orElse(null), "limit", limit, "after", page.get(rows - 1).cursor().encode()));
        return "console/rejects";
    }

    private static List<ReasonSummary> summary(List<RejectsRepository.Count> counts, ConsoleRange range,
                                               RejectsRepository.Filter filter) {
        Map<String, List<RejectsRepository.Count>> byReason = new LinkedHashMap<>();
        counts.forEach(c -> byReason.computeIfAbsent(c.reason(), r -> new ArrayList<>()).add(c));
        List<ReasonSummary> summary = new ArrayList<>();
        byReason.forEach((reason, orgs) -> summary.add(new ReasonSummary(reason,
                orgs.stream().mapToLong(RejectsRepository.Count::rejects).sum(), FixHints.forReason(reason),
                Links.to(PATH, "from", range.from(), "to", range.to(), "phase", filter.phase().orElse(null),
                        "reason", reason),
                orgs.stream().map(c -> new OrgCount(orgName(c.orgId(), c.orgName()), c.rejects(), c.goals(),
                        c.orgId() == null ? null : Links.to(PATH, "from", range.from(), "to", range.to(), "phase",
                                filter.phase().orElse(null), "reason", reason, "org", c.orgId()))).toList())));
        return summary;
    }

    private static Line line(RejectsRepository.Reject r) {
        return new Line(r.goalId().toString(), Links.goal(r.goalId()),
                r.creatorHandle() == null ? "" : r.creatorHandle(), orgName(r.orgId(), r.orgName()), r.phase(),
                r.asOf().toString(), Show.instant(r.asOf()), r.reason(), r.detail(), FixHints.forReason(r.reason()));
    }

    private static String orgName(UUID id, String name) {
        if (id == null) {
            return "(goal not in the source tables)";
        }
        return name == null ? id.toString() : name;
    }

    private static Optional<String> reason(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(RejectReason.values()).map(RejectReason::code).filter(code::equals)
                .findFirst().orElseThrow(() -> ApiException.badParameter("reason", "must be a reject reason ("
                        + String.join(", ", Arrays.stream(RejectReason.values()).map(RejectReason::code).toList())
                        + "), not '" + code + "'")));
    }
}
