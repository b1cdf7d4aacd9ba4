package com.trackagoat.compliance.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.trackagoat.compliance.support.TestDatabase;

/** Which zones' midnights are planned: UTC's only for an organization on UTC or a goal without one. */
class ScheduledZonesIT {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final UUID ORG = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID PROJECT = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final UUID CREATOR = UUID.fromString("00000000-0000-4000-8000-000000000003");

    private static TestDatabase database;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.migrated(ScheduledZonesIT.class);
        jdbc = database.jdbc();
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @BeforeEach
    void onlyAChicagoOrganization() {
        jdbc.update("TRUNCATE creator_goals, creators, projects, organizations");
        jdbc.update("INSERT INTO organizations (id, name, timezone) VALUES (?, 'Chicago', 'America/Chicago')", ORG);
        jdbc.update("INSERT INTO projects (id, org_id, name) VALUES (?, ?, 'p')", PROJECT, ORG);
        jdbc.update("INSERT INTO creators (id, project_id, tiktok_handle) VALUES (?, ?, 'c')", CREATOR, PROJECT);
        goal(CREATOR, PROJECT, true);
    }

    @Test
    void utcMidnightsAreNotPlannedWhileEveryGoalHasAnOrganizationOffUtc() {
        assertThat(ScheduledZones.forPlanning(jdbc).zones()).containsExactly(CHICAGO);
    }

    @Test
    void aGoalWhoseProjectIsMissingPlansUtcMidnightsForItsInvalidTimezoneReject() {
        goal(UUID.randomUUID(), UUID.randomUUID(), true);

        assertThat(ScheduledZones.forPlanning(jdbc).zones()).containsExactlyInAnyOrder(CHICAGO, ZoneOffset.UTC);
        assertThat(ScheduledZones.load(jdbc).zones()).containsExactly(CHICAGO);
    }

    @Test
    void anInactiveGoalWithoutOrganizationPlansNothing() {
        goal(UUID.randomUUID(), UUID.randomUUID(), false);

        assertThat(ScheduledZones.forPlanning(jdbc).zones()).containsExactly(CHICAGO);
    }

    @Test
    void anOrganizationWithoutZoneIsScheduledOnUtc() {
        jdbc.update("INSERT INTO organizations (id, name, timezone) VALUES (?, 'no zone', NULL)", UUID.randomUUID());

        assertThat(ScheduledZones.forPlanning(jdbc).zones()).containsExactlyInAnyOrder(CHICAGO, ZoneOffset.UTC);
    }

    private static void goal(UUID creator, UUID project, boolean active) {
        jdbc.update("""
                INSERT INTO creator_goals (id, creator_id, project_id, metric, period, target_value, start_date, is_active)
                VALUES (?, ?, ?, 'posts', 'weekly', 5, DATE '2026-05-04', ?)
                """, UUID.randomUUID(), creator, project, active);
    }
}
