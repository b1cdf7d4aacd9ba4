package com.trackagoat.compliance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.trackagoat.compliance.evaluation.Phase;

/** Bad arguments are refused before anything starts: one line on stderr and exit code 2. */
class InvocationTest {

    @Test
    void runTakesAPhaseAndAnInstant() {
        Invocation run = Invocation.parse("run", "--phase=final", "--as-of=2026-05-25T05:00:00Z",
                "--spring.datasource.url=jdbc:postgresql://db/x");
        assertThat(run.command()).isEqualTo(Command.RUN);
        assertThat(((RunCommand) run.action()).options.phase).isEqualTo(Phase.FINAL);
        assertThat(((RunCommand) run.action()).options.asOf).isEqualTo(Instant.parse("2026-05-25T05:00:00Z"));
        assertThat(run.springArgs()).containsExactly("--spring.datasource.url=jdbc:postgresql://db/x");
    }

    @Test
    void noCommandMeansServe() {
        assertThat(Invocation.parse().command()).isEqualTo(Command.SERVE);
    }

    @Test
    void unknownCommandIsRefused() {
        assertThatThrownBy(() -> Invocation.parse("frobnicate")).hasMessageContaining("unknown command 'frobnicate'");
    }

    private static final String NOT_AN_INSTANT =
            "' is not an ISO-8601 UTC instant with Z between 1970 and 9999, such as 2026-05-25T05:00:00Z";

    @Test
    void malformedInstantIsRefused() {
        assertThatThrownBy(() -> Invocation.parse("run", "--phase=close", "--as-of=2026-05-25"))
                .hasMessage("--as-of='2026-05-25" + NOT_AN_INSTANT);
    }

    @ParameterizedTest(name = "--as-of={0}")
    @ValueSource(strings = {"+10000-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2026-05-25T07:00:00+02:00",
            "2026-05-25T05:00:00+00:00", "2026-05-25T05:00Z", "2026-05-25t05:00:00z", "9999-12-31T24:00:00Z",
            "2026-13-01T00:00:00Z", " 2026-05-25T05:00:00Z"})
    void instantOutsideTheYearsOrWithoutZIsRefused(String value) {
        assertThatThrownBy(() -> Invocation.parse("run", "--phase=nightly", "--as-of=" + value))
                .isInstanceOf(UsageException.class).hasMessage("--as-of='" + value + NOT_AN_INSTANT);
    }

    @Test
    void sinceAndUntilHaveTheSameBounds() {
        assertThatThrownBy(() -> Invocation.parse("catch-up", "--since=+10000-01-01T00:00:00Z"))
                .hasMessage("--since='+10000-01-01T00:00:00Z" + NOT_AN_INSTANT);
        assertThatThrownBy(() -> Invocation.parse("catch-up", "--until=2026-06-01T02:00:00+02:00"))
                .hasMessage("--until='2026-06-01T02:00:00+02:00" + NOT_AN_INSTANT);
    }

    @ParameterizedTest(name = "--as-of={0}")
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2026-05-25T05:00:00.250Z"})
    void instantsAtTheBoundsAndWithFractionsAreAccepted(String value) {
        RunCommand run = (RunCommand) Invocation.parse("run", "--phase=close", "--as-of=" + value).action();
        assertThat(run.options.asOf).isEqualTo(Instant.parse(value));
    }

    @ParameterizedTest(name = "--reference-date={0}")
    @ValueSource(strings = {"+10000-01-01", "1969-12-31", "0001-01-01"})
    void referenceDateOutsideTheYearsIsRefused(String value) {
        assertThatThrownBy(() -> Invocation.parse("report", "--project=00000000-0000-4000-8000-000000000001",
                "--reference-date=" + value))
                .hasMessage("--reference-date='" + value + "' is not a date YYYY-MM-DD between 1970 and 9999");
    }

    @Test
    void referenceDatesAtTheBoundsAreAccepted() {
        assertThat(report("--reference-date=9999-12-31").referenceDate()).contains(LocalDate.of(9999, 12, 31));
        assertThat(report("--reference-date=1970-01-01").referenceDate()).contains(LocalDate.of(1970, 1, 1));
    }

    @Test
    void repeatedOptionIsRefusedInsteadOfTakingTheLast() {
        assertThatThrownBy(() -> Invocation.parse("run", "--phase=close", "--phase=final",
                "--as-of=2026-05-25T05:00:00Z")).hasMessage("option --phase given twice");
        assertThatThrownBy(() -> Invocation.parse("run", "--phase=close", "--as-of=2026-05-25T05:00:00Z",
                "--as-of=2026-05-25T05:00:00Z")).hasMessage("option --as-of given twice");
    }

    @Test
    void springPropertiesMayBeRepeatedAsSpringAllows() {
        assertThat(Invocation.parse("migrate", "--spring.main.banner-mode=off", "--spring.main.banner-mode=log")
                .springArgs()).hasSize(2);
    }

    @Test
    void unknownPhaseIsRefused() {
        assertThatThrownBy(() -> Invocation.parse("run", "--phase=weekly", "--as-of=2026-05-25T05:00:00Z"))
                .hasMessage("unknown phase 'weekly' (phases: close, nightly, final, restatement)");
    }

    @Test
    void sinceAfterUntilIsRefused() {
        assertThatThrownBy(() -> Invocation.parse("catch-up", "--since=2026-06-02T00:00:00Z",
                "--until=2026-06-01T00:00:00Z")).hasMessageContaining("is after --until");
    }

    @Test
    void optionOfAnotherCommandIsRefusedNamingTheOptionsItTakes() {
        assertThatThrownBy(() -> Invocation.parse("catch-up", "--phase=close"))
                .hasMessage("--phase is not an option of catch-up (catch-up takes --since, --until)");
        assertThatThrownBy(() -> Invocation.parse("run", "--phase=close", "--as-of=2026-05-25T05:00:00Z",
                "--since=2026-05-24T05:00:00Z"))
                .hasMessage("--since is not an option of run (run takes --phase, --as-of)");
        assertThatThrownBy(() -> Invocation.parse("migrate", "--phase=close"))
                .hasMessage("--phase is not an option of migrate (migrate takes no options)");
    }

    @Test
    void apiKeysActionIsAWordNotAnOption() {
        assertThat(Invocation.parse("api-key", "revoke", "--id=00000000-0000-4000-8000-000000000001").action())
                .isInstanceOf(ApiKeyCommands.Revoke.class);
        assertThatThrownBy(() -> Invocation.parse("api-key", "--action=revoke",
                "--id=00000000-0000-4000-8000-000000000001"))
                .hasMessage("--action is not an option of api-key (api-key takes no options; its actions: create,"
                        + " list, revoke)");
    }

    private static ReportCommand report(String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "report";
        args[1] = "--project=00000000-0000-4000-8000-000000000001";
        System.arraycopy(options, 0, args, 2, options.length);
        return (ReportCommand) Invocation.parse(args).action();
    }

    @Test
    void badArgumentsPrintOneLineOnStderrAndExitTwoWithoutStarting() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = GoalComplianceCli.execute(new String[] {"run", "--phase=close", "--as-of=yesterday"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("goal-compliance: --as-of='yesterday"
                + NOT_AN_INSTANT + " (see 'goal-compliance run --help')" + System.lineSeparator());
    }
}
