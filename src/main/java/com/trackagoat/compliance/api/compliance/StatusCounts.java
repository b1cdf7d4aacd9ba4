package com.trackagoat.compliance.api.compliance;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import com.trackagoat.compliance.evaluation.Status;
import com.trackagoat.compliance.json.ComplianceJson;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Counts of goal-compliance bodies' results by status, and of those carrying an advisory. */
final class StatusCounts {

    private final Map<Status, Long> byStatus = new EnumMap<>(Status.class);
    private long withAdvisory;
    private long rejected;

    StatusCounts() {
        for (Status s : Status.values()) {
            byStatus.put(s, 0L);
        }
    }

    void add(JsonNode body) {
        for (JsonNode creator : body.path("data")) {
            for (JsonNode result : creator.path("compliance")) {
                byStatus.merge(Status.valueOf(result.path("status").asString().toUpperCase(Locale.ROOT)), 1L, Long::sum);
                if (result.at("/advisory/has_advisory").asBoolean()) {
                    withAdvisory++;
                }
            }
        }
        rejected += body.at("/meta/rejected").size();
    }

    ObjectNode toJson() {
        ObjectNode data = ComplianceJson.object();
        data.put("total", byStatus.values().stream().mapToLong(Long::longValue).sum());
        ObjectNode statuses = data.putObject("by_status");
        byStatus.forEach((status, count) -> statuses.put(status.code(), count));
        data.put("with_advisory", withAdvisory);
        data.put("rejected", rejected);
        return data;
    }
}
