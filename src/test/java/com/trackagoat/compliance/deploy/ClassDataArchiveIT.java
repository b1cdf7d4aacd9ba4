package com.trackagoat.compliance.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import com.trackagoat.compliance.support.PackagedJar;
import com.trackagoat.compliance.support.TestDatabase;

/**
 * {@code deploy/class-data-archive.sh}, as the Dockerfile runs it on the extracted jar with a training
 * database: the training fills that database through the demo and a rerun of its latest close, and the
 * archive it writes is one the JVM maps ({@code -Xshare:on} refuses to start otherwise) and that holds the
 * classes of a {@code run}.
 */
class ClassDataArchiveIT {

    private static final Path APP = Path.of("target", "class-data-archive-it", "app").toAbsolutePath();
    private static final Path ARCHIVE = APP.resolve("goal-compliance.jsa");
    /** The demo's zone (DemoData.ZONE), whose last midnight the script reruns the close of. */
    private static final ZoneId DEMO_ZONE = ZoneId.of("America/Chicago");

    private static TestDatabase training;

    @BeforeAll
    static void extractTheJar() throws Exception {
        FileSystemUtils.deleteRecursively(APP);
        Files.createDirectories(APP);
        assertThat(exec("extract.log", PackagedJar.java(), "-Djarmode=tools", "-jar", PackagedJar.path().toString(),
                "extract", "--destination", APP.toString())).isZero();
        training = TestDatabase.create(ClassDataArchiveIT.class);
    }

    @AfterAll
    static void dropDatabase() {
        training.close();
    }

    @Test
    void trainsOnTheDemoAndWritesAnArchiveThatARunMaps() throws Exception {
        assertThat(exec("script.log", "deploy/class-data-archive.sh", APP.toString(), training.url()))
                .as(log("script.log")).isZero();
        assertThat(ARCHIVE).isNotEmptyFile();

        Instant lastClose = LocalDate.now(DEMO_ZONE).atStartOfDay(DEMO_ZONE).toInstant();
        assertThat(training.jdbc().queryForObject("SELECT count(DISTINCT phase) FROM goal_compliance_snapshots",
                Integer.class)).as("the demo's jobs ran: close, nightly and final rows").isEqualTo(3);
        assertThat(training.jdbc().queryForObject("""
                SELECT count(*) FROM goal_compliance_snapshots s
                JOIN batch_job_execution e ON e.job_execution_id = s.job_execution_id
                WHERE s.phase = 'close' AND s.as_of = ? AND e.status = 'COMPLETED'""", Integer.class,
                Timestamp.from(lastClose))).as("the rerun of the close at %s wrote its rows", lastClose)
                .isPositive();

        assertThat(exec("run.log", PackagedJar.java(), "-Xshare:on", "-XX:SharedArchiveFile=" + ARCHIVE, "-Xlog:class+load",
                "-jar", APP.resolve("goal-compliance.jar").toString(), "run", "--phase=close",
                "--as-of=" + lastClose, training.urlArg())).as(log("run.log")).isZero();
        List<String> loaded = log("run.log").lines().filter(line -> line.contains(" source: ")).toList();
        long shared = loaded.stream().filter(line -> line.contains("source: shared objects file")).count();
        assertThat(log("run.log")).contains("already completed; nothing to do")
                .containsPattern("com\\.trackagoat\\.compliance\\.snapshot\\.SnapshotJobLauncher source: shared objects file");
        assertThat(shared).as("classes from the archive, of %d", loaded.size()).isGreaterThan(loaded.size() * 9 / 10);
    }

    private static int exec(String logName, String... command) throws IOException, InterruptedException {
        File log = APP.getParent().resolve(logName).toFile();
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true)
                .redirectOutput(log).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(command[0] + " ended").isTrue();
        return process.exitValue();
    }

    private static String log(String logName) throws IOException {
        return Files.readString(APP.getParent().resolve(logName));
    }
}
