package com.trackagoat.compliance.evaluation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The actual value of a metric over a window. Only videos posted in the window and already discovered at
 * {@code asOf} count, so a late or repeated run reproduces what an on-time run saw.
 */
final class Tally {

    private Tally() {
    }

    static long actual(Metric metric, Window window, Instant asOf, CreatorActivity activity) {
        if (metric == Metric.FOLLOWERS) {
            return FollowerGain.of(window, asOf, activity.scrapes());
        }
        List<Video> counted = counted(window, asOf, activity.videos());
        if (metric == Metric.POSTS) {
            return counted.size();
        }
        List<VideoColumn> columns = VideoColumn.summedBy(metric);
        return counted.stream()
                .mapToLong(video -> columns.stream().mapToLong(column -> column.valueOf(video)).sum())
                .sum();
    }

    /** {@code invalid_data}: the earliest counted video with a negative value in a column the metric sums. */
    static Optional<Rejection> invalidData(Metric metric, Window window, Instant asOf, CreatorActivity activity) {
        List<VideoColumn> columns = VideoColumn.summedBy(metric);
        return counted(window, asOf, activity.videos()).stream()
                .sorted(Comparator.comparing(Video::postedAt))
                .flatMap(video -> columns.stream()
                        .filter(column -> column.valueOf(video) < 0)
                        .map(column -> negative(video, column)))
                .findFirst();
    }

    private static List<Video> counted(Window window, Instant asOf, List<Video> videos) {
        return videos.stream()
                .filter(video -> window.contains(video.postedAt()) && !video.discoveredAt().isAfter(asOf))
                .toList();
    }

    private static Rejection negative(Video video, VideoColumn column) {
        return new Rejection(RejectReason.INVALID_DATA, "video posted at " + video.postedAt() + " has negative "
                + column.code() + " (" + column.valueOf(video) + ")");
    }
}
