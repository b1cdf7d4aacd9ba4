package com.trackagoat.compliance.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random creator data for property tests, reproducible from a seed, biased towards the values that break
 * arithmetic: nulls, {@code Long.MAX_VALUE}, {@code Long.MIN_VALUE}, 2^62, halves and thirds of the range,
 * negatives, and instants on the window's edges.
 */
final class ExtremeData {

    static final Instant START = Instant.parse("2026-05-18T05:00:00Z");
    static final Instant END = Instant.parse("2026-05-25T05:00:00Z");
    static final Window WEEK = new Window(START, END);

    private static final long[] EXTREMES = {Long.MAX_VALUE, Long.MIN_VALUE, 1L << 62, (1L << 62) - 1,
            Long.MAX_VALUE / 2 + 1, Long.MAX_VALUE / 3 + 1, -1, 0, 1};
    private static final Instant[] AS_OFS = {START.plusSeconds(3_600), Instant.parse("2026-05-21T12:00:00Z"), END,
            END.plusSeconds(48 * 3_600)};
    private static final Metric[] SUMMED = {Metric.POSTS, Metric.VIEWS, Metric.LIKES, Metric.COMMENTS,
            Metric.SHARES, Metric.ENGAGEMENT};
    private static final int MAX_ROWS = 6;
    private static final long DAY_MS = 86_400_000L;

    private final SplittableRandom random;

    ExtremeData(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A counter as stored: null (not scraped yet) a fifth of the time, else an extreme, small or any long. */
    Long counter() {
        int pick = random.nextInt(10);
        return switch (pick) {
            case 0, 1 -> null;
            case 2, 3 -> EXTREMES[random.nextInt(EXTREMES.length)];
            case 4, 5, 6 -> random.nextLong(1_000_000);
            case 7, 8 -> random.nextLong(Long.MAX_VALUE / 4, Long.MAX_VALUE);
            default -> random.nextLong();
        };
    }

    /** A target: small, an extreme, or any positive long. */
    long target() {
        return switch (random.nextInt(3)) {
            case 0 -> 1 + random.nextLong(1_000);
            case 1 -> new long[] {1, 3, Long.MAX_VALUE, 1L << 62}[random.nextInt(4)];
            default -> random.nextLong(1, Long.MAX_VALUE);
        };
    }

    Metric summedMetric() {
        return SUMMED[random.nextInt(SUMMED.length)];
    }

    Instant asOf() {
        return AS_OFS[random.nextInt(AS_OFS.length)];
    }

    /** An instant from two days before the window to two days after it, a third of the time on an edge. */
    Instant instant() {
        return switch (random.nextInt(9)) {
            case 0 -> START;
            case 1 -> END;
            case 2 -> END.minusMillis(1);
            default -> START.plusMillis(random.nextLong(-2 * DAY_MS, 9 * DAY_MS));
        };
    }

    List<Video> videos() {
        List<Video> videos = new ArrayList<>();
        for (int i = random.nextInt(MAX_ROWS + 1); i > 0; i--) {
            Instant posted = instant();
            Instant discovered = random.nextBoolean() ? posted : instant();
            videos.add(new Video(posted, discovered, counter(), counter(), counter(), counter()));
        }
        return videos;
    }

    List<Scrape> scrapes() {
        List<Scrape> scrapes = new ArrayList<>();
        for (int i = random.nextInt(MAX_ROWS + 1); i > 0; i--) {
            scrapes.add(new Scrape(instant(), random.nextInt(4) > 0, counter()));
        }
        return scrapes;
    }
}
