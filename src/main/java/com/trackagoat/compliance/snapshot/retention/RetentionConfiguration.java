package com.trackagoat.compliance.snapshot.retention;

import java.time.Clock;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.trackagoat.compliance.system.GoalComplianceProperties;

import io.micrometer.core.instrument.MeterRegistry;

/** Wiring of the partition upkeep that serve runs hourly. */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

    @Bean
    PartitionMaintenance partitionMaintenance(DataSource dataSource, Clock clock, GoalComplianceProperties properties,
                                              MeterRegistry registry) {
        return new PartitionMaintenance(dataSource, clock,
                Optional.ofNullable(properties.getRetention().getNightly()), registry);
    }

    @Bean
    PartitionMaintenanceSchedule partitionMaintenanceSchedule(PartitionMaintenance maintenance) {
        return new PartitionMaintenanceSchedule(maintenance);
    }
}
