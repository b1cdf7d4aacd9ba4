package com.trackagoat.compliance.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.trackagoat.compliance.evaluation.Evaluation;
import com.trackagoat.compliance.evaluation.Goal;
import com.trackagoat.compliance.evaluation.Rejection;
import com.trackagoat.compliance.json.ComplianceJson;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The report body's JSON, field for field in the seed page's order. Public so that the read API builds its
 * snapshot-backed bodies with the same code.
 */
public final class ReportJson {

    private ReportJson() {
    }

    public static ObjectNode body(List<Creator> creators, Map<UUID, ArrayNode> compliance,
                           String timezone, LocalDate referenceDate, ArrayNode rejected) {
        ArrayNode data = JsonNodeFactory.instance.arrayNode();
        for (Creator c : creators) {
            ObjectNode creator = ComplianceJson.object();
            creator.put("id", c.id().toString());
            creator.put("tiktok_handle", c.tiktokHandle());
            creator.put("display_name", c.displayName());
            creator.put("avatar_url", c.avatarUrl());
            ObjectNode entry = ComplianceJson.object();
            entry.set("creator", creator);
            entry.set("compliance", compliance.get(c.id()));
            data.add(entry);
        }
        ObjectNode meta = ComplianceJson.object();
        meta.put("org_tz", timezone);
        meta.put("reference_date", referenceDate.toString());
        meta.set("rejected", rejected);
        return ComplianceJson.envelope(data, meta);
    }

    public static ObjectNode compliance(Goal g, Evaluation e) {
        ObjectNode goal = ComplianceJson.object();
        goal.put("id", g.id().toString());
        goal.put("creator_id", g.creatorId().toString());
        goal.put("project_id", g.projectId().toString());
        goal.put("metric", g.metric());
        goal.put("period", g.period());
        goal.put("target_value", g.targetValue());
        goal.put("start_date", g.startDate() == null ? null : g.startDate().toString());
        goal.put("end_date", g.endDate() == null ? null : g.endDate().toString());
        goal.put("is_active", g.active());
        ObjectNode node = ComplianceJson.object();
        node.set("goal", goal);
        node.put("target", e.terms().target());
        node.put("actual", e.actual());
        node.put("percentage", e.percentage());
        node.put("status", e.status().code());
        node.set("advisory", ComplianceJson.advisory(e.advisory()));
        return node;
    }

    public static ObjectNode rejection(UUID goalId, Rejection rejection) {
        ObjectNode node = ComplianceJson.object();
        node.put("goal_id", goalId.toString());
        node.put("reason", rejection.reason().code());
        node.put("detail", rejection.detail());
        return node;
    }
}
