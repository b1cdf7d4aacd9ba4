package com.trackagoat.compliance.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.support.ServeProcess;
import com.trackagoat.compliance.support.TestDatabase;

/**
 * Every metric that an alert rule or a dashboard query of {@code deploy/} names is exposed on
 * {@code /actuator/prometheus} of a running {@code serve} (the packaged jar) right after it starts, with the
 * label values the queries match on and the labels they group by: a renamed metric or label, or a series that
 * only appears once something went wrong, would leave an alert that never fires.
 */
class MonitoringMetricsIT {

    /** A sample line: the name, the labels in braces if any, the value. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? \\S+.*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static TestDatabase database;
    /** Each metric of the scrape with the label sets of its series. */
    private static Map<String, List<Map<String, String>>> scraped;

    @BeforeAll
    static void scrapeAStartedServe() throws Exception {
        database = TestDatabase.create(MonitoringMetricsIT.class);
        try (ServeProcess serve = ServeProcess.start(database, "monitoring-metrics")) {
            ServeProcess.await("serve answers /actuator/prometheus", ServeProcess.TO_START,
                    () -> serve.actuator("/actuator/prometheus").contains("goal_compliance_"));
            scraped = parse(serve.actuator("/actuator/prometheus"));
            serve.terminate();
        }
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void theContractsMetricsAreExposedFromTheStartWithEveryLabelValueRegistered() {
        assertThat(scraped).containsKeys("goal_compliance_snapshot_lag_seconds", "goal_compliance_failing_instances",
                "goal_compliance_goals_evaluated_total", "goal_compliance_goals_rejected_total",
                "goal_compliance_job_duration_seconds_bucket", "goal_compliance_job_duration_seconds_count",
                "goal_compliance_retention_partitions_dropped_total");
        assertThat(values("goal_compliance_goals_rejected_total", "reason")).contains("invalid_data", "evaluation_failed");
        assertThat(values("goal_compliance_goals_evaluated_total", "status"))
                .containsExactlyInAnyOrder("on_track", "behind_pace", "at_risk", "completed", "missed");
        assertThat(values("goal_compliance_job_duration_seconds_count", "result")).contains("completed", "failed");
        assertThat(values("goal_compliance_job_duration_seconds_bucket", "le")).contains("1.0", "3600.0", "+Inf");
    }

    @Test
    void everyMetricLabelAndMatchedValueOfTheAlertsAndTheDashboardIsInTheScrape() {
        List<String> problems = new ArrayList<>();
        for (MonitoringFiles.Query query : MonitoringFiles.allQueries()) {
            PromQl.Parsed parsed = PromQl.parse(query.expr());
            Set<String> labels = new TreeSet<>();
            for (PromQl.Selector selector : parsed.selectors()) {
                List<Map<String, String>> series = scraped.get(selector.metric());
                if (series == null) {
                    problems.add(query + "\n    names " + selector.metric() + ", which /actuator/prometheus does not expose");
                    continue;
                }
                series.forEach(s -> labels.addAll(s.keySet()));
                for (PromQl.Matcher matcher : selector.matchers()) {
                    if (!matcher.value().contains("$") && series.stream().noneMatch(s -> matches(matcher, s))) {
                        problems.add(query + "\n    matches " + selector.metric() + "{" + matcher.label() + matcher.op()
                                + "\"" + matcher.value() + "\"}, which no exposed series of it has");
                    }
                }
            }
            for (String label : parsed.groupingLabels()) {
                if (!labels.contains(label)) {
                    problems.add(query + "\n    groups by " + label + ", a label none of its metrics has " + labels);
                }
            }
        }
        assertThat(problems).as("queries naming what serve does not expose:\n" + String.join("\n", problems)).isEmpty();
    }

    private static boolean matches(PromQl.Matcher matcher, Map<String, String> series) {
        String value = series.getOrDefault(matcher.label(), "");
        return switch (matcher.op()) {
            case "=" -> value.equals(matcher.value());
            case "=~" -> value.matches(matcher.value());
            default -> true; // a negative matcher selects the rest, whatever exists
        };
    }

    private static Set<String> values(String metric, String label) {
        assertThat(scraped).containsKey(metric);
        Set<String> values = new TreeSet<>();
        scraped.get(metric).forEach(series -> values.add(series.get(label)));
        return values;
    }

    private static Map<String, List<Map<String, String>>> parse(String exposition) {
        Map<String, List<Map<String, String>>> metrics = new LinkedHashMap<>();
        exposition.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as("a sample line: " + line).isTrue();
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                LABEL.matcher(sample.group(2)).results().forEach(l -> labels.put(l.group(1), l.group(2)));
            }
            metrics.computeIfAbsent(sample.group(1), name -> new ArrayList<>()).add(labels);
        });
        return metrics;
    }
}
