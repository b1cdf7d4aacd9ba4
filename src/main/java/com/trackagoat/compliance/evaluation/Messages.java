package com.trackagoat.compliance.evaluation;

import java.time.Duration;
import java.time.LocalDate;

/** The advisory's message texts, exactly as the spec words them. */
final class Messages {

    private Messages() {
    }

    static String inProgress(Duration untilEnd) {
        return "Period in progress \u2014 closes in " + Hours.spoken(untilEnd) + ". Final actual may be higher.";
    }

    static String recentlyEnded(Duration sinceEnd) {
        return "Period ended " + Hours.spoken(sinceEnd) + " ago. "
                + "Late-period posts may still be processing through scrape.";
    }

    static String scrapeStale(Freshness freshness) {
        if (freshness.bucket() == FreshnessBucket.NEVER) {
            return "Stats have never been scraped for this creator. "
                    + "Views, engagement, or follower counts may undercount until the first scrape runs.";
        }
        return "Stats last scraped " + Hours.spoken(freshness.age()) + " ago. "
                + "Views, engagement, or follower counts may undercount until the next scrape runs.";
    }

    static String notYetStarted(LocalDate startDate) {
        return "Goal starts on " + startDate + ". No data has accrued yet.";
    }
}
