package com.trackagoat.compliance;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class GoalComplianceApplication {
}
