package com.trackagoat.compliance.snapshot.catchup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;

class FailedInstanceTest {

    @Test
    void theReasonIsTheFirstLineOfTheExitMessage() {
        String exitMessage = """
                org.postgresql.util.PSQLException: ERROR: close rows are refused
                org.springframework.batch.core.step.FatalStepExecutionException: Unable to process chunk
                \tat org.springframework.batch.core.step.item.ChunkOrientedStep.processChunkSequentially(ChunkOrientedStep.java:791)
                """;

        assertThat(failed(exitMessage).reason()).isEqualTo("org.postgresql.util.PSQLException: ERROR: close rows are refused");
    }

    @Test
    void aLongReasonIsShortened() {
        assertThat(failed("x".repeat(1000)).reason()).hasSize(300).endsWith("…");
        assertThat(failed(null).reason()).isEmpty();
    }

    private static FailedInstance failed(String exitMessage) {
        return new FailedInstance(new SnapshotJobParameters(Phase.NIGHTLY, Instant.parse("2026-06-01T05:00:00Z")), 1,
                Instant.parse("2026-06-01T05:01:00Z"), exitMessage);
    }
}
