package com.trackagoat.compliance.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test-data builders for the source tables, inserting one row per call with bind parameters and handing back
 * ids, so that a test says only what matters to it:
 *
 * <pre>{@code
 * SourceData.Creator creator = SourceData.in(db).organization("America/Chicago").project().creator();
 * creator.video(v -> v.postedAt("2026-06-01T12:00:00Z").views(40));
 * UUID goal = creator.goal(g -> g.metric("views").period("weekly").target(80));
 * }</pre>
 *
 * Defaults make a valid row: a weekly posts goal with target 1 created on 2026-05-01, a video discovered when
 * posted with zero counts. Bulk data for volume is {@link BulkGoals}' and {@link RecentGoals}' job.
 */
public final class SourceData {

    private static final Instant CREATED_AT = Instant.parse("2026-05-01T00:00:00Z");

    private final JdbcTemplate jdbc;

    private SourceData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static SourceData in(TestDatabase db) {
        return new SourceData(db.jdbc());
    }

    /** An organization with a new id, in a time zone as stored (which may be a bad one, e.g. "Mars/Olympus"). */
    public Organization organization(String timezone) {
        return organization(UUID.randomUUID().toString(), timezone);
    }

    public Organization organization(String id, String timezone) {
        UUID uuid = UUID.fromString(id);
        jdbc.update("INSERT INTO organizations (id, name, timezone) VALUES (?, ?, ?)", uuid, "org " + id, timezone);
        return new Organization(uuid);
    }

    private static OffsetDateTime instant(String text) {
        return text == null ? null : Instant.parse(text).atOffset(ZoneOffset.UTC);
    }

    /** An organization row. */
    public final class Organization {
        private final UUID id;

        private Organization(UUID id) {
            this.id = id;
        }

        public UUID id() {
            return id;
        }

        public Project project() {
            return project(UUID.randomUUID().toString());
        }

        public Project project(String projectId) {
            UUID uuid = UUID.fromString(projectId);
            jdbc.update("INSERT INTO projects (id, org_id, name) VALUES (?, ?, ?)", uuid, id, "project " + projectId);
            return new Project(uuid);
        }
    }

    /** A project row. */
    public final class Project {
        private final UUID id;

        private Project(UUID id) {
            this.id = id;
        }

        public UUID id() {
            return id;
        }

        public Creator creator() {
            return creator(UUID.randomUUID().toString());
        }

        public Creator creator(String creatorId) {
            UUID uuid = UUID.fromString(creatorId);
            jdbc.update("INSERT INTO creators (id, project_id, tiktok_handle) VALUES (?, ?, ?)", uuid, id,
                    "creator-" + creatorId);
            return new Creator(this, uuid);
        }

        /** A goal of this project for any creator id, e.g. one with no creator row (missing_creator). */
        public UUID goalOf(UUID creator, Consumer<Goal> spec) {
            Goal goal = new Goal();
            spec.accept(goal);
            UUID goalId = UUID.randomUUID();
            jdbc.update("""
                    INSERT INTO creator_goals (id, creator_id, project_id, metric, period, target_value, start_date,
                                               end_date, is_active, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, goalId, creator, id, goal.metric, goal.period, goal.target, goal.startDate, goal.endDate,
                    goal.active, goal.createdAt.atOffset(ZoneOffset.UTC));
            return goalId;
        }
    }

    /** A creator row, and its goals, videos and scrapes. */
    public final class Creator {
        private final Project project;
        private final UUID id;

        private Creator(Project project, UUID id) {
            this.project = project;
            this.id = id;
        }

        public UUID id() {
            return id;
        }

        /** A goal of this creator; returns its id. */
        public UUID goal(Consumer<Goal> spec) {
            return project.goalOf(id, spec);
        }

        public Creator video(Consumer<Video> spec) {
            Video video = new Video();
            spec.accept(video);
            if (video.postedAt == null) {
                throw new IllegalArgumentException("a video needs postedAt");
            }
            jdbc.update("""
                    INSERT INTO videos (id, creator_id, posted_at, discovered_at, views, likes, comments, shares)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, UUID.randomUUID(), id, instant(video.postedAt),
                    instant(video.discoveredAt == null ? video.postedAt : video.discoveredAt),
                    video.views, video.likes, video.comments, video.shares);
            return this;
        }

        /** A successful scrape with this follower count (null: not reported). */
        public Creator scrape(String scrapedAt, Long followers) {
            return scrape(scrapedAt, true, followers);
        }

        public Creator failedScrape(String scrapedAt) {
            return scrape(scrapedAt, false, null);
        }

        private Creator scrape(String scrapedAt, boolean succeeded, Long followers) {
            jdbc.update("INSERT INTO creator_scrapes (creator_id, scraped_at, succeeded, followers) VALUES (?, ?, ?, ?)",
                    id, instant(scrapedAt), succeeded, followers);
            return this;
        }
    }

    /** A goal's columns; metric and period are text so that bad values can be stored and rejected. */
    public static final class Goal {
        private String metric = "posts";
        private String period = "weekly";
        private Long target = 1L;
        private LocalDate startDate;
        private LocalDate endDate;
        private boolean active = true;
        private Instant createdAt = CREATED_AT;

        public Goal metric(String value) {
            metric = value;
            return this;
        }

        public Goal period(String value) {
            period = value;
            return this;
        }

        public Goal target(long value) {
            target = value;
            return this;
        }

        /** A target as stored, null included. */
        public Goal target(Long value) {
            target = value;
            return this;
        }

        public Goal startDate(String date) {
            startDate = date == null ? null : LocalDate.parse(date);
            return this;
        }

        public Goal endDate(String date) {
            endDate = date == null ? null : LocalDate.parse(date);
            return this;
        }

        public Goal inactive() {
            active = false;
            return this;
        }

        public Goal createdAt(String instant) {
            createdAt = Instant.parse(instant);
            return this;
        }
    }

    /** A video's columns; a count may be null (not reported) or anything a bigint holds. */
    public static final class Video {
        private String postedAt;
        private String discoveredAt;
        private Long views = 0L;
        private Long likes = 0L;
        private Long comments = 0L;
        private Long shares = 0L;

        public Video postedAt(String instant) {
            postedAt = instant;
            return this;
        }

        /** When the platform first saw it; by default when it was posted. */
        public Video discoveredAt(String instant) {
            discoveredAt = instant;
            return this;
        }

        public Video views(Long value) {
            views = value;
            return this;
        }

        public Video likes(Long value) {
            likes = value;
            return this;
        }

        public Video comments(Long value) {
            comments = value;
            return this;
        }

        public Video shares(Long value) {
            shares = value;
            return this;
        }

        /** All four counts at once, in the table's order. */
        public Video counts(Long views, Long likes, Long comments, Long shares) {
            return views(views).likes(likes).comments(comments).shares(shares);
        }
    }
}
