package com.trackagoat.compliance.source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.trackagoat.compliance.evaluation.CreatorActivity;
import com.trackagoat.compliance.evaluation.Scrape;
import com.trackagoat.compliance.evaluation.Video;
import com.trackagoat.compliance.evaluation.Window;

/**
 * Loads the videos and scrapes of many creators in a few queries: one chunk's worth, never one query per goal.
 * Instants travel as epoch microseconds (exact: PostgreSQL keeps microseconds), which the driver reads as
 * plain numbers: parsing millions of timestamptz texts was most of a close job's CPU.
 */
public class CreatorActivityRepository {

    /** Videos posted within the span and visible at as_of. */
    private static final String VIDEOS = """
            SELECT creator_id,
                   CAST(extract(epoch FROM posted_at) * 1000000 AS bigint) AS posted_us,
                   CAST(extract(epoch FROM discovered_at) * 1000000 AS bigint) AS discovered_us,
                   views, likes, comments, shares
            FROM videos
            WHERE creator_id = ANY(:creators)
              AND posted_at >= :from AND posted_at < :to
              AND discovered_at <= :asOf
            """;

    /**
     * Successful scrapes from the span start up to as_of, plus each creator's latest one before the span:
     * enough for any window's follower baseline and for scrape freshness at as_of.
     */
    private static final String SCRAPE_HISTORY = """
            (SELECT creator_id, CAST(extract(epoch FROM scraped_at) * 1000000 AS bigint) AS scraped_us, followers
             FROM creator_scrapes
             WHERE creator_id = ANY(:creators) AND succeeded
               AND scraped_at > :from AND scraped_at <= :asOf)
            UNION ALL
            (SELECT DISTINCT ON (creator_id) creator_id,
                    CAST(extract(epoch FROM scraped_at) * 1000000 AS bigint) AS scraped_us, followers
             FROM creator_scrapes
             WHERE creator_id = ANY(:creators) AND succeeded AND scraped_at <= :from AND scraped_at <= :asOf
             ORDER BY creator_id, scraped_at DESC)
            """;

    /**
     * Each creator's latest successful scrape at or before as_of: all that scrape freshness reads, and so all
     * the scrape data a goal needs unless it counts followers. One index probe per creator.
     */
    private static final String LATEST_SCRAPE = """
            SELECT c.id AS creator_id, CAST(extract(epoch FROM s.scraped_at) * 1000000 AS bigint) AS scraped_us,
                   s.followers
            FROM unnest(CAST(:creators AS uuid[])) AS c(id)
            CROSS JOIN LATERAL (
                SELECT scraped_at, followers FROM creator_scrapes
                WHERE creator_id = c.id AND succeeded AND scraped_at <= :asOf
                ORDER BY scraped_at DESC
                LIMIT 1) s
            """;

    private final NamedParameterJdbcTemplate jdbc;

    public CreatorActivityRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Each creator's activity within {@code span} as visible at {@code asOf} (absent creators get none), with
     * the scrape history only for the creators in {@code followerHistory}; the others get their latest
     * successful scrape at or before as_of only.
     */
    Map<UUID, CreatorActivity> load(Collection<UUID> creatorIds, Set<UUID> followerHistory, Window span,
                                    Instant asOf) {
        Map<UUID, List<Video>> videos = videos(creatorIds, span, asOf);
        Map<UUID, List<Scrape>> scrapes = scrapes(creatorIds, followerHistory, span, asOf);
        Map<UUID, CreatorActivity> activity = new HashMap<>();
        for (UUID id : creatorIds) {
            activity.put(id, new CreatorActivity(videos.getOrDefault(id, List.of()), scrapes.getOrDefault(id, List.of())));
        }
        return activity;
    }

