package com.trackagoat.compliance.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Loads a golden dataset ({@code ../shared/golden/*.json}: table name → rows) into the source tables. */
public final class Dataset {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    /** Column types that need converting from JSON text. */
    private static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("id", UUID.class), Map.entry("org_id", UUID.class), Map.entry("project_id", UUID.class),
            Map.entry("creator_id", UUID.class), Map.entry("start_date", LocalDate.class),
            Map.entry("end_date", LocalDate.class), Map.entry("created_at", Instant.class),
            Map.entry("posted_at", Instant.class), Map.entry("discovered_at", Instant.class),
            Map.entry("scraped_at", Instant.class));

    private static final List<String> TABLES = List.of("organizations", "projects", "creators", "creator_goals",
            "videos", "creator_scrapes");

    private Dataset() {
    }

    public static JsonNode golden(String file) {
        try {
            return JSON.readTree(Files.readString(Path.of("..", "shared", "golden", file)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read golden file " + file + ": " + e.getMessage(), e);
        }
    }

    public static void load(JdbcTemplate jdbc, JsonNode dataset) {
        for (String table : TABLES) {
            JsonNode rows = dataset.path(table);
            if (rows.isEmpty()) {
                continue;
            }
            List<String> columns = new ArrayList<>();
            Iterator<String> names = rows.get(0).propertyNames().iterator();
            names.forEachRemaining(columns::add);
            String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
            List<Object[]> batch = new ArrayList<>();
            for (JsonNode row : rows) {
                batch.add(columns.stream().map(c -> value(table, c, row.get(c))).toArray());
            }
            jdbc.batchUpdate(sql, batch);
        }
    }

    private static Object value(String table, String column, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (column.equals("id") && table.equals("creator_scrapes")) {
            return node.asLong();
        }
        Class<?> type = TYPES.get(column);
        if (type == UUID.class) {
            return UUID.fromString(node.asString());
        }
        if (type == LocalDate.class) {
            return LocalDate.parse(node.asString());
        }
        if (type == Instant.class) {
            return Instant.parse(node.asString()).atOffset(ZoneOffset.UTC);
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        return node.asString();
    }
}
