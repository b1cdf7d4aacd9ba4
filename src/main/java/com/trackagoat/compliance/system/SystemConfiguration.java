package com.trackagoat.compliance.system;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(SystemConfiguration.class);

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties dataSource, GoalComplianceProperties properties) {
        // the first of a command's two lines about its run (the CLI logs the other when it stops)
        log.info(ConnectionLine.of(dataSource.determineUrl(), dataSource.determineUsername()));
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
