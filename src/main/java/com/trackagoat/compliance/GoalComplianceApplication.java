package com.trackagoat.compliance;

import org.springframework.boot.autoconfigure.SpringBootApplication;

import com.trackagoat.compliance.cli.GoalComplianceCli;

/** The goal-compliance snapshot job: see README.md for the commands. */
@SpringBootApplication
public class GoalComplianceApplication {

    public static void main(String[] args) {
        int code = GoalComplianceCli.execute(args, System.out, System.err);
        System.exit(code);
    }
}
