package com.trackagoat.compliance.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every setting the application knows: the configuration metadata of every jar on the classpath (Spring Boot's
 * and ours, generated from {@code GoalComplianceProperties}), by name and by environment-variable name.
 */
final class KnownSettings {

    private final Set<String> names = new HashSet<>();
    private final Set<String> mapPrefixes = new HashSet<>();

    KnownSettings() {
        JsonMapper json = JsonMapper.builder().build();
        try {
            for (URL url : Collections.list(getClass().getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream in = url.openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        String name = property.path("name").asString();
                        names.add(name);
                        String type = property.path("type").asString("");
                        if (type.startsWith("java.util.Map") || type.equals("java.util.Properties")) {
                            mapPrefixes.add(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a property name (as in application.properties) is a known setting or a key of a known map. */
    boolean hasProperty(String name) {
        return names.contains(name) || mapPrefixes.stream().anyMatch(prefix -> name.startsWith(prefix + "."));
    }

    /** Whether an environment variable binds to a known setting (Spring Boot's relaxed binding). */
    boolean hasEnvironmentVariable(String variable) {
        return names.stream().anyMatch(name -> environmentForm(name).equals(variable))
                || mapPrefixes.stream().anyMatch(prefix -> variable.startsWith(environmentForm(prefix) + "_"));
    }

    int size() {
        return names.size();
    }

    /** Dots to underscores, dashes removed, upper case: {@code goal-compliance.chunk-size} → {@code GOALCOMPLIANCE_CHUNKSIZE}. */
    static String environmentForm(String name) {
        return name.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
    }
}
