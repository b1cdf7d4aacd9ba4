package com.trackagoat.compliance.snapshot.job;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.trackagoat.compliance.body.AdvisoryView;
import com.trackagoat.compliance.body.BodyJson;
import com.trackagoat.compliance.evaluation.Eligibility;
import com.trackagoat.compliance.evaluation.Evaluation;
import com.trackagoat.compliance.evaluation.EvaluationSettings;
import com.trackagoat.compliance.evaluation.Goal;
import com.trackagoat.compliance.evaluation.GoalEvaluator;
import com.trackagoat.compliance.evaluation.Outcome;
import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.evaluation.Rejection;
import com.trackagoat.compliance.evaluation.Restatement;
import com.trackagoat.compliance.evaluation.Settled;
import com.trackagoat.compliance.snapshot.job.MigrationGoals.GoalCase;
import com.trackagoat.compliance.source.Timestamps;
import com.trackagoat.compliance.support.TestDatabase;

/**
 * The rows the job wrote before V13, evaluated by the real evaluator at every due instant of {@link MigrationGoals}
 * (close and nightly at local midnights, final 48 h after a close, restatement 7 days after a final) and written
 * into the V12 layout as the old {@code SnapshotWriter} wrote them: the advisory is
 * {@code BodyJson.write(AdvisoryView.of(advisory))}.
 */
final class OldLayoutRows {

    static final Duration RESTATEMENT_DELAY = Duration.ofDays(7);

    private static final String INSERT_SNAPSHOT = """
            INSERT INTO goal_compliance_snapshots (goal_id, phase, as_of, org_id, project_id, creator_id, metric,
                period, target, actual, percentage, status, period_start, period_end, has_advisory, advisory,
                close_status, close_actual, evaluated_at, job_execution_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?)
            """;

    private static final String INSERT_RESTATEMENT = """
            INSERT INTO goal_compliance_restatements (goal_id, final_as_of, as_of, org_id, project_id, creator_id,
                metric, period, target, period_start, period_end, final_actual, final_status, final_eligibility,
                actual, percentage, status, eligibility, advisory, restated_at, job_execution_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)
            """;

    private static final String INSERT_REJECT = """
            INSERT INTO goal_compliance_rejects (goal_id, phase, as_of, reason, detail, job_execution_id, rejected_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """;

    /** A snapshot row; {@code advisory} is the stored JSON text. */
    record Snapshot(GoalCase goal, Phase phase, Instant asOf, String period, Evaluation evaluation, String advisory,
                    String closeStatus, Long closeActual) {

        Snapshot withAdvisory(String json) {
            return new Snapshot(goal, phase, asOf, period, evaluation, json, closeStatus, closeActual);
        }
    }

    record Restated(GoalCase goal, Snapshot finalRow, Settled settled, Instant asOf, Restatement.Restated restated) {
    }

    record Reject(UUID goalId, Phase phase, Instant asOf, Rejection rejection) {
    }

    private final GoalEvaluator evaluator = new GoalEvaluator(EvaluationSettings.DEFAULTS);
    private final List<Snapshot> snapshots = new ArrayList<>();
    private final List<Restated> restatements = new ArrayList<>();
    private final List<Reject> rejects = new ArrayList<>();

    /** Evaluates every due instant of the goals up to {@link MigrationGoals#NOW}. */
    static OldLayoutRows of(List<GoalCase> goals) {
        OldLayoutRows rows = new OldLayoutRows();
        goals.forEach(rows::evaluate);
        return rows;
    }

    List<Snapshot> snapshots() {
        return snapshots;
    }

    List<Restated> restatements() {
        return restatements;
    }

    List<Reject> rejects() {
        return rejects;
    }

    /** Replaces the stored advisory of one snapshot, as older code (or a hand fix) would have written it. */
    Snapshot rewriteAdvisory(Snapshot row, UnaryOperator<AdvisoryView> older) {
        AdvisoryView view = older.apply(AdvisoryView.of(row.evaluation().advisory()));
        Snapshot rewritten = row.withAdvisory(BodyJson.write(view));
        snapshots.set(snapshots.indexOf(row), rewritten);
        return rewritten;
    }

    void writeTo(TestDatabase db) {
        db.jdbc().batchUpdate(INSERT_SNAPSHOT, snapshots.stream().map(OldLayoutRows::snapshotRow).toList());
        db.jdbc().batchUpdate(INSERT_RESTATEMENT, restatements.stream().map(OldLayoutRows::restatementRow).toList());
        db.jdbc().batchUpdate(INSERT_REJECT, rejects.stream().map(OldLayoutRows::rejectRow).toList());
    }

    private void evaluate(GoalCase goal) {
        ZoneId zone = GoalEvaluator.scheduleZone(goal.timezone());
        for (LocalDate day = MigrationGoals.FIRST_DAY; !day.isAfter(MigrationGoals.LAST_DAY); day = day.plusDays(1)) {
            Instant midnight = day.atStartOfDay(zone).toInstant();
            Goal version = goal.goalAt(midnight);
            Optional<Phase> phase = evaluator.phaseAt(version, goal.timezone(), true, midnight);
            if (phase.isPresent() && !midnight.isAfter(MigrationGoals.NOW)) {
                Outcome outcome = evaluator.evaluateSnapshot(version, goal.timezone(), true, phase.get(), midnight,
                        goal.activity());
                record(goal, phase.get(), midnight, version.period(), outcome, null, null)
                        .filter(close -> close.phase() == Phase.CLOSE)
                        .ifPresent(this::settle);
            }
        }
    }

