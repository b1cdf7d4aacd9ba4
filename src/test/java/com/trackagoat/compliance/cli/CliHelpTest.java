package com.trackagoat.compliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command answers {@code --help} and {@code help COMMAND} with its usage on stdout and exit 0, before and
 * without the application: the database URL points at a closed port, so any start would fail (exit 2).
 */
class CliHelpTest {

    private static final String NO_DATABASE = "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/x";

    private record Result(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static Result execute(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = GoalComplianceCli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"serve", "migrate", "run", "rerun", "catch-up", "status", "report", "demo", "api-key"})
    void everyCommandAnswersHelpWithItsUsageWithoutADatabase(String command) {
        Result dashes = execute(command, "--help", NO_DATABASE);
        Result word = execute("help", command, NO_DATABASE);

        assertThat(dashes.exitCode()).as(dashes.err()).isZero();
        assertThat(dashes.out()).startsWith("Usage: goal-compliance " + command + " [-h]");
        assertThat(dashes.err()).isEmpty();
        assertThat(word.exitCode()).as(word.err()).isZero();
        assertThat(word.out()).isEqualTo(dashes.out());
        assertThat(word.err()).isEmpty();
    }

    @ParameterizedTest(name = "api-key {0} --help")
    @ValueSource(strings = {"create", "list", "revoke"})
    void apiKeyActionsAnswerHelpToo(String action) {
        Result dashes = execute("api-key", action, "-h", NO_DATABASE);
        Result word = execute("api-key", "help", action, NO_DATABASE);

        assertThat(dashes.exitCode()).isZero();
        assertThat(dashes.out()).startsWith("Usage: goal-compliance api-key " + action + " [-h]");
        assertThat(word.out()).isEqualTo(dashes.out());
    }

    @Test
    void runsUsageNamesItsOptionsAndTheInstantFormat() {
        Result help = execute("run", "--help");

        assertThat(help.out()).contains("--phase=close|nightly|final", "--as-of=INSTANT", "2026-05-25T05:00:00Z");
    }

    @Test
    void theProgramsUsageListsEveryCommandAndTheSpringSettings() {
        Result root = execute("--help", NO_DATABASE);
        Result help = execute("help");

        assertThat(root.exitCode()).isZero();
        assertThat(root.out()).startsWith("Usage: goal-compliance [-h] [COMMAND]");
        for (Command command : Command.values()) {
            assertThat(root.out()).as(command.word()).containsPattern("(?m)^  " + command.word() + " ");
        }
        assertThat(root.out()).contains("--spring.datasource.url=", "Exit codes: 0");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).isEqualTo(root.out());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"frobnicate", "help frobnicate", "run", "run --phase=close --as-of",
            "run --phase=close --as-of=2026-05-25T05:00:00Z --phase=final",
            "run --phase=close --as-of=2026-05-25T05:00:00Z --since=2026-05-24T05:00:00Z",
            "catch-up --until=2026-06-01T02:00:00+02:00",
            "status --since=2026-06-02T00:00:00Z --until=2026-06-01T00:00:00Z", "status --phase=close", "report --project=x", "report create", "api-key",
            "api-key delete", "api-key list --org=3f0c0a57-1b2c-4d5e-8f90-0000000000a0",
            "api-key create --org=3f0c0a57-1b2c-4d5e-8f90-0000000000a0 --name=", "api-key create --name=x",
            "api-key create --admin --org=3f0c0a57-1b2c-4d5e-8f90-0000000000a0 --name=x",
            "api-key create --admin --name=x --expires-in=0d", "--phase=close run",
            "migrate --help=yes", "-x"})
    void aBadArgumentPrintsOneLineOnStderrAndExitsTwoWithoutStarting(String line) {
        String[] args = (line + " " + NO_DATABASE).split(" ");

        Result result = execute(args);

        assertThat(result.exitCode()).isEqualTo(GoalComplianceCli.USAGE);
        assertThat(result.errLines()).singleElement().asString().startsWith("goal-compliance: ")
                .endsWith("--help')");
        assertThat(result.out()).isEmpty();
    }
}
