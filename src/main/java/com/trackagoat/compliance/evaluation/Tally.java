package com.trackagoat.compliance.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The actual value of a metric over a window. Only videos posted in the window and already discovered at
 * {@code asOf} count, so a late or repeated run reproduces what an on-time run saw.
 */
final class Tally {

    private Tally() {
    }

    /**
     * The actual, or empty when it does not fit in a signed 64-bit integer ({@code invalid_data}). Exact
     * addition is enough: {@link #invalidData} rejects negative counters first, so the partial sums only grow
     * and one of them overflows exactly when the total does.
     */
    static OptionalLong actual(Metric metric, Window window, Instant asOf, CreatorActivity activity) {
        if (metric == Metric.FOLLOWERS) {
            return FollowerGain.of(window, asOf, activity.scrapes());
        }
        List<VideoColumn> columns = VideoColumn.summedBy(metric);
        long actual = 0;
        try {
            for (Video video : activity.videos()) {
                if (counts(video, window, asOf)) {
                    actual = Math.addExact(actual, metric == Metric.POSTS ? 1 : sum(video, columns));
                }
            }
        } catch (ArithmeticException overflow) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(actual);
    }

    private static long sum(Video video, List<VideoColumn> columns) {
        long sum = 0;
        for (VideoColumn column : columns) {
            sum = Math.addExact(sum, column.valueOf(video));
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

    /** {@code invalid_data}: the earliest counted video with a negative value in a column the metric sums. */
    static Optional<Rejection> invalidData(Metric metric, Window window, Instant asOf, CreatorActivity activity) {
        List<VideoColumn> columns = VideoColumn.summedBy(metric);
        Video earliest = null;
        VideoColumn column = null;
        for (Video video : activity.videos()) {
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

    /** Whether a video counts: posted in the window and discovered by as_of. */
    private static boolean counts(Video video, Window window, Instant asOf) {
        return window.contains(video.postedAt()) && !video.discoveredAt().isAfter(asOf);
    }

    private static Rejection negative(Video video, VideoColumn column) {
        return new Rejection(RejectReason.INVALID_DATA, "video posted at " + video.postedAt() + " has negative "
                + column.code() + " (" + column.valueOf(video) + ")");
    }
}
