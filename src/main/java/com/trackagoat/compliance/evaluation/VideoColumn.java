package com.trackagoat.compliance.evaluation;

import java.util.List;
import java.util.function.ToLongFunction;

/** A counter column of {@code videos} that a metric sums. */
enum VideoColumn {
    VIEWS("views", VideoTally::views),
    LIKES("likes", VideoTally::likes),
    COMMENTS("comments", VideoTally::comments),
    SHARES("shares", VideoTally::shares);

    private final String code;
    private final ToLongFunction<VideoTally> reader;

    VideoColumn(String code, ToLongFunction<VideoTally> reader) {
        this.code = code;
        this.reader = reader;
    }

    String code() {
        return code;
    }

    /** The column's value (or sum) in a tally. */
    long valueOf(VideoTally tally) {
        return reader.applyAsLong(tally);
    }

    /** The stored value; null (not scraped yet) counts as 0. */
    long valueOf(Video video) {
        return valueOf(VideoTally.of(video));
    }

    /** The columns a metric sums: none for posts (a count) and followers (read from scrapes). */
    static List<VideoColumn> summedBy(Metric metric) {
        return switch (metric) {
            case POSTS, FOLLOWERS -> List.of();
            case VIEWS -> List.of(VIEWS);
            case LIKES -> List.of(LIKES);
            case COMMENTS -> List.of(COMMENTS);
            case SHARES -> List.of(SHARES);
            case ENGAGEMENT -> List.of(LIKES, COMMENTS, SHARES);
        };
    }
}
