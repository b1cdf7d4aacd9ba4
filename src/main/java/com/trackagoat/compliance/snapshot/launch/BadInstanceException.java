package com.trackagoat.compliance.snapshot.launch;

import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;

/**
 * A snapshot job instance that cannot be run as asked: no schedule has it, or it cannot be rerun because it
 * never ran. The way in that named the instance refuses it as a bad argument; nothing has been recorded.
 */
public class BadInstanceException extends IllegalArgumentException {

    private final SnapshotJobParameters instance;
    private final boolean neverRan;

    private BadInstanceException(SnapshotJobParameters instance, boolean neverRan, String message) {
        super(message);
        this.instance = instance;
        this.neverRan = neverRan;
    }

    static BadInstanceException notDue(SnapshotJobParameters instance, String why) {
        return new BadInstanceException(instance, false, why);
    }

    static BadInstanceException neverRan(SnapshotJobParameters instance) {
        return new BadInstanceException(instance, true, instance + " never ran");
    }

    public SnapshotJobParameters instance() {
        return instance;
    }

    /** A rerun of an instance without a job instance: running it for the first time is what was meant. */
    public boolean neverRan() {
        return neverRan;
    }
}
