package com.trackagoat.compliance.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import tools.jackson.databind.JsonNode;

/**
 * The read API over a migrated database holding a golden file's dataset, at the file's {@code as_of}, with an
 * API key of the dataset's first organization. Use it as a {@code static} field closed in {@code @AfterAll}.
 */
public record SeedApi(TestDatabase database, ApiServer server, String key) implements AutoCloseable {

    public static SeedApi start(Class<?> testClass, JsonNode golden, String keyName) {
        TestDatabase database = TestDatabase.migrated(testClass);
        Dataset.load(database.jdbc(), golden.get("dataset"));
        String key = Keys.create(database, golden.at("/dataset/organizations/0/id").asString(), keyName).key();
        ApiServer server = ApiServer.start(database,
                Clock.fixed(Instant.parse(golden.get("as_of").asString()), ZoneOffset.UTC));
        return new SeedApi(database, server, key);
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }
}
