package com.trackagoat.compliance.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a table's rows that say what differs: on a mismatch the message gives the counts and the
 * first {@value #SHOWN} missing, extra and differing rows (by key), and for a differing row each differing
 * column with both values. A digest would only say that something, somewhere, differs.
 *
 * <pre>{@code
 * assertThatTable(resumed, "goal_compliance_snapshots").hasSameRowsAs(uninterrupted);
 * }</pre>
 */
public final class TableAssert extends AbstractAssert<TableAssert, TableRows> {

    /** How many rows of each kind a failure message shows. */
    public static final int SHOWN = 5;

    /** The tables a snapshot run writes. */
    public static final List<String> RESULT_TABLES = List.of("goal_compliance_snapshots", "goal_compliance_rejects");

    private TableAssert(TableRows actual) {
        super(actual, TableAssert.class);
    }

    public static TableAssert assertThat(TableRows actual) {
        return new TableAssert(actual);
    }

    /** Every row of a table, per-run columns aside ({@link TableRows#PER_RUN}). */
    public static TableAssert assertThatTable(TestDatabase db, String table) {
        return new TableAssert(TableRows.read(db, table));
    }

    /**
     * Asserts that both databases hold the same rows in every {@link #RESULT_TABLES result table}; returns how
     * many rows that is, all tables together.
     */
    public static long assertSameResults(TestDatabase actual, TestDatabase expected) {
        long rows = 0;
        for (String table : RESULT_TABLES) {
            rows += assertThatTable(actual, table).hasSameRowsAs(expected).actual.size();
        }
        return rows;
    }

    /** The same rows as the same table (and condition) in the expected database. */
    public TableAssert hasSameRowsAs(TestDatabase expected) {
        isNotNull();
        return hasSameRowsAs(actual.readFrom(expected));
    }

    public TableAssert hasSameRowsAs(TableRows expected) {
        isNotNull();
        String differences = differences(expected);
        if (differences != null) {
            failWithMessage("%s", differences);
        }
        return myself;
    }

    /** Some row added, removed or changed since {@code before}: e.g. that a rerun did rewrite rows. */
    public TableAssert differsFrom(TableRows before) {
        isNotNull();
        if (differences(before) == null) {
            failWithMessage("expected %s to differ from before, but its %d rows are the same",
                    actual.table(), actual.size());
        }
        return myself;
    }

    public TableAssert hasRowCount(int expected) {
        isNotNull();
        if (actual.size() != expected) {
            failWithMessage("expected %s to have %d rows but it has %d", actual.table(), expected, actual.size());
        }
        return myself;
    }

    /** The failure message, or null when the rows are the same. */
    private String differences(TableRows expected) {
        if (!expected.key().equals(actual.key()) || !expected.columns().equals(actual.columns())) {
            return actual.table() + ": the two tables have different columns: expected key " + expected.key()
                    + " and " + expected.columns() + ", actual key " + actual.key() + " and " + actual.columns();
        }
        List<String> missing = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        int missingCount = 0;
        int differingCount = 0;
        for (Map.Entry<List<String>, List<String>> row : expected.rows().entrySet()) {
            List<String> found = actual.rows().get(row.getKey());
            if (found == null) {
                missingCount++;
                addShown(missing, describe(row.getKey(), row.getValue()));
            } else if (!found.equals(row.getValue())) {
                differingCount++;
                addShown(differing, describeDifference(row.getKey(), row.getValue(), found));
            }
        }
        List<String> extra = new ArrayList<>();
        int extraCount = 0;
        for (Map.Entry<List<String>, List<String>> row : actual.rows().entrySet()) {
            if (!expected.rows().containsKey(row.getKey())) {
                extraCount++;
                addShown(extra, describe(row.getKey(), row.getValue()));
            }
        }
        if (missingCount + differingCount + extraCount == 0) {
            return null;
        }
        StringBuilder message = new StringBuilder()
                .append(actual.table()).append(" differs (rows matched by ").append(String.join(", ", actual.key()))
                .append(actual.skipped().isEmpty() ? "" : "; " + String.join(", ", actual.skipped()) + " not compared")
                .append("): expected ")
                .append(expected.size()).append(" rows, actual ").append(actual.size()).append("; ")
                .append(missingCount).append(" missing, ").append(extraCount).append(" extra, ")
                .append(differingCount).append(" differing");
        section(message, "differing", differingCount, differing);
        section(message, "missing (expected, not in actual)", missingCount, missing);
        section(message, "extra (in actual, not expected)", extraCount, extra);
        return message.toString();
    }

    private static void addShown(List<String> shown, String row) {
        if (shown.size() < SHOWN) {
            shown.add(row);
        }
    }

    private static void section(StringBuilder message, String title, int count, List<String> shown) {
        if (count == 0) {
            return;
        }
        message.append("\n").append(title).append(count > shown.size() ? " (first " + shown.size() + ")" : "")
                .append(":");
        shown.forEach(row -> message.append("\n  ").append(row));
    }

    private String keyText(List<String> key) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            pairs.add(actual.key().get(i) + "=" + key.get(i));
        }
        return String.join(", ", pairs);
    }

    private String describe(List<String> key, List<String> values) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            pairs.add(actual.columns().get(i) + "=" + values.get(i));
        }
        return keyText(key) + ": " + String.join(", ", pairs);
    }

    private String describeDifference(List<String> key, List<String> expected, List<String> found) {
        StringBuilder row = new StringBuilder(keyText(key));
        for (int i = 0; i < expected.size(); i++) {
            if (!Objects.equals(expected.get(i), found.get(i))) {
                row.append("\n    ").append(actual.columns().get(i)).append(": expected ").append(expected.get(i))
                        .append(" but was ").append(found.get(i));
            }
        }
        return row.toString();
    }
}
