package com.trackagoat.compliance.api;

import java.util.List;
import java.util.function.Function;

import com.trackagoat.compliance.body.Envelope;

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

    /** The envelope: {@code data} the rows shown, {@code meta} the project's zone, the limit and the next cursor. */
    public <R> Envelope<List<R>, PageMeta> envelope(ApiProject project, Function<T, R> toBody) {
        return Envelope.of(shown().stream().map(toBody).toList(),
                new PageMeta(project.timezone(), limit, nextCursor()));
    }
}
