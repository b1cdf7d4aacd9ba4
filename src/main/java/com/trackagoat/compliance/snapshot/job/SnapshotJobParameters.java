package com.trackagoat.compliance.snapshot.job;

import java.time.Instant;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;

import com.trackagoat.compliance.evaluation.Phase;

/** A snapshot job instance is identified by its phase and its as_of instant (both identifying parameters). */
public record SnapshotJobParameters(Phase phase, Instant asOf) {

    static final String PHASE = "phase";
    static final String AS_OF = "asOf";

    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addString(PHASE, phase.code(), true)
                .addString(AS_OF, asOf.toString(), true)
                .toJobParameters();
    }

    static SnapshotJobParameters of(String phase, String asOf) {
        return new SnapshotJobParameters(Phase.parse(phase).orElseThrow(), Instant.parse(asOf));
    }

    /** The instance a step execution belongs to. */
    static SnapshotJobParameters of(StepExecution stepExecution) {
        JobParameters parameters = stepExecution.getJobParameters();
        return of(parameters.getString(PHASE), parameters.getString(AS_OF));
    }

    @Override
    public String toString() {
        return phase.code() + "@" + asOf;
    }
}
