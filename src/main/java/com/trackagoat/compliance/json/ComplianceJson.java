package com.trackagoat.compliance.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.trackagoat.compliance.evaluation.Advisory;
import com.trackagoat.compliance.evaluation.ScrapeFreshness;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API's JSON shapes, built field by field in the API's order, so that the snapshot table's
 * {@code advisory} column and the report body can never disagree.
 */
public final class ComplianceJson {

    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ComplianceJson() {
    }

    /** An instant as the API prints it: UTC with milliseconds, e.g. {@code 2026-05-25T04:59:59.999Z}. */
    public static String instant(Instant instant) {
        return instant == null ? null : INSTANT.format(instant);
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** The seed page's envelope of an answer: {@code {"data": …, "error": null, "meta": {…}}}. */
    public static ObjectNode envelope(JsonNode data, ObjectNode meta) {
        ObjectNode body = object();
        body.set("data", data);
        body.putNull("error");
        body.set("meta", meta);
        return body;
    }

    public static ObjectNode advisory(Advisory a) {
        ObjectNode node = object();
        node.put("period_in_progress", a.periodInProgress());
        node.put("period_recently_ended", a.periodRecentlyEnded());
        node.put("scrape_stale", a.scrapeStale());
        node.put("not_yet_started", a.notYetStarted());
        node.put("has_advisory", a.hasAdvisory());
        node.put("period_start", instant(a.periodStart()));
        node.put("period_end", instant(a.periodEnd()));
        node.put("hours_until_period_end", a.hoursUntilPeriodEnd());
        node.put("hours_since_period_end", a.hoursSincePeriodEnd());
        node.set("scrape_freshness", freshness(a.scrapeFreshness()));
        node.put("goal_start_date", a.goalStartDate() == null ? null : a.goalStartDate().toString());
        node.set("messages", NODES.arrayNode().addAll(a.messages().stream().map(NODES::stringNode).toList()));
        return node;
    }

    private static JsonNode freshness(ScrapeFreshness f) {
        if (f == null) {
            return NODES.nullNode();
        }
        ObjectNode node = object();
        node.put("bucket", f.bucket().code());
        node.put("last_scraped_at", instant(f.lastScrapedAt()));
        node.put("age_hours", f.ageHours());
        node.put("tooltip", f.tooltip());
        return node;
    }

    /** Parses JSON text, such as a stored {@code advisory} column. */
    public static JsonNode read(String json) {
        return MAPPER.readTree(json);
    }

    public static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    public static String writePretty(JsonNode node) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }
}
