package com.trackagoat.compliance.snapshot.remote;

import java.sql.SQLException;
import java.util.List;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecutionException;

/**
 * The telling cause of a failure: the database's own words where there are any, else the root cause. Spring
 * Batch stores a stack trace cut at 2500 characters, which keeps only the outermost wrapper ("Unable to process
 * chunk"); an exit message led by this line says what went wrong.
 */
public final class FailureCauses {

    private FailureCauses() {
    }

    /**
     * The exit status with its description led by the first telling cause among the failures: one that is not
     * a manager step's "Partition handler returned an unsuccessful step" if there is one.
     */
    public static ExitStatus leadWithCause(ExitStatus exit, List<Throwable> failures) {
        Throwable chosen = failures.stream().map(FailureCauses::telling)
                .filter(cause -> !(cause instanceof JobExecutionException)).findFirst()
                .orElse(telling(failures.get(0)));
        String cause = chosen.toString().lines().findFirst().orElse("");
        return new ExitStatus(exit.getExitCode(), cause + "\n" + exit.getExitDescription());
    }

    static Throwable telling(Throwable failure) {
        Throwable root = failure;
        Throwable database = null;
        while (true) {
            if (root instanceof SQLException) {
                database = root;
            }
            if (root.getCause() == null || root.getCause() == root) {
                return database != null ? database : root;
            }
            root = root.getCause();
        }
    }
}
