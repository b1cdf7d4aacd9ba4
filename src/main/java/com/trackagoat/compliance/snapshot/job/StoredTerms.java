package com.trackagoat.compliance.snapshot.job;

import java.sql.ResultSet;
import java.sql.SQLException;

import com.trackagoat.compliance.evaluation.Metric;
import com.trackagoat.compliance.evaluation.Terms;
import com.trackagoat.compliance.evaluation.Window;
import com.trackagoat.compliance.source.Timestamps;

/** The terms a snapshot row recorded: its metric, target and window (stored with an inclusive end). */
final class StoredTerms {

    private StoredTerms() {
    }

    /** Reads {@code metric}, {@code target}, {@code period_start} and {@code period_end} (exclusive end - 1 ms). */
    static Terms read(ResultSet rs) throws SQLException {
        return new Terms(Metric.parse(rs.getString("metric")).orElseThrow(), rs.getLong("target"),
                new Window(Timestamps.instant(rs, "period_start"), Timestamps.instant(rs, "period_end").plusMillis(1)));
    }
}
