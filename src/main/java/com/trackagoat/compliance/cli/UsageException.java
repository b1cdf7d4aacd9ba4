package com.trackagoat.compliance.cli;

/** A bad command line or a request the data cannot answer: one line on stderr, exit code 2. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
