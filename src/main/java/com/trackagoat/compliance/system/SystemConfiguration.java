package com.trackagoat.compliance.system;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.trackagoat.compliance.evaluation.GoalEvaluator;
import com.zaxxer.hikari.HikariDataSource;

/** Shared wiring: the data source (creating the database if needed), migrations, clock and evaluator. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GoalComplianceProperties.class)
class SystemConfiguration {

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties dataSource, GoalComplianceProperties properties) {
        if (properties.isCreateDatabase()) {
            DatabaseCreator.createIfMissing(dataSource.determineUrl(), dataSource.determineUsername(),
                    dataSource.determinePassword());
        }
        return dataSource.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }

    /** The job's own tables always; the reference source tables only where they are wanted. */
    @Bean
    FlywayConfigurationCustomizer migrationLocations(GoalComplianceProperties properties) {
        List<String> locations = new ArrayList<>(List.of("classpath:db/job"));
        if (properties.isCreateSourceTables()) {
            locations.add("classpath:db/source");
        }
        return flyway -> flyway.locations(locations.toArray(String[]::new));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    GoalEvaluator goalEvaluator(GoalComplianceProperties properties) {
        return new GoalEvaluator(properties.evaluationSettings());
    }
}
