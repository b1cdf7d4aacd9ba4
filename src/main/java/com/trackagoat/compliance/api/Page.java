package com.trackagoat.compliance.api;

import java.util.List;
import java.util.function.Function;

import com.trackagoat.compliance.json.ComplianceJson;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One page of a time series. A query asks for {@code limit + 1} rows: the extra row only tells that there
 * is a next page, whose cursor is the key of the last row shown.
 */
public record Page<T>(List<T> rows, int limit, Function<T, PageCursor> keyOf) {

    public List<T> shown() {
        return rows.size() > limit ? rows.subList(0, limit) : rows;
    }

    public String nextCursor() {
        return rows.size() > limit ? keyOf.apply(rows.get(limit - 1)).encode() : null;
    }

    /** The envelope: {@code data} the rows, {@code meta} the project's zone, the limit and the next cursor. */
    public ObjectNode envelope(ApiProject project, Function<T, ObjectNode> toJson) {
        ArrayNode data = JsonNodeFactory.instance.arrayNode();
        shown().forEach(row -> data.add(toJson.apply(row)));
        ObjectNode meta = ComplianceJson.object();
        meta.put("org_tz", project.timezone());
        meta.put("limit", limit);
        meta.put("next_cursor", nextCursor());
        return ComplianceJson.envelope(data, meta);
    }
}
