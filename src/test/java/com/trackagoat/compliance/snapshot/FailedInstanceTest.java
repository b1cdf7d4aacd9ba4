package com.trackagoat.compliance.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.evaluation.Phase;

class FailedInstanceTest {

    @Test
    void theReasonIsTheRootCauseOfTheStoredStackTrace() {
        String stackTrace = """
                org.springframework.dao.DataIntegrityViolationException: PreparedStatementCallback; SQL [INSERT ...]
                \tat org.springframework.jdbc.core.JdbcTemplate.execute(JdbcTemplate.java:1)
                Caused by: java.sql.BatchUpdateException: Batch entry 0 INSERT ... was aborted
                \tat org.postgresql.jdbc.BatchResultHandler.handleError(BatchResultHandler.java:1)
                Caused by: org.postgresql.util.PSQLException: ERROR: close rows are refused
                \tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:1)
                """;

        assertThat(failed(stackTrace).reason()).isEqualTo("org.postgresql.util.PSQLException: ERROR: close rows are refused");
    }

    @Test
    void withoutACauseTheReasonIsTheFirstLineShortened() {
        assertThat(failed("java.lang.IllegalStateException: lost the lock\n\tat x").reason())
                .isEqualTo("java.lang.IllegalStateException: lost the lock");
        assertThat(failed("x".repeat(1000)).reason()).hasSize(300).endsWith("…");
        assertThat(failed(null).reason()).isEmpty();
    }

    private static FailedInstance failed(String exitMessage) {
        return new FailedInstance(new SnapshotJobParameters(Phase.NIGHTLY, Instant.parse("2026-06-01T05:00:00Z")), 1,
                Instant.parse("2026-06-01T05:01:00Z"), exitMessage);
    }
}
