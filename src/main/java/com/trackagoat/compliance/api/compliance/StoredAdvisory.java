package com.trackagoat.compliance.api.compliance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.trackagoat.compliance.evaluation.Advisory;
import com.trackagoat.compliance.evaluation.FreshnessBucket;
import com.trackagoat.compliance.evaluation.ScrapeFreshness;
import com.trackagoat.compliance.json.ComplianceJson;

import tools.jackson.databind.JsonNode;

/**
 * The {@code advisory} column read back into an {@link Advisory}. PostgreSQL's jsonb does not keep the
 * order of keys, so the API re-renders it with {@link ComplianceJson#advisory}: the same code, the same
 * field order as a live body.
 */
public final class StoredAdvisory {

    private StoredAdvisory() {
    }

    public static Advisory parse(String json) {
        JsonNode a = ComplianceJson.read(json);
        List<String> messages = new ArrayList<>();
        a.path("messages").forEach(m -> messages.add(m.asString()));
        return new Advisory(a.path("period_in_progress").asBoolean(), a.path("period_recently_ended").asBoolean(),
                a.path("scrape_stale").asBoolean(), a.path("not_yet_started").asBoolean(),
                a.path("has_advisory").asBoolean(), instant(a.get("period_start")), instant(a.get("period_end")),
                hours(a.get("hours_until_period_end")), hours(a.get("hours_since_period_end")),
                freshness(a.get("scrape_freshness")), date(a.get("goal_start_date")), List.copyOf(messages));
    }

    private static ScrapeFreshness freshness(JsonNode f) {
        if (f == null || f.isNull()) {
            return null;
        }
        return new ScrapeFreshness(FreshnessBucket.valueOf(f.path("bucket").asString().toUpperCase(Locale.ROOT)),
                instant(f.get("last_scraped_at")), hours(f.get("age_hours")), f.path("tooltip").asString());
    }

    private static Instant instant(JsonNode node) {
        return node == null || node.isNull() ? null : Instant.parse(node.asString());
    }

    private static LocalDate date(JsonNode node) {
        return node == null || node.isNull() ? null : LocalDate.parse(node.asString());
    }

    /** Hours carry one decimal, as the evaluator writes them. */
    private static BigDecimal hours(JsonNode node) {
        return node == null || node.isNull() ? null : node.decimalValue().setScale(1, RoundingMode.HALF_UP);
    }
}
