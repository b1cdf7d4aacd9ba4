package com.trackagoat.compliance.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Goal page's chart of one period, as coordinates for an inline SVG the template draws (no script, no chart
 * library): the actual at each nightly and at the close as a line, the final settled after it as a marker, the
 * pace line (the target × the elapsed share of the period, from 0 at the start to the target at the end) and
 * the target. Time runs left to right from the period's start to its end or the last snapshot, whichever is
 * later; values bottom to top from 0 (or the lowest actual, a follower loss) to a round number above the target
 * and every actual. Coordinates are in the SVG's {@link #WIDTH} × {@link #HEIGHT} view box, one decimal.
 */
record GoalChart(String viewBox, Box plot, String actualLine, Segment pace, Segment target, Segment periodEnd,
                 Segment settling, List<Marker> markers, List<Tick> valueTicks, List<Tick> timeTicks) {

    static final int WIDTH = 640;
    static final int HEIGHT = 300;
    static final int LEFT = 64;
    static final int RIGHT = 16;
    static final int TOP = 16;
    static final int BOTTOM = 40;

    /** The time axis's labels: short enough that the start's and the end's fit side by side (UTC). */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** A snapshot of the period: its phase, when, and its actual. */
    record Point(String phase, Instant asOf, long actual) {
    }

    record Box(String x, String y, String width, String height, String bottom, String right, String timeLabels) {
    }

    record Segment(String x1, String y1, String x2, String y2) {
    }

    /** A snapshot's dot; {@code label} its accessible name (the SVG {@code <title>}). */
    record Marker(String phase, String cx, String cy, String labelY, String labelAnchor, String label) {
    }

    /** A tick on an axis: where (x or y), and its label. */
    record Tick(String at, String label) {
    }

    static GoalChart of(Instant start, Instant end, long target, List<Point> points) {
        Instant last = points.stream().map(Point::asOf).max(Instant::compareTo).filter(end::isBefore).orElse(end);
        long low = Math.min(0, points.stream().mapToLong(Point::actual).min().orElse(0));
        long high = Math.max(target, points.stream().mapToLong(Point::actual).max().orElse(0));
        long step = step(high - low);
        long bottom = Math.floorDiv(low, step) * step;
        long top = Math.max(bottom + step, -Math.floorDiv(-high, step) * step);
        Scale scale = new Scale(start, last, bottom, top);

        List<Marker> markers = new ArrayList<>();
        Point close = null;
        Point settled = null;
        for (Point p : points) {
            markers.add(new Marker(p.phase(), n(scale.x(p.asOf())), n(scale.y(p.actual())),
                    n(scale.y(p.actual()) - 10), scale.x(p.asOf()) > WIDTH - RIGHT - 24 ? "end" : "middle",
                    p.phase() + " "
                    + Show.instant(p.asOf()) + ": actual " + Show.count(p.actual()) + " of " + Show.count(target)));
            close = "close".equals(p.phase()) ? p : close;
            settled = "final".equals(p.phase()) ? p : settled;
        }
        String line = points.stream().filter(p -> !"final".equals(p.phase()))
                .map(p -> n(scale.x(p.asOf())) + "," + n(scale.y(p.actual()))).collect(Collectors.joining(" "));
        List<Tick> values = new ArrayList<>();
        for (long v = bottom; v <= top; v += step) {
            values.add(new Tick(n(scale.y(v)), Show.count(v)));
        }
        List<Tick> times = List.of(new Tick(n(scale.x(start)), DAY.format(start)), new Tick(n(scale.x(end)),
                DAY.format(end)));
        double plotBottom = HEIGHT - BOTTOM;
        double plotRight = WIDTH - RIGHT;
        return new GoalChart("0 0 " + WIDTH + " " + HEIGHT,
                new Box(n(LEFT), n(TOP), n(plotRight - LEFT), n(plotBottom - TOP), n(plotBottom), n(plotRight),
                        n(plotBottom + 18)),
                line, new Segment(n(scale.x(start)), n(scale.y(0)), n(scale.x(end)), n(scale.y(target))),
                new Segment(n(LEFT), n(scale.y(target)), n(plotRight), n(scale.y(target))),
                new Segment(n(scale.x(end)), n(TOP), n(scale.x(end)), n(plotBottom)),
                close == null || settled == null ? null : new Segment(n(scale.x(close.asOf())),
                        n(scale.y(close.actual())), n(scale.x(settled.asOf())), n(scale.y(settled.actual()))),
                markers, values, times);
    }

    /** The pace at an instant: target × elapsed share, the share clamped to [0, 1]. For showing only. */
    static long pace(Instant start, Instant end, long target, Instant at) {
        double share = (double) (at.toEpochMilli() - start.toEpochMilli()) / (end.toEpochMilli() - start.toEpochMilli());
        return Math.round(target * Math.max(0, Math.min(1, share)));
    }

    /** A round step (1, 2 or 5 × a power of ten, at least 1) giving about four intervals over {@code span}. */
    static long step(long span) {
        double raw = Math.max(1, span) / 4.0;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return Math.max(1, Math.round(nice * power));
    }

    private record Scale(Instant start, Instant end, long bottom, long top) {

        double x(Instant t) {
            return LEFT + (double) (t.toEpochMilli() - start.toEpochMilli())
                    / (end.toEpochMilli() - start.toEpochMilli()) * (WIDTH - LEFT - RIGHT);
        }

        double y(long v) {
            return HEIGHT - BOTTOM - (double) (v - bottom) / (top - bottom) * (HEIGHT - TOP - BOTTOM);
        }
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
