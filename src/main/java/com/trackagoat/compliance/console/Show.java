package com.trackagoat.compliance.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the console writes instants, durations and counts: UTC, to the minute or second, digits grouped. */
final class Show {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private Show() {
    }

    /** An instance's instant: always a quarter hour, so minutes say it all. */
    static String instant(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }

    /** When something happened: to the second. */
    static String time(Instant instant) {
        return instant == null ? "" : SECOND.format(instant);
    }

    /** 0 s, 42 s, 3 min 5 s, 2 h 10 min, 4 d 3 h: the two largest units. */
    static String duration(Duration duration) {
        if (duration == null) {
            return "";
        }
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min" + part(seconds % 60, " s");
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " h" + part(seconds % 3600 / 60, " min");
        }
        return seconds / 86_400 + " d" + part(seconds % 86_400 / 3600, " h");
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String part(long n, String unit) {
        return n == 0 ? "" : " " + n + unit;
    }
}
