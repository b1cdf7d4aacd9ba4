package com.trackagoat.compliance.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A time series page's {@code meta}: the project's zone, the limit, and the next page's cursor (null on the last). */
public record PageMeta(@JsonProperty("org_tz") String orgTz, @JsonProperty("limit") int limit,
                       @JsonProperty("next_cursor") String nextCursor) {
}
