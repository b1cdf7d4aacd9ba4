package com.trackagoat.compliance.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The alert rules and the dashboard in {@code deploy/} are in the shapes Prometheus and Grafana load, cover what
 * operators alert on, and every query in them is well formed (by promtool when it is installed, else by
 * {@link PromQl}). That the metrics they name exist is {@code MonitoringMetricsIT}'s, against a running serve.
 */
class MonitoringFilesTest {

    private static final String RUNBOOK = "docs/operations.md#alerts-and-dashboard";
    private static final Pattern DURATION = Pattern.compile("(\\d+[smhdwy])+");

    @Test
    void everyRuleIsAnAlertWithAForASeverityAnAnnotatedSummaryAndTheRunbook() {
        List<Map<String, Object>> rules = MonitoringFiles.rules();

        assertThat(rules).isNotEmpty().allSatisfy(rule -> {
            String alert = String.valueOf(rule.get("alert"));
            assertThat(rule).as(alert).containsKeys("alert", "expr", "for", "labels", "annotations");
            assertThat(alert).as("alert name").matches("GoalCompliance[A-Z][A-Za-z]+");
            assertThat(String.valueOf(rule.get("for"))).as(alert + " for").matches(DURATION);
            assertThat(map(rule, "labels").get("severity")).as(alert + " severity").isIn("warning", "critical");
            Map<String, Object> annotations = map(rule, "annotations");
            assertThat(annotations).as(alert).containsKeys("summary", "description")
                    .containsEntry("runbook_url", RUNBOOK);
        });
        assertThat(rules).extracting(rule -> rule.get("alert")).doesNotHaveDuplicates();
    }

    @Test
    void theAlertsWatchLagFailingInstancesJobFailuresMissingCompletionsAndRejectsAgainstEvaluations() {
        List<String> exprs = MonitoringFiles.alertQueries().stream().map(MonitoringFiles.Query::expr).toList();

        assertThat(exprs).anyMatch(e -> e.contains("goal_compliance_snapshot_lag_seconds"))
                .anyMatch(e -> e.contains("goal_compliance_failing_instances") && e.contains("> 0"))
                .anyMatch(e -> e.contains("goal_compliance_job_duration_seconds_count") && e.contains("result=\"failed\""))
                .anyMatch(e -> e.contains("goal_compliance_job_duration_seconds_count")
                        && e.contains("result=\"completed\"") && e.contains("== 0"))
                .anyMatch(e -> e.contains("goal_compliance_goals_rejected_total")
                        && e.contains("goal_compliance_goals_evaluated_total"));
    }

    @Test
    void everyQueryOfTheRulesAndTheDashboardIsWellFormedAndSelectsAMetric() throws Exception {
        List<MonitoringFiles.Query> queries = MonitoringFiles.allQueries();

        assertThat(queries).hasSizeGreaterThan(10).allSatisfy(query -> {
            PromQl.Parsed parsed;
            try {
                parsed = PromQl.parse(query.expr());
            } catch (IllegalArgumentException e) {
                throw new AssertionError(query + " is not well formed: " + e.getMessage(), e);
            }
            assertThat(parsed.selectors()).as(query + " selects a metric").isNotEmpty();
        });
        Optional<Path> promtool = onPath("promtool");
        if (promtool.isPresent()) { // the real parser where it is installed
            Process check = new ProcessBuilder(promtool.get().toString(), "check", "rules",
                    MonitoringFiles.RULES.toString()).redirectErrorStream(true).start();
            assertThat(check.waitFor(1, TimeUnit.MINUTES)).isTrue();
            assertThat(check.exitValue()).as(new String(check.getInputStream().readAllBytes())).isZero();
        }
    }

    @Test
    void theDashboardImportsWithAPrometheusInputAndHasThePanelsOperatorsNeed() {
        JsonNode dashboard = MonitoringFiles.dashboard();

        assertThat(dashboard.get("__inputs")).singleElement().satisfies(input -> {
            assertThat(input.get("name").asString()).isEqualTo("DS_PROMETHEUS");
            assertThat(input.get("type").asString()).isEqualTo("datasource");
            assertThat(input.get("pluginId").asString()).isEqualTo("prometheus");
        });
        assertThat(dashboard.get("title").asString()).isEqualTo("goal-compliance");
        assertThat(dashboard.get("uid").asString()).isNotBlank();
        assertThat(dashboard.get("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
        List<String> titles = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            String title = panel.get("title").asString();
            titles.add(title);
            ids.add(panel.get("id").asInt());
            assertThat(panel.get("type").asString()).as(title).isIn("timeseries", "stat");
            assertThat(panel.get("gridPos").get("w").asInt()).as(title + " width").isBetween(1, 24);
            assertThat(uid(panel)).as(title + " datasource").isEqualTo("${DS_PROMETHEUS}");
            assertThat(panel.get("targets")).as(title).isNotEmpty().allSatisfy(target -> {
                assertThat(uid(target)).as(title + " target datasource").isEqualTo("${DS_PROMETHEUS}");
                assertThat(target.get("refId").asString()).as(title).isNotBlank();
            });
        }
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(titles).containsExactly("Snapshot lag", "Failing instances", "Goals evaluated by status",
                "Goals rejected by reason", "Job duration (completed runs)", "Job results");
        assertThat(MonitoringFiles.dashboardQueries()).filteredOn(q -> q.where().startsWith("panel \"Job duration"))
                .hasSize(3).allSatisfy(q -> assertThat(q.expr()).startsWith("histogram_quantile(")
                        .contains("goal_compliance_job_duration_seconds_bucket").contains("by (le, phase)"));
    }

    @Test
    void operationsAndTheReadmeNameTheFilesAndOperationsEveryAlert() throws IOException {
        String operations = Files.readString(Path.of("docs/operations.md"));
        String readme = Files.readString(Path.of("README.md"));

        assertThat(operations).contains("## Alerts and dashboard").contains(MonitoringFiles.RULES.toString())
                .contains(MonitoringFiles.DASHBOARD.toString());
        assertThat(readme).contains(MonitoringFiles.RULES.toString()).contains(MonitoringFiles.DASHBOARD.toString());
        assertThat(MonitoringFiles.rules()).allSatisfy(rule -> assertThat(operations)
                .as("operations.md explains " + rule.get("alert")).contains("`" + rule.get("alert") + "`"));
    }

    private static String uid(JsonNode node) {
        return node.get("datasource").get("uid").asString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> node, String key) {
        assertThat(node).containsKey(key);
        return (Map<String, Object>) node.get(key);
    }

    private static Optional<Path> onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, program)).filter(Files::isExecutable).findFirst();
    }
}
