package com.trackagoat.compliance.cli;

import java.util.Optional;

/** A bad command line or configuration: one line on stderr, exit code 2. */
class UsageException extends RuntimeException {

    /** The command whose usage explains the mistake ({@code run}, {@code api-key create}; "" for the root). */
    private final Optional<String> command;

    UsageException(String message) {
        this(message, Optional.empty());
    }

    UsageException(String message, Optional<String> command) {
        super(message);
        this.command = command;
    }

    /** The line for stderr, pointing at the command's usage when the mistake is in its arguments. */
    String line() {
        return "goal-compliance: " + getMessage() + command
                .map(name -> " (see 'goal-compliance " + (name.isEmpty() ? "" : name + " ") + "--help')").orElse("");
    }
}
