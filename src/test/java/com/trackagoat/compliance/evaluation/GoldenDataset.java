package com.trackagoat.compliance.evaluation;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code ../shared/golden/catch-up.json} read into the evaluator's records, with the expected rows as JSON. */
record GoldenDataset(Instant since, Instant until, Map<UUID, Goal> goals, Map<UUID, String> orgZoneByProject,
                     Map<UUID, Creator> creators, Map<UUID, CreatorActivity> activities,
                     List<JsonNode> expectedSnapshots, List<JsonNode> expectedRejects) {

    static final Path CATCH_UP = Path.of(System.getProperty("user.dir"))
            .resolveSibling("shared").resolve("golden").resolve("catch-up.json");

    /** A creator row: the project leads to the org (and its zone); inactive creators are not evaluated. */
    record Creator(UUID projectId, boolean active) {
    }

    static GoldenDataset load() {
        JsonNode root = JsonMapper.builder().build().readTree(CATCH_UP.toFile());
        JsonNode data = root.get("dataset");
        Map<UUID, String> zoneByOrg = rows(data, "organizations").stream()
                .collect(HashMap::new, (map, row) -> map.put(uuid(row, "id"), text(row, "timezone")), Map::putAll);
        Map<UUID, String> zoneByProject = new HashMap<>();
        rows(data, "projects").forEach(row -> zoneByProject.put(uuid(row, "id"), zoneByOrg.get(uuid(row, "org_id"))));
        Map<UUID, Creator> creators = rows(data, "creators").stream().collect(Collectors.toMap(
                row -> uuid(row, "id"), row -> new Creator(uuid(row, "project_id"), row.get("is_active").asBoolean())));
        Map<UUID, Goal> goals = rows(data, "creator_goals").stream()
                .map(GoldenDataset::goal).collect(Collectors.toMap(Goal::id, Function.identity()));
        return new GoldenDataset(instant(root, "since"), instant(root, "until"), goals, zoneByProject, creators,
                activities(data), rows(root, "expected_snapshots"), rows(root, "expected_rejects"));
    }

    /** The org zone of a goal: through its creator's project, or its own project when the creator is missing. */
    String timezoneOf(Goal goal) {
        Creator creator = creators.get(goal.creatorId());
        return orgZoneByProject.get(creator == null ? goal.projectId() : creator.projectId());
    }

    boolean creatorExists(Goal goal) {
        return creators.containsKey(goal.creatorId());
    }

    CreatorActivity activityOf(Goal goal) {
        return activities.getOrDefault(goal.creatorId(), CreatorActivity.NONE);
    }

    private static Map<UUID, CreatorActivity> activities(JsonNode data) {
        Map<UUID, List<Video>> videos = new HashMap<>();
        Map<UUID, List<Scrape>> scrapes = new HashMap<>();
        rows(data, "videos").forEach(row -> videos.computeIfAbsent(uuid(row, "creator_id"), id -> new ArrayList<>())
                .add(new Video(instant(row, "posted_at"), instant(row, "discovered_at"), number(row, "views"),
                        number(row, "likes"), number(row, "comments"), number(row, "shares"))));
        rows(data, "creator_scrapes").forEach(row -> scrapes.computeIfAbsent(uuid(row, "creator_id"),
                id -> new ArrayList<>()).add(new Scrape(instant(row, "scraped_at"),
                row.get("succeeded").asBoolean(), number(row, "followers"))));
        Map<UUID, CreatorActivity> activities = new HashMap<>();
        for (UUID creator : union(videos.keySet(), scrapes.keySet())) {
            activities.put(creator, new CreatorActivity(videos.getOrDefault(creator, List.of()),
                    scrapes.getOrDefault(creator, List.of())));
        }
        return activities;
    }

    private static Goal goal(JsonNode row) {
        return new Goal(uuid(row, "id"), uuid(row, "creator_id"), uuid(row, "project_id"), text(row, "metric"),
                text(row, "period"), number(row, "target_value"), date(row, "start_date"), date(row, "end_date"),
                row.get("is_active").asBoolean(), instant(row, "created_at"));
    }

    private static Set<UUID> union(Set<UUID> a, Set<UUID> b) {
        Set<UUID> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    static List<JsonNode> rows(JsonNode parent, String field) {
        return List.copyOf(parent.get(field).values());
    }

    static String text(JsonNode row, String field) {
        JsonNode node = row.get(field);
        return node == null || node.isNull() ? null : node.asString();
    }

    static UUID uuid(JsonNode row, String field) {
        return UUID.fromString(text(row, field));
    }

    static Instant instant(JsonNode row, String field) {
        String text = text(row, field);
        return text == null ? null : Instant.parse(text);
    }

    static LocalDate date(JsonNode row, String field) {
        String text = text(row, field);
        return text == null ? null : LocalDate.parse(text);
    }

    static Long number(JsonNode row, String field) {
        JsonNode node = row.get(field);
        return node == null || node.isNull() ? null : node.asLong();
    }
}
