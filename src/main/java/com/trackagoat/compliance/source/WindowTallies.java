package com.trackagoat.compliance.source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.trackagoat.compliance.evaluation.CountedVideos;
import com.trackagoat.compliance.evaluation.CreatorActivity;
import com.trackagoat.compliance.evaluation.ListedVideos;
import com.trackagoat.compliance.evaluation.Scrape;
import com.trackagoat.compliance.evaluation.Video;
import com.trackagoat.compliance.evaluation.VideoTally;
import com.trackagoat.compliance.evaluation.Window;

/**
 * The creator data of a page of snapshot items, with the videos aggregated in SQL: one row per distinct
 * (creator, window) of the page, not one per video. A month of videos per creator was most of what a close
 * job read and decoded; the evaluator needs only the count and the column sums of the videos it counts.
 * <p>
 * Each item gets an activity of its own whose videos are its window's {@link VideoTally}, so the evaluator
 * still decides actual, status and advisory. Where a counted video has a negative counter (which may be
 * {@code invalid_data}, with a detail naming the video) or a sum does not fit in 64 bits ({@code invalid_data}
 * too) the creator's videos are loaded instead and the evaluator words the reject from them.
 */
public class WindowTallies {

    /**
     * Count and sums of the videos each window counts: posted in [start, end), discovered by as_of (the
     * evaluator's rule, see Tally), null counters as 0; whether any counted video has a negative counter; and
     * whether any sum is outside bigint. The windows travel as epoch microseconds (binary, exact), not as text
     * parsed twice. The sums are sum's numeric, which cannot overflow; they come back as bigint (the
     * evaluator's long, not a BigDecimal for the driver to decode per row), cast only where all four fit, so a
     * window of absurd counters is flagged instead of failing the whole chunk.
     */
    private static final String TALLIES = """
            SELECT ord, posts,
                   CASE WHEN fits THEN CAST(views AS bigint) END AS views,
                   CASE WHEN fits THEN CAST(likes AS bigint) END AS likes,
                   CASE WHEN fits THEN CAST(comments AS bigint) END AS comments,
                   CASE WHEN fits THEN CAST(shares AS bigint) END AS shares,
                   negative, NOT fits AS overflow
            FROM (SELECT *, views BETWEEN -9223372036854775808 AND 9223372036854775807
                            AND likes BETWEEN -9223372036854775808 AND 9223372036854775807
                            AND comments BETWEEN -9223372036854775808 AND 9223372036854775807
                            AND shares BETWEEN -9223372036854775808 AND 9223372036854775807 AS fits
                  FROM (SELECT w.ord, count(v.creator_id) AS posts,
                               coalesce(sum(coalesce(v.views, 0)), 0) AS views,
                               coalesce(sum(coalesce(v.likes, 0)), 0) AS likes,
                               coalesce(sum(coalesce(v.comments, 0)), 0) AS comments,
                               coalesce(sum(coalesce(v.shares, 0)), 0) AS shares,
                               coalesce(bool_or(v.views < 0 OR v.likes < 0 OR v.comments < 0 OR v.shares < 0), false)
                                   AS negative
                        FROM unnest(CAST(:creators AS uuid[]), CAST(:starts AS bigint[]), CAST(:ends AS bigint[]))
                             WITH ORDINALITY AS w(creator_id, start_us, end_us, ord)
                        LEFT JOIN videos v ON v.creator_id = w.creator_id
                             AND v.posted_at >= TIMESTAMPTZ 'epoch' + w.start_us * INTERVAL '1 microsecond'
                             AND v.posted_at < TIMESTAMPTZ 'epoch' + w.end_us * INTERVAL '1 microsecond'
                             AND v.discovered_at <= :asOf
                        GROUP BY w.ord) sums) checked
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final CreatorActivityRepository activities;

    public WindowTallies(NamedParameterJdbcTemplate jdbc, CreatorActivityRepository activities) {
        this.jdbc = jdbc;
        this.activities = activities;
    }

    /** A creator's window. */
    private record Key(UUID creatorId, Window window) {
    }

    /**
     * One window's row. Where a counter is negative or a sum does not fit in a long, the tally cannot stand
     * for the videos: the evaluator gets the listed ones and words the reject itself.
     */
    private record Row(VideoTally tally, boolean negative, boolean overflow) {

        boolean needsListedVideos() {
            return negative || overflow;
        }
    }

    private static final Row NO_VIDEOS = new Row(VideoTally.NONE, false, false);

    /**
     * Each item paired with its activity, in item order: the creator's scrapes (their history only where the
     * item counts followers), and its window's tally; {@link CreatorActivity#NONE} for an item
     * without a window (rejected before any data is read). Each item's window is worked out once.
     */
    public <T, R> List<R> load(List<T> items, Function<T, UUID> creatorOf, Function<T, Optional<Window>> windowOf,
                        Predicate<T> countsFollowers, Instant asOf, BiFunction<T, CreatorActivity, R> pair) {
        List<Optional<Window>> windows = items.stream().map(windowOf).toList();
        Set<UUID> creators = new HashSet<>();
        Set<UUID> followerHistory = new HashSet<>();
        Set<Key> keys = new LinkedHashSet<>();
        Window span = null;
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            Optional<Window> window = windows.get(i);
            if (window.isEmpty()) {
                continue;
            }
            UUID creator = creatorOf.apply(item);
            creators.add(creator);
            if (countsFollowers.test(item)) {
                followerHistory.add(creator);
            } else {
                keys.add(new Key(creator, window.get()));
            }
            span = CreatorActivityRepository.cover(span, window.get());
        }
        if (creators.isEmpty()) {
            return items.stream().map(item -> pair.apply(item, CreatorActivity.NONE)).toList();
        }
        Map<UUID, List<Scrape>> scrapes = activities.scrapes(creators, followerHistory, span, asOf);
        Map<Key, Row> tallies = tallies(keys, asOf);
        Set<UUID> needRaw = new HashSet<>();
        tallies.forEach((key, row) -> {
            if (row.needsListedVideos()) {
                needRaw.add(key.creatorId());
            }
        });
        Map<UUID, List<Video>> raw = activities.videos(needRaw, span, asOf);
        List<R> result = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            Optional<Window> window = windows.get(i);
            if (window.isEmpty()) {
                result.add(pair.apply(item, CreatorActivity.NONE));
                continue;
            }
            UUID creator = creatorOf.apply(item);
            CountedVideos videos = countsFollowers.test(item) ? VideoTally.NONE
                    : needRaw.contains(creator) ? new ListedVideos(raw.getOrDefault(creator, List.of()))
                    : tallies.getOrDefault(new Key(creator, window.get()), NO_VIDEOS).tally();
            result.add(pair.apply(item, new CreatorActivity(videos, scrapes.getOrDefault(creator, List.of()))));
        }
        return result;
    }

    private Map<Key, Row> tallies(Set<Key> keys, Instant asOf) {
        List<Key> ordered = List.copyOf(keys);
        Map<Key, Row> tallies = new HashMap<>();
        if (ordered.isEmpty()) {
            return tallies;
        }
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("creators", UuidArray.of(ordered.stream().map(Key::creatorId).toList()))
                .addValue("starts", ordered.stream()
                        .mapToLong(k -> Timestamps.epochMicros(k.window().start())).toArray())
                .addValue("ends", ordered.stream()
                        .mapToLong(k -> Timestamps.epochMicros(k.window().end())).toArray())
                .addValue("asOf", Timestamps.utc(asOf));
        jdbc.query(TALLIES, params, rs -> {
            tallies.put(ordered.get(rs.getInt("ord") - 1), new Row(new VideoTally(rs.getLong("posts"),
                    rs.getLong("views"), rs.getLong("likes"), rs.getLong("comments"), rs.getLong("shares")),
                    rs.getBoolean("negative"), rs.getBoolean("overflow")));
        });
        return tallies;
    }
}
