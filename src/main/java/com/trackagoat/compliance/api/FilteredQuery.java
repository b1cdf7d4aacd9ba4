package com.trackagoat.compliance.api;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * A page's statement built from the filters a request gives: each present filter adds its condition and binds
 * its values, an absent one adds nothing. So each combination of filters is its own statement, whose generic
 * plan seeks the index and prunes partitions by month, where one statement with {@code :x IS NULL OR …} for
 * every filter would plan for none of them.
 */
public final class FilteredQuery {

    private final StringBuilder sql;
    private final MapSqlParameterSource params;

    /** The statement up to its first optional condition, with the values its fixed part binds. */
    public FilteredQuery(String select, Map<String, ?> values) {
        this.sql = new StringBuilder(select);
        this.params = new MapSqlParameterSource(values);
    }

    /** Adds {@code condition} (a line starting with AND) and the values it binds, if the filter is given. */
    public <T> FilteredQuery and(Optional<T> filter, String condition, Function<? super T, Map<String, ?>> values) {
        filter.ifPresent(value -> {
            sql.append(condition);
            params.addValues(values.apply(value));
        });
        return this;
    }

    /** The statement, ended with its ordering and limit. */
    public String sql(String end) {
        return sql + end;
    }

    public MapSqlParameterSource params() {
        return params;
    }
}
