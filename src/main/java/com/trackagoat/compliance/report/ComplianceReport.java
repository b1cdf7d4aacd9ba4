package com.trackagoat.compliance.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.trackagoat.compliance.body.BodyJson;
import com.trackagoat.compliance.body.ComplianceMeta;
import com.trackagoat.compliance.body.CreatorCompliance;
import com.trackagoat.compliance.body.CreatorView;
import com.trackagoat.compliance.body.Envelope;
import com.trackagoat.compliance.body.GoalCompliance;
import com.trackagoat.compliance.body.GoalView;
import com.trackagoat.compliance.body.RejectedGoal;
import com.trackagoat.compliance.evaluation.CreatorActivity;
import com.trackagoat.compliance.evaluation.GoalEvaluator;
import com.trackagoat.compliance.evaluation.Outcome;
import com.trackagoat.compliance.evaluation.Period;
import com.trackagoat.compliance.source.CreatorActivityRepository;

/**
 * The body of {@code GET /api/v1/projects/:projectId/goal-compliance}, evaluated live with the same evaluator
 * as the snapshot jobs.
 */
@Component
public class ComplianceReport {

    private final ReportRepository repository;
    private final CreatorActivityRepository activities;
    private final GoalEvaluator evaluator;
    private final Clock clock;

    ComplianceReport(ReportRepository repository, NamedParameterJdbcTemplate jdbc, GoalEvaluator evaluator,
                     Clock clock) {
        this.repository = repository;
        this.activities = new CreatorActivityRepository(jdbc);
        this.evaluator = evaluator;
        this.clock = clock;
    }

    /** The report as pretty-printed JSON. */
    public String render(UUID projectId, Optional<UUID> creatorId, Optional<Period> period,
                         Optional<LocalDate> referenceDate, Optional<Instant> asOf) {
        return BodyJson.writePretty(build(projectId, creatorId, period, referenceDate, asOf));
    }

    public Envelope<List<CreatorCompliance>, ComplianceMeta> build(UUID projectId, Optional<UUID> creatorId, Optional<Period> period,
                            Optional<LocalDate> referenceDate, Optional<Instant> asOfOption) {
        ReportRepository.Project project = repository.project(projectId)
                .orElseThrow(() -> new ReportRequestException("project " + projectId + " does not exist"));
        ZoneId zone = GoalEvaluator.zoneOf(project.timezone()).orElse(ZoneOffset.UTC);
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant asOf = asOfOption.orElseGet(() -> referenceDate.filter(d -> !d.equals(today))
                .map(d -> d.plusDays(1).atStartOfDay(zone).toInstant())
                .orElse(now));
        LocalDate reported = referenceDate.orElseGet(() -> asOf.atZone(zone).toLocalDate());

        List<CreatorView> creators = repository.creators(projectId, creatorId);
        List<ReportRepository.ReportedGoal> goals = repository.goals(projectId, creatorId, period);
        Map<UUID, CreatorActivity> activity = loadActivity(goals, project.timezone(), asOf);

        Map<UUID, List<GoalCompliance>> compliance = new LinkedHashMap<>();
        creators.forEach(c -> compliance.put(c.id(), new ArrayList<>()));
        List<RejectedGoal> rejected = new ArrayList<>();
        goals.stream().sorted(Comparator.comparing(ReportRepository.ReportedGoal::goal, GoalView.ORDER)).forEach(g -> {
            Outcome outcome = evaluator.evaluateLive(g.goal(), project.timezone(), g.creatorExists(),
                    activity.getOrDefault(g.goal().creatorId(), CreatorActivity.NONE), asOf);
            if (outcome instanceof Outcome.Evaluated evaluated && compliance.containsKey(g.goal().creatorId())) {
                compliance.get(g.goal().creatorId()).add(GoalCompliance.of(g.goal(), evaluated.evaluation()));
            } else if (outcome instanceof Outcome.Rejected r) {
                rejected.add(new RejectedGoal(g.goal().id(), r.rejection().reason(), r.rejection().detail()));
            }
        });
        List<CreatorCompliance> data = creators.stream()
                .map(c -> new CreatorCompliance(c, compliance.get(c.id()))).toList();
        return Envelope.of(data, new ComplianceMeta(project.timezone(), reported, rejected));
    }

    private Map<UUID, CreatorActivity> loadActivity(List<ReportRepository.ReportedGoal> goals, String timezone,
                                                    Instant asOf) {
        return activities.loadFor(goals.stream().filter(ReportRepository.ReportedGoal::creatorExists).toList(),
                g -> g.goal().creatorId(), g -> evaluator.liveWindow(g.goal(), timezone, asOf), asOf);
    }
}
