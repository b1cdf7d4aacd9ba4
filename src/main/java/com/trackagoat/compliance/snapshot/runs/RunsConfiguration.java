package com.trackagoat.compliance.snapshot.runs;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.trackagoat.compliance.snapshot.catchup.CatchUp;
import com.trackagoat.compliance.system.GoalComplianceProperties;

/** Wiring of the run history. */
@Configuration(proxyBeanMethods = false)
class RunsConfiguration {

    @Bean
    RunHistory runHistory(CatchUp catchUp, NamedParameterJdbcTemplate jdbc, GoalComplianceProperties properties,
                          Clock clock) {
        return new RunHistory(catchUp, new JobExecutions(jdbc), properties, clock);
    }
}
