package com.trackagoat.compliance.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.trackagoat.compliance.cli.GoalComplianceCli;

/** Runs the real command line in this JVM against a test database and captures what it prints. */
public final class Cli {

    private Cli() {
    }

    /** What a command returned and printed. */
    public record Result(int exitCode, String out, String err) {
    }

    public static Result run(TestDatabase database, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (database != null) {
            all.add(database.urlArg());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = GoalComplianceCli.execute(all.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
