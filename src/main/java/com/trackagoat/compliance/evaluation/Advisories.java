package com.trackagoat.compliance.evaluation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds the advisory object: flags, context fields and one message per true flag, in the spec's order. */
final class Advisories {

    private final Duration settleDelay;

    Advisories(Duration settleDelay) {
        this.settleDelay = settleDelay;
    }

    /** {@code pendingStart} is the goal's start date when it has not started yet, else null. */
    Advisory advisory(Window window, Instant asOf, Freshness freshness, LocalDate pendingStart) {
        boolean inProgress = asOf.isBefore(window.end());
        Duration untilEnd = inProgress ? Duration.between(asOf, window.end()) : null;
        Duration sinceEnd = inProgress ? null : Duration.between(window.end(), asOf);
        boolean recentlyEnded = sinceEnd != null && sinceEnd.compareTo(settleDelay) < 0;
        boolean notYetStarted = pendingStart != null;

        List<String> messages = new ArrayList<>();
        if (inProgress) {
            messages.add(Messages.inProgress(untilEnd));
        }
        if (recentlyEnded) {
            messages.add(Messages.recentlyEnded(sinceEnd));
        }
        if (freshness.isStale()) {
            messages.add(Messages.scrapeStale(freshness));
        }
        if (notYetStarted) {
            messages.add(Messages.notYetStarted(pendingStart));
        }
        // has_advisory follows period_recently_ended only: the page's field table says the other flags
        // do not set it.
        return new Advisory(inProgress, recentlyEnded, freshness.isStale(), notYetStarted, recentlyEnded,
                window.start(), window.printedEnd(), hours(untilEnd), hours(sinceEnd),
                scrapeFreshness(freshness), pendingStart, List.copyOf(messages));
    }

    private static ScrapeFreshness scrapeFreshness(Freshness freshness) {
        if (!freshness.isStale()) {
            return null;
        }
        return new ScrapeFreshness(freshness.bucket(), freshness.lastScrapedAt(), hours(freshness.age()),
                Messages.scrapeStale(freshness));
    }

    private static BigDecimal hours(Duration duration) {
        return duration == null ? null : Hours.tenths(duration);
    }
}
