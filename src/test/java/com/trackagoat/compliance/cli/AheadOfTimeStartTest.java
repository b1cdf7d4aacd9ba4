package com.trackagoat.compliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AheadOfTimeStartTest {

    @Test
    void snapshotJobCommandsStartFromTheGeneratedDefinitions() {
        assertThat(AheadOfTimeStart.wanted(Command.RUN, null, true)).isTrue();
        assertThat(AheadOfTimeStart.wanted(Command.RERUN, null, true)).isTrue();
        assertThat(AheadOfTimeStart.wanted(Command.CATCH_UP, null, true)).isTrue();
    }

    @Test
    void serveAndTheOtherCommandsEvaluateTheirConfigurationAtStart() {
        // serve runs a web server the processed context has not; migrate must honour spring.flyway.enabled
        for (Command command : new Command[] {Command.SERVE, Command.MIGRATE, Command.REPORT, Command.DEMO,
                Command.API_KEY}) {
            assertThat(AheadOfTimeStart.wanted(command, null, true)).as(command.word()).isFalse();
        }
    }

    @Test
    void anExplicitSwitchWins() {
        assertThat(AheadOfTimeStart.wanted(Command.RUN, "false", true)).isFalse();
    }

    @Test
    void classesWithoutTheGeneratedDefinitionsStartAsUsual() {
        assertThat(AheadOfTimeStart.wanted(Command.RUN, null, false)).isFalse();
    }
}
