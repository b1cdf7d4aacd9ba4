package com.trackagoat.compliance.evaluation;

/**
 * Count and column sums of the videos one window counts, as the database adds them up (null counters as 0).
 * It stands for those videos only when no counter is negative and every sum fits in a long: otherwise the
 * evaluator needs the videos themselves, to name the bad one or to find the overflow.
 */
public record VideoTally(long posts, long views, long likes, long comments, long shares) implements CountedVideos {

    /** No counted video. */
    public static final VideoTally NONE = new VideoTally(0, 0, 0, 0, 0);

    /** One video's counters, as it is added to a window's actual. */
    static VideoTally of(Video video) {
        return new VideoTally(1, orZero(video.views()), orZero(video.likes()), orZero(video.comments()),
                orZero(video.shares()));
    }

    private static long orZero(Long counter) {
        return counter == null ? 0 : counter;
    }
}
