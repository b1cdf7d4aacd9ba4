package com.trackagoat.compliance.evaluation;

import java.time.Duration;
import java.time.LocalDate;

/**
 * The advisory's message texts, exactly as the spec words them. The texts are remembered: the goals of a
 * snapshot share a few (one window end, fresh scrapes), and one shared instance per text keeps the writer's
 * comparison of advisories (AdvisoryDocuments) from hashing and comparing every goal's copy character by
 * character.
 */
final class Messages {

    private static final int KEPT = 4_096;

    /** Each text by its spoken duration ("2 days"), of which there are few. */
    private static final Remembered<String, String> IN_PROGRESS = new Remembered<>(KEPT, untilEnd ->
            "Period in progress \u2014 closes in " + untilEnd + ". Final actual may be higher.");

    private static final Remembered<String, String> RECENTLY_ENDED = new Remembered<>(KEPT, sinceEnd ->
            "Period ended " + sinceEnd + " ago. Late-period posts may still be processing through scrape.");

    private static final Remembered<String, String> LAST_SCRAPED = new Remembered<>(KEPT, age ->
            "Stats last scraped " + age + " ago. "
                    + "Views, engagement, or follower counts may undercount until the next scrape runs.");

    private Messages() {
    }

    static String inProgress(Duration untilEnd) {
        return IN_PROGRESS.get(Hours.spoken(untilEnd));
    }

    static String recentlyEnded(Duration sinceEnd) {
        return RECENTLY_ENDED.get(Hours.spoken(sinceEnd));
    }

    static String scrapeStale(Freshness freshness) {
        if (freshness.bucket() == FreshnessBucket.NEVER) {
            return "Stats have never been scraped for this creator. "
                    + "Views, engagement, or follower counts may undercount until the first scrape runs.";
        }
        return LAST_SCRAPED.get(Hours.spoken(freshness.age()));
    }

    static String notYetStarted(LocalDate startDate) {
        return "Goal starts on " + startDate + ". No data has accrued yet.";
    }
}
