package com.trackagoat.compliance.cli;

/** The jar's entry point (its Start-Class, set in pom.xml): runs one command and exits with its code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(GoalComplianceCli.execute(args, System.out, System.err));
    }
}
