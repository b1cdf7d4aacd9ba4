package com.trackagoat.compliance.snapshot;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.trackagoat.compliance.evaluation.CreatorActivity;
import com.trackagoat.compliance.evaluation.Scrape;
import com.trackagoat.compliance.evaluation.Video;
import com.trackagoat.compliance.evaluation.Window;

/**
 * Loads the videos and scrapes of many creators in two queries: one chunk's worth, never one query per goal.
 */
public class CreatorActivityRepository {

    /** Videos posted within the span and visible at as_of. */
    private static final String VIDEOS = """
            SELECT creator_id, posted_at, discovered_at, views, likes, comments, shares
            FROM videos
            WHERE creator_id = ANY(:creators)
              AND posted_at >= :from AND posted_at < :to
              AND discovered_at <= :asOf
            """;

    /**
     * Successful scrapes from the span start up to as_of, plus each creator's latest one before the span:
     * enough for any window's follower baseline and for scrape freshness at as_of.
     */
    private static final String SCRAPES = """
            (SELECT creator_id, scraped_at, followers
             FROM creator_scrapes
             WHERE creator_id = ANY(:creators) AND succeeded
               AND scraped_at > :from AND scraped_at <= :asOf)
            UNION ALL
            (SELECT DISTINCT ON (creator_id) creator_id, scraped_at, followers
             FROM creator_scrapes
             WHERE creator_id = ANY(:creators) AND succeeded AND scraped_at <= :from AND scraped_at <= :asOf
             ORDER BY creator_id, scraped_at DESC)
            """;

    private final NamedParameterJdbcTemplate jdbc;

    public CreatorActivityRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Each creator's activity within {@code span} as visible at {@code asOf}; absent creators get none. */
    public Map<UUID, CreatorActivity> load(Collection<UUID> creatorIds, Window span, Instant asOf) {
        Map<UUID, List<Video>> videos = new HashMap<>();
        Map<UUID, List<Scrape>> scrapes = new HashMap<>();
        if (!creatorIds.isEmpty()) {
            MapSqlParameterSource params = new MapSqlParameterSource()
                    .addValue("creators", creatorIds.toArray(UUID[]::new))
                    .addValue("from", utc(span.start()))
                    .addValue("to", utc(span.end()))
                    .addValue("asOf", utc(asOf));
            jdbc.query(VIDEOS, params, rs -> {
                videos.computeIfAbsent(rs.getObject("creator_id", UUID.class), k -> new ArrayList<>()).add(new Video(
                        instant(rs.getObject("posted_at", OffsetDateTime.class)),
                        instant(rs.getObject("discovered_at", OffsetDateTime.class)),
                        rs.getObject("views", Long.class), rs.getObject("likes", Long.class),
                        rs.getObject("comments", Long.class), rs.getObject("shares", Long.class)));
            });
            jdbc.query(SCRAPES, params, rs -> {
                scrapes.computeIfAbsent(rs.getObject("creator_id", UUID.class), k -> new ArrayList<>()).add(new Scrape(
                        instant(rs.getObject("scraped_at", OffsetDateTime.class)), true,
                        rs.getObject("followers", Long.class)));
            });
        }
        Map<UUID, CreatorActivity> activity = new HashMap<>();
        for (UUID id : creatorIds) {
            activity.put(id, new CreatorActivity(videos.getOrDefault(id, List.of()), scrapes.getOrDefault(id, List.of())));
        }
        return activity;
    }

    /**
     * The activity a page of items needs: for the creators of the items that have a window, everything within
     * the span of those windows, in the same two queries.
     */
    public <T> Map<UUID, CreatorActivity> loadFor(Collection<T> items, Function<T, UUID> creatorOf,
                                                  Function<T, Optional<Window>> windowOf, Instant asOf) {
        Set<UUID> creators = new HashSet<>();
        Instant from = null;
        Instant to = null;
        for (T item : items) {
            Optional<Window> window = windowOf.apply(item);
            if (window.isPresent()) {
                creators.add(creatorOf.apply(item));
                from = from == null || window.get().start().isBefore(from) ? window.get().start() : from;
                to = to == null || window.get().end().isAfter(to) ? window.get().end() : to;
            }
        }
        return creators.isEmpty() ? Map.of() : load(creators, new Window(from, to), asOf);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
