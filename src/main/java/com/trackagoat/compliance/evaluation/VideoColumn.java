package com.trackagoat.compliance.evaluation;

import java.util.List;
import java.util.function.Function;

/** A counter column of {@code videos} that a metric sums. */
enum VideoColumn {
    VIEWS("views", Video::views),
    LIKES("likes", Video::likes),
    COMMENTS("comments", Video::comments),
    SHARES("shares", Video::shares);

    private final String code;
    private final Function<Video, Long> reader;

    VideoColumn(String code, Function<Video, Long> reader) {
        this.code = code;
        this.reader = reader;
    }

    String code() {
        return code;
    }

    /** The stored value; null (not scraped yet) counts as 0. */
    long valueOf(Video video) {
        Long value = reader.apply(video);
        return value == null ? 0 : value;
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
