package com.trackagoat.compliance.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

    /**
     * Runs the jar with these arguments to its end (at most two minutes) and returns its exit code, stdout and
     * stderr apart; their files are target/{name}.out and target/{name}.err.
     */
    public static Cli.Result run(String name, String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", path().toString()));
        command.addAll(List.of(args));
        File out = Path.of("target", name + ".out").toFile();
        File err = Path.of("target", name + ".err").toFile();
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("the jar did not end within 2 minutes: " + command);
            }
            return new Cli.Result(process.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                    Files.readString(err.toPath(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while the jar ran", e);
        }
    }

    /** The {@code java} executable of the JVM running the tests. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
