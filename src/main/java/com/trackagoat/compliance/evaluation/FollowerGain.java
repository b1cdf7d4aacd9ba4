package com.trackagoat.compliance.evaluation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Net follower gain over a window, from the successful scrapes visible at {@code asOf}. A successful scrape
 * with no follower count carries no follower data, so it is left out here as if it had not been taken
 * (it still counts for freshness: the stats were scraped).
 */
final class FollowerGain {

    private FollowerGain() {
    }

    /** The gain, or empty when it does not fit in a signed 64-bit integer (followers -MAX, then MAX). */
    static OptionalLong of(Window window, Instant asOf, List<Scrape> scrapes) {
        List<Scrape> visible = scrapes.stream()
                .filter(scrape -> scrape.succeeded() && scrape.followers() != null
                        && !scrape.scrapedAt().isAfter(asOf))
                .toList();
        Optional<Scrape> current = latestAtOrBefore(visible, window.end());
        // No scrape before the window: the first one inside it is the best baseline there is.
        Optional<Scrape> baseline = latestAtOrBefore(visible, window.start())
                .or(() -> visible.stream().filter(scrape -> window.contains(scrape.scrapedAt()))
                        .min(Comparator.comparing(Scrape::scrapedAt)));
        if (current.isEmpty() || baseline.isEmpty()) {
            return OptionalLong.of(0);
        }
        try {
            return OptionalLong.of(Math.subtractExact(current.get().followers(), baseline.get().followers()));
        } catch (ArithmeticException overflow) {
            return OptionalLong.empty();
        }
    }

    private static Optional<Scrape> latestAtOrBefore(List<Scrape> scrapes, Instant instant) {
        return scrapes.stream()
                .filter(scrape -> !scrape.scrapedAt().isAfter(instant))
                .max(Comparator.comparing(Scrape::scrapedAt));
    }
}
