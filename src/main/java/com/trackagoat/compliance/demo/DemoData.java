package com.trackagoat.compliance.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * A small, reproducible demo dataset: one organization in America/Chicago, one project, a few creators with
 * daily, weekly and monthly goals on every metric, five weeks of videos (some discovered late) and scrapes
 * (one creator's stopped a few days ago).
 */
final class DemoData {

    static final UUID ORG = UUID.fromString("00000000-0000-4000-8000-00000000d000");
    static final UUID PROJECT = UUID.fromString("00000000-0000-4000-8000-00000000d001");
    static final ZoneId ZONE = ZoneId.of("America/Chicago");

    private static final String[] HANDLES = {"ada.makes", "bo.bakes", "cy.codes", "di.dances", "ed.edits"};
    private static final String[][] GOALS = {
        {"posts", "daily", "1"}, {"posts", "weekly", "5"}, {"views", "weekly", "20000"},
        {"engagement", "monthly", "30000"}, {"followers", "monthly", "150"}, {"likes", "weekly", "2500"},
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final Random random = new Random(20261123L);

    DemoData(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM organizations WHERE id = :id)",
                new MapSqlParameterSource("id", ORG), Boolean.class));
    }

    boolean databaseHasOtherData() {
        return Boolean.TRUE.equals(jdbc.getJdbcTemplate().queryForObject(
                "SELECT EXISTS (SELECT 1 FROM organizations)", Boolean.class));
    }

    /** Inserts the dataset for the five weeks before {@code now}. */
    void insert(Instant now) {
        Instant start = now.atZone(ZONE).toLocalDate().minusDays(35).atStartOfDay(ZONE).toInstant();
        jdbc.update("INSERT INTO organizations (id, name, timezone) VALUES (:id, 'Demo brand', :tz)",
                new MapSqlParameterSource("id", ORG).addValue("tz", ZONE.getId()));
        jdbc.update("INSERT INTO projects (id, org_id, name) VALUES (:id, :org, 'Autumn launch')",
                new MapSqlParameterSource("id", PROJECT).addValue("org", ORG));
        List<SqlParameterSource> goals = new ArrayList<>();
        List<SqlParameterSource> videos = new ArrayList<>();
        List<SqlParameterSource> scrapes = new ArrayList<>();
        for (int c = 0; c < HANDLES.length; c++) {
            UUID creator = id(1, c, 0);
            jdbc.update("""
                    INSERT INTO creators (id, project_id, tiktok_handle, display_name, avatar_url, is_active)
                    VALUES (:id, :project, :handle, :name, NULL, true)
                    """, new MapSqlParameterSource("id", creator).addValue("project", PROJECT)
                    .addValue("handle", HANDLES[c]).addValue("name", HANDLES[c].replace('.', ' ')));
            for (int g = 0; g < GOALS.length; g++) {
                goals.add(new MapSqlParameterSource("id", id(2, c, g)).addValue("creator", creator)
                        .addValue("project", PROJECT).addValue("metric", GOALS[g][0]).addValue("period", GOALS[g][1])
                        .addValue("target", Long.parseLong(GOALS[g][2]))
                        .addValue("startDate", g == 5 && c == 4 ? LocalDate.now(ZoneOffset.UTC).plusDays(3) : null)
                        .addValue("createdAt", start.atOffset(ZoneOffset.UTC)));
            }
            double activity = 0.4 + 0.3 * c; // posts per day: from a slow to a busy creator
            int v = 0;
            for (Instant t = start; t.isBefore(now); t = t.plus(Duration.ofHours(1))) {
                if (random.nextDouble() < activity / 24) {
                    Instant discovered = t.plus(Duration.ofMinutes(30 + random.nextInt(random.nextInt(10) == 0 ? 4000 : 600)));
                    long views = 500 + random.nextInt(8000);
                    videos.add(new MapSqlParameterSource("id", id(3, c, v++)).addValue("creator", creator)
                            .addValue("postedAt", t.atOffset(ZoneOffset.UTC))
                            .addValue("discoveredAt", discovered.atOffset(ZoneOffset.UTC))
                            .addValue("views", views).addValue("likes", views / 10)
                            .addValue("comments", views / 100).addValue("shares", views / 200));
                }
            }
            boolean stopsScraping = c == 1;
            long followers = 1000 + 700L * c;
            for (Instant t = start; t.isBefore(stopsScraping ? now.minus(Duration.ofDays(3)) : now);
                 t = t.plus(Duration.ofHours(20))) {
                followers += random.nextInt(15);
                scrapes.add(new MapSqlParameterSource("creator", creator).addValue("at", t.atOffset(ZoneOffset.UTC))
                        .addValue("followers", followers));
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO creator_goals (id, creator_id, project_id, metric, period, target_value, start_date,
                                           end_date, is_active, created_at)
                VALUES (:id, :creator, :project, :metric, :period, :target, :startDate, NULL, true, :createdAt)
                """, goals.toArray(SqlParameterSource[]::new));
        jdbc.batchUpdate("""
                INSERT INTO videos (id, creator_id, posted_at, discovered_at, views, likes, comments, shares)
                VALUES (:id, :creator, :postedAt, :discoveredAt, :views, :likes, :comments, :shares)
                """, videos.toArray(SqlParameterSource[]::new));
        jdbc.batchUpdate("""
                INSERT INTO creator_scrapes (creator_id, scraped_at, succeeded, followers)
                VALUES (:creator, :at, true, :followers)
                """, scrapes.toArray(SqlParameterSource[]::new));
    }

    private static UUID id(int kind, int creator, int n) {
        return new UUID(0xd0000000_00004000L | ((long) kind << 16), 0x80000000_00000000L | ((long) creator << 32) | n);
    }
}
