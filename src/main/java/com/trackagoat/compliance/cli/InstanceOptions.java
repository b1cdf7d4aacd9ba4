package com.trackagoat.compliance.cli;

import java.time.Instant;

import picocli.CommandLine.Option;

import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;

/** The snapshot job instance that run and rerun name. */
final class InstanceOptions {

    @Option(names = "--phase", required = true, paramLabel = "close|nightly|final",
            description = "The job: the close at a local midnight, the nightly, or the final 48 h after a close.")
    Phase phase;

    @Option(names = "--as-of", required = true, paramLabel = "INSTANT", description = "The instant it is due.")
    Instant asOf;

    SnapshotJobParameters instance() {
        return new SnapshotJobParameters(phase, asOf);
    }
}
