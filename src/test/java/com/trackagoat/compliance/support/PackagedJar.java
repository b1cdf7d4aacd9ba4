package com.trackagoat.compliance.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/** The jar that {@code mvn package} built, and the java that runs the tests, for tests that start it as a child process. */
public final class PackagedJar {

    private static final Path JAR = Path.of("target", "goal-compliance.jar");

    private PackagedJar() {
    }

    /** The packaged jar; fails the test when it has not been built. */
    public static Path path() {
        assertThat(JAR).as("the packaged jar (run mvn verify)").exists();
        return JAR;
    }

    /** The {@code java} executable of the JVM running the tests. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
