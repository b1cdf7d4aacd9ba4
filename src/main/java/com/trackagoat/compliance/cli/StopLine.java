package com.trackagoat.compliance.cli;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * The one line a command logs when it stops ({@code run done in 12.3 s, exit 0}), the pair of the line the data
 * source logs when it starts connecting. Logged at the end of the command or, when a signal stops the process
 * first, by Spring Boot's shutdown hook once the application has closed: its handlers run in the reverse order
 * of their adding, so one added after the application started runs before logging's own shuts logging down,
 * while the main thread would race it. Whichever comes first logs the line; the other does nothing.
 */
final class StopLine {

    private static final Logger LOG = LoggerFactory.getLogger(GoalComplianceCli.class);

    private final String command;
    private final long startedNanos;
    private final Runnable onShutdown = () -> log("stopped by shutdown in %s s");
    private boolean logged;

    StopLine(Command command, long startedNanos) {
        this.command = command.word();
        this.startedNanos = startedNanos;
    }

    /** From now on a shutdown of the JVM (SIGTERM) logs the line if the command has not. */
    void logOnShutdown() {
        SpringApplication.getShutdownHandlers().add(onShutdown);
    }

    /** Logs the line with the command's exit code, unless the shutdown hook has logged it. */
    void done(int exitCode) {
        log("done in %s s, exit " + exitCode);
        try {
            SpringApplication.getShutdownHandlers().remove(onShutdown); // a test JVM runs many commands
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: nothing left to remove it from
        }
    }

    private synchronized void log(String format) {
        if (!logged) {
            logged = true;
            String seconds = String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1e9);
            LOG.info("{} {}", command, format.formatted(seconds));
        }
    }
}