    /** The final one settle delay after a close, on the close's terms; then its restatement. */
    private void settle(Snapshot close) {
        Instant asOf = close.asOf().plus(evaluator.settings().settleDelay());
        if (asOf.isAfter(MigrationGoals.NOW)) {
            return;
        }
        Evaluation closed = close.evaluation();
        Outcome outcome = evaluator.settle(closed.terms(), close.goal().activity(), asOf);
        record(close.goal(), Phase.FINAL, asOf, close.period(), outcome, closed.status().code(), closed.actual())
                .ifPresent(this::restate);
    }

    private void restate(Snapshot finalRow) {
        Instant asOf = finalRow.asOf().plus(RESTATEMENT_DELAY);
        if (asOf.isAfter(MigrationGoals.NOW)) {
            return;
        }
        Evaluation e = finalRow.evaluation();
        Settled settled = new Settled(e.terms(), finalRow.asOf(), e.actual(), e.status(),
                Eligibility.of(e.status(), e.advisory().scrapeStale()));
        Restatement restatement = evaluator.restate(settled, finalRow.goal().activity(), asOf);
        if (restatement instanceof Restatement.Restated restated) {
            restatements.add(new Restated(finalRow.goal(), finalRow, settled, asOf, restated));
        } else if (restatement instanceof Restatement.Rejected rejected) {
            rejects.add(new Reject(finalRow.goal().goalId(), Phase.RESTATEMENT, asOf, rejected.rejection()));
        }
    }

    private Optional<Snapshot> record(GoalCase goal, Phase phase, Instant asOf, String period, Outcome outcome,
                                      String closeStatus, Long closeActual) {
        if (outcome instanceof Outcome.Rejected rejected) {
            rejects.add(new Reject(goal.goalId(), phase, asOf, rejected.rejection()));
            return Optional.empty();
        }
        Evaluation e = ((Outcome.Evaluated) outcome).evaluation();
        Snapshot row = new Snapshot(goal, phase, asOf, period, e, BodyJson.write(AdvisoryView.of(e.advisory())),
                closeStatus, closeActual);
        snapshots.add(row);
        return Optional.of(row);
    }

    private static Object[] snapshotRow(Snapshot s) {
        Evaluation e = s.evaluation();
        return new Object[] {s.goal().goalId(), s.phase().code(), Timestamps.utc(s.asOf()), s.goal().orgId(),
                s.goal().projectId(), s.goal().goalAt(s.asOf()).creatorId(), e.terms().metric().code(), s.period(),
                e.terms().target(), e.actual(), e.percentage(), e.status().code(),
                Timestamps.utc(e.advisory().periodStart()), Timestamps.utc(e.advisory().periodEnd()),
                e.advisory().hasAdvisory(), s.advisory(), s.closeStatus(), s.closeActual(),
                Timestamps.utc(writtenAt(s.asOf())), jobExecutionId(s.phase(), s.asOf())};
    }

    private static Object[] restatementRow(Restated r) {
        Evaluation e = r.restated().evaluation();
        Settled f = r.settled();
        return new Object[] {r.goal().goalId(), Timestamps.utc(f.asOf()), Timestamps.utc(r.asOf()), r.goal().orgId(),
                r.goal().projectId(), r.goal().goalAt(f.asOf()).creatorId(), e.terms().metric().code(),
                r.finalRow().period(), e.terms().target(), Timestamps.utc(e.advisory().periodStart()),
                Timestamps.utc(e.advisory().periodEnd()), f.actual(), f.status().code(), f.eligibility().code(),
                e.actual(), e.percentage(), e.status().code(), r.restated().eligibility().code(),
                BodyJson.write(AdvisoryView.of(e.advisory())), Timestamps.utc(writtenAt(r.asOf())),
                jobExecutionId(Phase.RESTATEMENT, r.asOf())};
    }

    private static Object[] rejectRow(Reject r) {
        return new Object[] {r.goalId(), r.phase().code(), Timestamps.utc(r.asOf()), r.rejection().reason().code(),
                r.rejection().detail(), jobExecutionId(r.phase(), r.asOf()), Timestamps.utc(writtenAt(r.asOf()))};
    }

    /** When the job's clock read as it wrote the row: a minute and a half after the instant, to the microsecond. */
    private static Instant writtenAt(Instant asOf) {
        return asOf.plusSeconds(95).plusNanos(123_456_000);
    }

    /** One execution per job instance (phase, instant), numbered as a sequence would. */
    private static long jobExecutionId(Phase phase, Instant asOf) {
        return (asOf.getEpochSecond() / 900) * 4 + phase.ordinal() - 7_870_000L;
    }
}
