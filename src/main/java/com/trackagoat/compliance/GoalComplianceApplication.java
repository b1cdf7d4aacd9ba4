package com.trackagoat.compliance;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application's configuration root; the process starts in {@code cli.Main}, which checks the command line
 * before this context starts (see README.md for the commands).
 */
@SpringBootApplication
public class GoalComplianceApplication {
}
