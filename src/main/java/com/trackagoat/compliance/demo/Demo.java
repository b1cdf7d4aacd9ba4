package com.trackagoat.compliance.demo;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.trackagoat.compliance.snapshot.catchup.CatchUp;

/** The {@code demo} command: loads the demo dataset into an empty database, catches up, prints a summary. */
@Component
public class Demo {

    private static final Duration CATCH_UP = Duration.ofDays(21);

    private static final String BY_PHASE_AND_STATUS = """
            SELECT phase, status, count(*) AS snapshots
            FROM goal_compliance_snapshots GROUP BY phase, status ORDER BY phase, status
            """;

    private static final String LATEST_FINALS = """
            SELECT c.tiktok_handle, e.metric, e.period, e.target, e.actual, e.status, e.eligibility,
                   to_char(e.period_start AT TIME ZONE 'America/Chicago', 'YYYY-MM-DD') AS period_from
            FROM payout_eligibility e JOIN creators c ON c.id = e.creator_id
            WHERE e.period <> 'daily' AND e.as_of = (SELECT max(as_of) FROM payout_eligibility WHERE period <> 'daily')
            ORDER BY c.tiktok_handle, e.period, e.metric
            """;

    private static final String ORGANIZATION = "SELECT id, name, timezone FROM organizations WHERE id = :org";

    private static final String PROJECTS = "SELECT id, name FROM projects WHERE org_id = :org ORDER BY name, id";

    /** How the README runs the jar; the commands printed are to be copied from the project's directory. */
    private static final String JAR = "java -jar target/goal-compliance.jar";

    private final DemoData data;
    private final NamedParameterJdbcTemplate jdbc;
    private final CatchUp catchUp;
    private final Clock clock;
    private final int port;

    Demo(NamedParameterJdbcTemplate jdbc, CatchUp catchUp, Clock clock, @Value("${server.port:8080}") int port) {
        this.data = new DemoData(jdbc);
        this.jdbc = jdbc;
        this.catchUp = catchUp;
        this.clock = clock;
        this.port = port;
    }

    public int run(PrintStream out) {
        Instant now = clock.instant();
        if (!data.exists()) {
            if (data.databaseHasOtherData()) {
                throw new DemoRequestException("demo needs an empty database; this one has organizations already "
                        + "(point --spring.datasource.url at another database)");
            }
            data.insert(now);
            out.println("Loaded the demo dataset: 1 organization (America/Chicago), 5 creators, 30 goals.");
        }
        CatchUp.Summary summary = catchUp.run(Optional.of(now.minus(CATCH_UP)), Optional.of(now));
        out.printf("Caught up the last %d days: %d snapshot jobs due, %d ran, %d had already completed.%n%n",
                CATCH_UP.toDays(), summary.due(), summary.ran(), summary.alreadyComplete());
        out.println("Snapshots by phase and status:");
        jdbc.getJdbcTemplate().query(BY_PHASE_AND_STATUS, rs -> {
            out.printf("  %-8s %-12s %5d%n", rs.getString("phase"), rs.getString("status"), rs.getLong("snapshots"));
        });
        out.println();
        out.println("Latest weekly/monthly finals (payout_eligibility):");
        out.printf("  %-10s %-10s %-8s %-11s %8s %8s %-10s %s%n", "creator", "metric", "period", "from", "target",
                "actual", "status", "eligibility");
        jdbc.getJdbcTemplate().query(LATEST_FINALS, rs -> {
            out.printf("  %-10s %-10s %-8s %-11s %8d %8d %-10s %s%n", rs.getString("tiktok_handle"),
                    rs.getString("metric"), rs.getString("period"), rs.getString("period_from"), rs.getLong("target"),
                    rs.getLong("actual"), rs.getString("status"), rs.getString("eligibility"));
        });
        out.println();
        printNextSteps(out);
        return summary.failed() ? 1 : 0;
    }

    /** The ids as the database has them, and the commands that take them from here to the read API. */
    private void printNextSteps(PrintStream out) {
        MapSqlParameterSource org = new MapSqlParameterSource("org", DemoData.ORG);
        jdbc.query(ORGANIZATION, org, rs -> {
            out.printf("Organization: %s (%s, %s)%n", rs.getString("id"), rs.getString("name"), rs.getString("timezone"));
        });
        List<String> projects = new ArrayList<>();
        jdbc.query(PROJECTS, org, rs -> {
            out.printf("Project:      %s (%s)%n", rs.getString("id"), rs.getString("name"));
            projects.add(rs.getString("id"));
        });
        out.println();
        String createKey = JAR + " api-key create --org=" + DemoData.ORG + " --name=demo";
        String serve = JAR + " serve";
        int width = Math.max(createKey.length(), serve.length());
        out.println("Next, try:");
        out.printf("  %-" + width + "s   # prints a key tga_..., once%n", createKey);
        out.printf("  %-" + width + "s   # the read API on port %d, until Ctrl-C%n", serve, port);
        for (String project : projects) {
            out.println("  curl -H \"Authorization: Bearer tga_<key>\" http://localhost:" + port + "/api/v1/projects/"
                    + project + "/goal-compliance");
        }
    }
}
