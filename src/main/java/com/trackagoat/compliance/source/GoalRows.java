package com.trackagoat.compliance.source;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

import com.trackagoat.compliance.evaluation.Goal;

/** Reads a {@link Goal} from a row that has the {@code creator_goals} columns under their own names. */
public final class GoalRows {

    private GoalRows() {
    }

    /** The goal in the current row: id, creator_id, project_id, metric, period, target_value, dates, flags. */
    public static Goal goal(ResultSet rs) throws SQLException {
        return new Goal(rs.getObject("id", UUID.class), rs.getObject("creator_id", UUID.class),
                rs.getObject("project_id", UUID.class), rs.getString("metric"), rs.getString("period"),
                rs.getObject("target_value", Long.class), rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class), rs.getBoolean("is_active"),
                Timestamps.instant(rs, "created_at"));
    }
}
