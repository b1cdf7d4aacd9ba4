package com.trackagoat.compliance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.evaluation.Phase;

/** Bad arguments are refused before anything starts: one line on stderr and exit code 2. */
class InvocationTest {

    @Test
    void runTakesAPhaseAndAnInstant() {
        Invocation run = Invocation.parse("run", "--phase=final", "--as-of=2026-05-25T05:00:00Z",
                "--spring.datasource.url=jdbc:postgresql://db/x");
        assertThat(run.command()).isEqualTo(Command.RUN);
        assertThat(run.phase()).isEqualTo(Phase.FINAL);
        assertThat(run.asOf()).contains(Instant.parse("2026-05-25T05:00:00Z"));
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

    @Test
    void malformedInstantIsRefused() {
        assertThatThrownBy(() -> Invocation.parse("run", "--phase=close", "--as-of=2026-05-25"))
                .hasMessage("--as-of='2026-05-25' is not an ISO-8601 UTC instant such as 2026-05-25T05:00:00Z");
    }

    @Test
    void unknownPhaseIsRefused() {
        assertThatThrownBy(() -> Invocation.parse("run", "--phase=weekly", "--as-of=2026-05-25T05:00:00Z"))
                .hasMessage("unknown phase 'weekly' (phases: close, nightly, final)");
    }

    @Test
    void sinceAfterUntilIsRefused() {
        assertThatThrownBy(() -> Invocation.parse("catch-up", "--since=2026-06-02T00:00:00Z",
                "--until=2026-06-01T00:00:00Z")).hasMessageContaining("is after --until");
    }

    @Test
    void optionOfAnotherCommandIsRefused() {
        assertThatThrownBy(() -> Invocation.parse("catch-up", "--phase=close"))
                .hasMessage("unknown option --phase for catch-up");
    }

    @Test
    void badArgumentsPrintOneLineOnStderrAndExitTwoWithoutStarting() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = GoalComplianceCli.execute(new String[] {"run", "--phase=close", "--as-of=yesterday"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                "goal-compliance: --as-of='yesterday' is not an ISO-8601 UTC instant such as 2026-05-25T05:00:00Z"
                        + System.lineSeparator());
    }
}