    /** The creators' videos posted within {@code span} and visible at {@code asOf}, by creator. */
    Map<UUID, List<Video>> videos(Collection<UUID> creatorIds, Window span, Instant asOf) {
        Map<UUID, List<Video>> videos = new HashMap<>();
        if (!creatorIds.isEmpty()) {
            jdbc.query(VIDEOS, params(creatorIds, span, asOf), rs -> {
                videos.computeIfAbsent(rs.getObject("creator_id", UUID.class), k -> new ArrayList<>()).add(new Video(
                        Timestamps.ofEpochMicros(rs.getLong("posted_us")),
                        Timestamps.ofEpochMicros(rs.getLong("discovered_us")),
                        rs.getObject("views", Long.class), rs.getObject("likes", Long.class),
                        rs.getObject("comments", Long.class), rs.getObject("shares", Long.class)));
            });
        }
        return videos;
    }

    /**
     * The creators' successful scrapes visible at {@code asOf}, by creator: the history from {@code span}'s
     * start (and the latest before it) for those in {@code followerHistory}, the latest one for the others.
     */
    Map<UUID, List<Scrape>> scrapes(Collection<UUID> creatorIds, Set<UUID> followerHistory, Window span,
                                    Instant asOf) {
        Map<UUID, List<Scrape>> scrapes = new HashMap<>();
        List<UUID> latestOnly = creatorIds.stream().filter(id -> !followerHistory.contains(id)).toList();
        if (latestOnly.size() < creatorIds.size()) {
            readScrapes(SCRAPE_HISTORY, params(followerHistory, span, asOf), scrapes);
        }
        if (!latestOnly.isEmpty()) {
            readScrapes(LATEST_SCRAPE, params(latestOnly, span, asOf), scrapes);
        }
        return scrapes;
    }

    private static MapSqlParameterSource params(Collection<UUID> creatorIds, Window span, Instant asOf) {
        return new MapSqlParameterSource()
                .addValue("creators", UuidArray.of(creatorIds))
                .addValue("from", Timestamps.utc(span.start()))
                .addValue("to", Timestamps.utc(span.end()))
                .addValue("asOf", Timestamps.utc(asOf));
    }

    private void readScrapes(String sql, MapSqlParameterSource params, Map<UUID, List<Scrape>> scrapes) {
        jdbc.query(sql, params, rs -> {
            scrapes.computeIfAbsent(rs.getObject("creator_id", UUID.class), k -> new ArrayList<>()).add(new Scrape(
                    Timestamps.ofEpochMicros(rs.getLong("scraped_us")), true, rs.getObject("followers", Long.class)));
        });
    }

    /**
     * The activity a page of items needs: for the creators of the items that have a window, everything within
     * the span of those windows, in the same few queries.
     */
    public <T> Map<UUID, CreatorActivity> loadFor(Collection<T> items, Function<T, UUID> creatorOf,
                                                  Function<T, Optional<Window>> windowOf, Instant asOf) {
        return loadFor(items, creatorOf, windowOf, item -> true, asOf);
    }

    /**
     * Like {@link #loadFor(Collection, Function, Function, Instant)}, with the scrape history only for the
     * creators of the items that {@code countsFollowers}: the others' evaluations read scrapes only for
     * freshness, i.e. the latest successful one at or before as_of.
     */
    <T> Map<UUID, CreatorActivity> loadFor(Collection<T> items, Function<T, UUID> creatorOf,
                                           Function<T, Optional<Window>> windowOf, Predicate<T> countsFollowers,
                                           Instant asOf) {
        Set<UUID> creators = new HashSet<>();
        Set<UUID> followerHistory = new HashSet<>();
        Window span = null;
        for (T item : items) {
            Optional<Window> window = windowOf.apply(item);
            if (window.isPresent()) {
                creators.add(creatorOf.apply(item));
                if (countsFollowers.test(item)) {
                    followerHistory.add(creatorOf.apply(item));
                }
                span = cover(span, window.get());
            }
        }
        return creators.isEmpty() ? Map.of() : load(creators, followerHistory, span, asOf);
    }

    /** The smallest window that covers {@code span} (null for none yet) and {@code window}. */
    static Window cover(Window span, Window window) {
        if (span == null) {
            return window;
        }
        return new Window(window.start().isBefore(span.start()) ? window.start() : span.start(),
                window.end().isAfter(span.end()) ? window.end() : span.end());
    }
}
