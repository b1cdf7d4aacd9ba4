package com.trackagoat.compliance.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Prometheus alert rules and the Grafana dashboard that {@code deploy/} ships, and the queries in them. */
final class MonitoringFiles {

    static final Path RULES = Path.of("deploy/prometheus/goal-compliance-rules.yaml");
    static final Path DASHBOARD = Path.of("deploy/grafana/goal-compliance-dashboard.json");

    private MonitoringFiles() {
    }

    /** A query and where it is: {@code alert GoalComplianceSnapshotLagHigh}, {@code panel "Snapshot lag" A}. */
    record Query(String where, String expr) {
        @Override
        public String toString() {
            return where + ": " + expr;
        }
    }

    /** The rules of every group, as the YAML has them. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rules() {
        try (InputStream in = Files.newInputStream(RULES)) {
            Map<String, Object> file = new Yaml().load(in);
            List<Map<String, Object>> rules = new ArrayList<>();
            for (Object group : (List<Object>) file.get("groups")) {
                rules.addAll((List<Map<String, Object>>) ((Map<String, Object>) group).get("rules"));
            }
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode dashboard() {
        try {
            return JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Query> alertQueries() {
        return rules().stream().map(rule -> new Query("alert " + rule.get("alert"), String.valueOf(rule.get("expr"))))
                .toList();
    }

    static List<Query> dashboardQueries() {
        List<Query> queries = new ArrayList<>();
        for (JsonNode panel : dashboard().get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                queries.add(new Query("panel \"" + panel.get("title").asString() + "\" " + target.get("refId").asString(),
                        target.get("expr").asString()));
            }
        }
        return queries;
    }

    static List<Query> allQueries() {
        return Stream.concat(alertQueries().stream(), dashboardQueries().stream()).toList();
    }
}
