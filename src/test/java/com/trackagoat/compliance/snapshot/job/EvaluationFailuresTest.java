package com.trackagoat.compliance.snapshot.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

import com.trackagoat.compliance.evaluation.CreatorActivity;
import com.trackagoat.compliance.evaluation.EvaluationSettings;
import com.trackagoat.compliance.evaluation.GoalEvaluator;
import com.trackagoat.compliance.evaluation.Metric;
import com.trackagoat.compliance.evaluation.Terms;
import com.trackagoat.compliance.evaluation.Video;
import com.trackagoat.compliance.evaluation.Window;

class EvaluationFailuresTest {

    private static final Instant CLOSE = Instant.parse("2026-06-08T05:00:00Z");
    private static final UUID GOAL = UUID.fromString("00000000-0000-4000-8000-0000000000e1");

    private final EvaluationFailures failures = new EvaluationFailures(null, null);

    @Test
    void theProcessorTurnsAnErrorEvaluatingOneGoalIntoASkippableFailureNamingIt() {
        // given a close row whose target was zeroed: settling it divides by zero
        CloseRecord close = new CloseRecord(GOAL, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "weekly",
                new Terms(Metric.VIEWS, 0, new Window(CLOSE.minusSeconds(7 * 86_400), CLOSE)), "completed", 500L);
        CreatorActivity activity = new CreatorActivity(
                List.of(new Video(CLOSE.minusSeconds(86_400), CLOSE.minusSeconds(86_400), 500L, 0L, 0L, 0L)),
                List.of());
        SnapshotProcessor processor = new SnapshotProcessor(new GoalEvaluator(EvaluationSettings.DEFAULTS));

        // then
        SnapshotWork.OfClose work = new SnapshotWork.OfClose(close, activity, CLOSE.plusSeconds(172_800));
        assertThatThrownBy(() -> processor.process(work))
                .isInstanceOfSatisfying(GoalEvaluationException.class, failure -> {
                    assertThat(failure.goalId()).isEqualTo(GOAL);
                    assertThat(failure.detail())
                            .isEqualTo("evaluation failed: java.lang.ArithmeticException: / by zero");
                    assertThat(failures.shouldSkip(failure, 0)).isTrue();
                });
    }

    @Test
    void infrastructureFailuresAndAnyOtherErrorAreNotSkipped() {
        assertThat(failures.shouldSkip(new DataAccessResourceFailureException("connection lost"), 0)).isFalse();
        assertThat(failures.shouldSkip(new CannotCreateTransactionException("no connection"), 0)).isFalse();
        assertThat(failures.shouldSkip(new IllegalStateException("writer bug"), 0)).isFalse();
        assertThat(failures.shouldSkip(new OutOfMemoryError(), 0)).isFalse();
    }

    @Test
    void aLongMessageIsCutToAShortDetail() {
        String detail = new GoalEvaluationException(GOAL, new IllegalStateException("x".repeat(1_000))).detail();
        assertThat(detail).startsWith("evaluation failed: java.lang.IllegalStateException: xxx").hasSize(300);
    }
}
