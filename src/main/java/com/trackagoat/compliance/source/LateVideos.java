package com.trackagoat.compliance.source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.trackagoat.compliance.evaluation.CreatorActivity;
import com.trackagoat.compliance.evaluation.Scrape;
import com.trackagoat.compliance.evaluation.Video;
import com.trackagoat.compliance.evaluation.Window;

/**
 * The creator data a page of restatements needs: the videos discovered after the final and by the restatement
 * instant, listed (few by nature: a scraper outage's worth, so the evaluator sums them exactly and names a bad
 * one itself), and each creator's latest successful scrape at the restatement instant, for scrape freshness.
 */
public class LateVideos {

    /** Videos posted within the span and discovered in (final, restatement]. */
    private static final String LATE = """
            SELECT creator_id,
                   CAST(extract(epoch FROM posted_at) * 1000000 AS bigint) AS posted_us,
                   CAST(extract(epoch FROM discovered_at) * 1000000 AS bigint) AS discovered_us,
                   views, likes, comments, shares
            FROM videos
            WHERE creator_id = ANY(:creators)
              AND posted_at >= :from AND posted_at < :to
              AND discovered_at > :finalAsOf AND discovered_at <= :asOf
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final CreatorActivityRepository activities;

    public LateVideos(NamedParameterJdbcTemplate jdbc, CreatorActivityRepository activities) {
        this.jdbc = jdbc;
        this.activities = activities;
    }

    /** Each item paired with its creator's late videos and latest scrape at {@code asOf}, in item order. */
    public <T, R> List<R> load(List<T> items, Function<T, UUID> creatorOf, Function<T, Window> windowOf,
                               Instant finalAsOf, Instant asOf, BiFunction<T, CreatorActivity, R> pair) {
        if (items.isEmpty()) {
            return List.of();
        }
        Set<UUID> creators = new HashSet<>();
        Window span = null;
        for (T item : items) {
            creators.add(creatorOf.apply(item));
            span = CreatorActivityRepository.cover(span, windowOf.apply(item));
        }
        Map<UUID, List<Video>> late = new HashMap<>();
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("creators", UuidArray.of(creators))
                .addValue("from", Timestamps.utc(span.start()))
                .addValue("to", Timestamps.utc(span.end()))
                .addValue("finalAsOf", Timestamps.utc(finalAsOf))
                .addValue("asOf", Timestamps.utc(asOf));
        jdbc.query(LATE, params, rs -> {
            late.computeIfAbsent(rs.getObject("creator_id", UUID.class), k -> new ArrayList<>()).add(new Video(
                    Timestamps.ofEpochMicros(rs.getLong("posted_us")),
                    Timestamps.ofEpochMicros(rs.getLong("discovered_us")),
                    rs.getObject("views", Long.class), rs.getObject("likes", Long.class),
                    rs.getObject("comments", Long.class), rs.getObject("shares", Long.class)));
        });
        Map<UUID, List<Scrape>> scrapes = activities.scrapes(creators, Set.of(), span, asOf);
        List<R> result = new ArrayList<>(items.size());
        for (T item : items) {
            UUID creator = creatorOf.apply(item);
            result.add(pair.apply(item, new CreatorActivity(late.getOrDefault(creator, List.of()),
                    scrapes.getOrDefault(creator, List.of()))));
        }
        return result;
    }
}
