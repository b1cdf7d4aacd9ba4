package com.trackagoat.compliance.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rows of one table as text, keyed by its primary key and read in key order, for {@link TableAssert} to
 * compare two databases (or one database at two moments). Columns a run stamps on its rows
 * ({@link #PER_RUN}) are left out, so two runs of the same work read the same.
 *
 * <p>Values are read as PostgreSQL's own text ({@code column::text}): exact for numerics, canonical for
 * {@code jsonb}, and independent of Java's mapping of types.
 */
public final class TableRows {

    /** Columns that differ between two runs of the same work: when and by which execution a row was written. */
    public static final List<String> PER_RUN = List.of("evaluated_at", "job_execution_id", "rejected_at");

    private static final String COLUMNS = """
            SELECT column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = ?
            ORDER BY ordinal_position
            """;

    private static final String PRIMARY_KEY = """
            SELECT a.attname FROM pg_index i
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
            WHERE i.indrelid = ?::regclass AND i.indisprimary
            ORDER BY array_position(i.indkey::int2[], a.attnum)
            """;

    /** Views have no primary key in the catalog: theirs is the contract's (data-contract.md "Results"). */
    private static final Map<String, List<String>> VIEW_KEYS = Map.of(
            "goal_compliance_snapshots", List.of("goal_id", "phase", "as_of"),
            "payout_eligibility", List.of("goal_id", "as_of"),
            "payout_adjustments", List.of("goal_id", "final_as_of"));

    private final String table;
    private final String condition;
    private final Object[] arguments;
    private final List<String> skipped;
    private final List<String> key;
    private final List<String> columns;
    private final Map<List<String>, List<String>> rows;

    private TableRows(String table, String condition, Object[] arguments, List<String> skipped, List<String> key,
                      List<String> columns, Map<List<String>, List<String>> rows) {
        this.table = table;
        this.condition = condition;
        this.arguments = arguments;
        this.skipped = skipped;
        this.key = key;
        this.columns = columns;
        this.rows = rows;
    }

    /** Every row of the table. */
    public static TableRows read(TestDatabase db, String table) {
        return read(db, table, null);
    }

    /** The rows matching an SQL condition with {@code ?} bind parameters, e.g. {@code "phase = ?", "close"}. */
    public static TableRows read(TestDatabase db, String table, String condition, Object... arguments) {
        return read(db, table, PER_RUN, condition, arguments);
    }

    /**
     * Every row with every column, {@link #PER_RUN} included: one database at two moments with no run in
     * between (before and after a migration) must agree on those too.
     */
    public static TableRows readEveryColumn(TestDatabase db, String table) {
        return read(db, table, List.of(), null);
    }

    private static TableRows read(TestDatabase db, String table, List<String> skipped, String condition,
                                  Object... arguments) {
        List<String> all = db.jdbc().queryForList(COLUMNS, String.class, table);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no table " + table + " in " + db.name());
        }
        List<String> key = VIEW_KEYS.containsKey(table) ? VIEW_KEYS.get(table)
                : db.jdbc().queryForList(PRIMARY_KEY, String.class, table);
        if (key.isEmpty()) {
            throw new IllegalArgumentException(table + " has no primary key to match rows by");
        }
        List<String> compared = all.stream().filter(c -> !key.contains(c) && !skipped.contains(c)).toList();
        String sql = "SELECT " + texts(key) + (compared.isEmpty() ? "" : ", " + texts(compared))
                + " FROM " + quote(table) + (condition == null ? "" : " WHERE " + condition)
                + " ORDER BY " + key.stream().map(TableRows::quote).collect(Collectors.joining(", "));
        Map<List<String>, List<String>> rows = new LinkedHashMap<>();
        db.jdbc().query(sql, (ResultSet rs) -> {
            rows.put(strings(rs, 1, key.size()), strings(rs, key.size() + 1, compared.size()));
        }, arguments);
        return new TableRows(table, condition, arguments, skipped, key, compared, Collections.unmodifiableMap(rows));
    }

    /** The same table, condition and columns read from another database. */
    public TableRows readFrom(TestDatabase db) {
        return read(db, table, skipped, condition, arguments);
    }

    public String table() {
        return table;
    }

    /** The primary key's columns. */
    public List<String> key() {
        return key;
    }

    /** The columns left out: {@link #PER_RUN}, or none. */
    public List<String> skipped() {
        return skipped;
    }

    /** The compared columns: all but the key and the {@linkplain #skipped() skipped} ones. */
    public List<String> columns() {
        return columns;
    }

    /** Key values to the compared columns' values, in key order. */
    public Map<List<String>, List<String>> rows() {
        return rows;
    }

    public int size() {
        return rows.size();
    }

    private static List<String> strings(ResultSet rs, int first, int count) throws SQLException {
        List<String> values = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            values.add(rs.getString(i));
        }
        return values;
    }

    private static String texts(List<String> columns) {
        return columns.stream().map(c -> quote(c) + "::text").collect(Collectors.joining(", "));
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
