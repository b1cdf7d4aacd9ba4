package com.trackagoat.compliance.evaluation;

import static com.trackagoat.compliance.evaluation.GoldenDataset.date;
import static com.trackagoat.compliance.evaluation.GoldenDataset.instant;
import static com.trackagoat.compliance.evaluation.GoldenDataset.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import tools.jackson.databind.JsonNode;

/** Field-by-field differences between an expected golden snapshot row and what the evaluator gave. */
final class SnapshotComparison {

    private final String label;
    private final List<String> differences = new ArrayList<>();

    private SnapshotComparison(JsonNode row) {
        this.label = text(row, "goal_id") + " " + text(row, "phase") + "@" + text(row, "as_of");
    }

    static List<String> differences(JsonNode row, Outcome outcome) {
        SnapshotComparison comparison = new SnapshotComparison(row);
        if (outcome instanceof Outcome.Evaluated evaluated) {
            comparison.compare(row, evaluated.evaluation());
        } else {
            comparison.differences.add(comparison.label + ": rejected " + outcome);
        }
        return comparison.differences;
    }

    private void compare(JsonNode row, Evaluation evaluation) {
        check("metric", text(row, "metric"), evaluation.terms().metric().code());
        check("target", row.get("target").asLong(), evaluation.terms().target());
        check("actual", row.get("actual").asLong(), evaluation.actual());
        check("percentage", row.get("percentage").asInt(), evaluation.percentage());
        check("status", text(row, "status"), evaluation.status().code());
        check("period_start", instant(row, "period_start"), evaluation.terms().window().start());
        check("period_end", instant(row, "period_end"), evaluation.terms().window().printedEnd());
        check("has_advisory", row.get("has_advisory").asBoolean(), evaluation.advisory().hasAdvisory());
        compareAdvisory(row.get("advisory"), evaluation.advisory());
    }

    private void compareAdvisory(JsonNode expected, Advisory advisory) {
        check("period_in_progress", expected.get("period_in_progress").asBoolean(), advisory.periodInProgress());
        check("period_recently_ended", expected.get("period_recently_ended").asBoolean(),
                advisory.periodRecentlyEnded());
        check("scrape_stale", expected.get("scrape_stale").asBoolean(), advisory.scrapeStale());
        check("not_yet_started", expected.get("not_yet_started").asBoolean(), advisory.notYetStarted());
        check("advisory.has_advisory", expected.get("has_advisory").asBoolean(), advisory.hasAdvisory());
        check("advisory.period_start", instant(expected, "period_start"), advisory.periodStart());
        check("advisory.period_end", instant(expected, "period_end"), advisory.periodEnd());
        check("hours_until_period_end", decimal(expected, "hours_until_period_end"), advisory.hoursUntilPeriodEnd());
        check("hours_since_period_end", decimal(expected, "hours_since_period_end"), advisory.hoursSincePeriodEnd());
        check("goal_start_date", date(expected, "goal_start_date"), advisory.goalStartDate());
        check("messages", expected.get("messages").values().stream().map(JsonNode::asString).toList(),
                advisory.messages());
        compareFreshness(expected.get("scrape_freshness"), advisory.scrapeFreshness());
    }

    private void compareFreshness(JsonNode expected, ScrapeFreshness freshness) {
        if (expected.isNull() || freshness == null) {
            check("scrape_freshness", expected.isNull() ? null : expected.toString(), freshness);
            return;
        }
        check("freshness.bucket", text(expected, "bucket"), freshness.bucket().code());
        check("freshness.last_scraped_at", instant(expected, "last_scraped_at"), freshness.lastScrapedAt());
        check("freshness.age_hours", decimal(expected, "age_hours"), freshness.ageHours());
        check("freshness.tooltip", text(expected, "tooltip"), freshness.tooltip());
    }

    /** Hours are compared with their scale: the API prints 48.0, not 48. */
    private static BigDecimal decimal(JsonNode node, String field) {
        String text = text(node, field);
        return text == null ? null : new BigDecimal(text);
    }

    private void check(String field, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            differences.add(label + " " + field + ": expected " + expected + ", got " + actual);
        }
    }
}
