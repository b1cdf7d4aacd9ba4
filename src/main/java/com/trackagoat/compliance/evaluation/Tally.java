package com.trackagoat.compliance.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The actual value of a metric over a window. Only videos posted in the window and already discovered at
 * {@code asOf} count, so a late or repeated run reproduces what an on-time run saw (a {@link VideoTally} is
 * taken by the same rule, in SQL).
 */
final class Tally {

    private Tally() {
    }

    /**
     * The actual, or empty when it does not fit in a signed 64-bit integer ({@code invalid_data}). A listed
     * video adds its own tally, a window's tally adds itself: one sum either way. Exact addition is enough:
     * {@link #invalidData} rejects negative counters first, so the partial sums only grow and one of them
     * overflows exactly when the total does.
     */
    static OptionalLong actual(Metric metric, Window window, Instant asOf, CreatorActivity activity) {
        if (metric == Metric.FOLLOWERS) {
            return FollowerGain.of(window, asOf, activity.scrapes());
        }
        try {
            if (activity.videos() instanceof VideoTally tally) {
                return OptionalLong.of(valueOf(metric, tally));
            }
            long actual = 0;
            for (Video video : listed(activity)) {
                if (counts(video, window, asOf)) {
                    actual = Math.addExact(actual, valueOf(metric, VideoTally.of(video)));
                }
            }
            return OptionalLong.of(actual);
        } catch (ArithmeticException overflow) {
            return OptionalLong.empty();
        }
    }

    /** What a tally adds to a metric's actual: its count of posts, or the sum of the columns the metric sums. */
    private static long valueOf(Metric metric, VideoTally tally) {
        if (metric == Metric.POSTS) {
            return tally.posts();
        }
        long sum = 0;
        for (VideoColumn column : VideoColumn.summedBy(metric)) {
            sum = Math.addExact(sum, column.valueOf(tally));
        }
        return sum;
    }

    /** {@code invalid_data} for an actual that {@link #actual} could not represent. */
    static Rejection overflow(Metric metric) {
        String what = metric == Metric.FOLLOWERS ? "the follower gain of the window is"
                : metric == Metric.POSTS ? "the number of counted videos is"
                : VideoColumn.summedBy(metric).stream().map(VideoColumn::code)
                        .collect(Collectors.joining(" + ")) + " of the counted videos sum";
        return new Rejection(RejectReason.INVALID_DATA, what + " past the 64-bit range");
    }

    /**
     * {@code invalid_data}: the earliest counted video with a negative value in a column the metric sums. A
     * window's tally has none: it is taken only where no counted video has a negative counter.
     */
    static Optional<Rejection> invalidData(Metric metric, Window window, Instant asOf, CreatorActivity activity) {
        List<VideoColumn> columns = VideoColumn.summedBy(metric);
        Video earliest = null;
        VideoColumn column = null;
        for (Video video : listed(activity)) {
            if (!counts(video, window, asOf) || earliest != null && !video.postedAt().isBefore(earliest.postedAt())) {
                continue; // on a tie the video listed first wins
            }
            for (VideoColumn candidate : columns) {
                if (candidate.valueOf(video) < 0) {
                    earliest = video;
                    column = candidate;
                    break; // the first negative column in the metric's order
                }
            }
        }
        return earliest == null ? Optional.empty() : Optional.of(negative(earliest, column));
    }

    /** The listed videos; none for a tally (already counted). */
    private static List<Video> listed(CreatorActivity activity) {
        return activity.videos() instanceof ListedVideos listed ? listed.videos() : List.of();
    }

    /** Whether a video counts: posted in the window and discovered by as_of. */
    private static boolean counts(Video video, Window window, Instant asOf) {
        return window.contains(video.postedAt()) && !video.discoveredAt().isAfter(asOf);
    }

    private static Rejection negative(Video video, VideoColumn column) {
        return new Rejection(RejectReason.INVALID_DATA, "video posted at " + video.postedAt() + " has negative "
                + column.code() + " (" + column.valueOf(video) + ")");
    }
}
