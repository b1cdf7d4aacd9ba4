package com.trackagoat.compliance.snapshot.job;

import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

import com.trackagoat.compliance.evaluation.GoalEvaluator;
import com.trackagoat.compliance.evaluation.Outcome;
import com.trackagoat.compliance.evaluation.Restatement;

/**
 * A thin adapter over the evaluator: one goal (or close) in, one snapshot or reject out; one final in, a
 * restatement, a reject or nothing (null: the item is filtered, a final left unchanged). An unexpected error
 * evaluating the goal leaves as a {@link GoalEvaluationException}, which the step skips (see
 * {@link EvaluationFailures}); a database or transaction failure leaves as it is and fails the job, which
 * resumes.
 */
class SnapshotProcessor implements ItemProcessor<SnapshotWork, SnapshotRecord> {

    private final GoalEvaluator evaluator;

    SnapshotProcessor(GoalEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Override
    public SnapshotRecord process(SnapshotWork work) {
        try {
            return evaluate(work);
        } catch (DataAccessException | TransactionException infrastructure) {
            throw infrastructure;
        } catch (RuntimeException failure) {
            throw new GoalEvaluationException(work.goalId(), failure);
        }
    }

    private SnapshotRecord evaluate(SnapshotWork work) {
        if (work instanceof SnapshotWork.OfGoal goal) {
            DueGoal due = goal.due();
            Outcome outcome = evaluator.evaluateSnapshot(due.goal(), due.timezone(), due.creatorExists(),
                    goal.phase(), goal.asOf(), goal.activity());
            return toRecord(outcome, new SnapshotRecord.Snapshot(due.goal().id(), due.orgId(), due.projectId(),
                    due.goal().creatorId(), due.goal().period(), null, null, null));
        }
        if (work instanceof SnapshotWork.OfFinal checked) {
            return restate(checked);
        }
        SnapshotWork.OfClose settling = (SnapshotWork.OfClose) work;
        CloseRecord close = settling.close();
        Outcome outcome = evaluator.settle(close.terms(), settling.activity(), settling.asOf());
        return toRecord(outcome, new SnapshotRecord.Snapshot(close.goalId(), close.orgId(), close.projectId(),
                close.creatorId(), close.period(), null, close.status(), close.actual()));
    }

    private SnapshotRecord restate(SnapshotWork.OfFinal checked) {
        FinalRecord record = checked.record();
        Restatement restatement = evaluator.restate(record.settled(), checked.activity(), checked.asOf());
        if (restatement instanceof Restatement.Rejected rejected) {
            return new SnapshotRecord.Reject(record.goalId(), rejected.rejection());
        }
        if (restatement instanceof Restatement.Restated restated) {
            return new SnapshotRecord.Restated(record, restated.evaluation(), restated.eligibility());
        }
        return null;
    }

    /** The outcome as a reject, or as the given snapshot (whose evaluation is still unset) with its evaluation. */
    private static SnapshotRecord toRecord(Outcome outcome, SnapshotRecord.Snapshot about) {
        if (outcome instanceof Outcome.Rejected rejected) {
            return new SnapshotRecord.Reject(about.goalId(), rejected.rejection());
        }
        return about.with(((Outcome.Evaluated) outcome).evaluation());
    }
}
