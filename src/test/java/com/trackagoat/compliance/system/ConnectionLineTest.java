package com.trackagoat.compliance.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionLineTest {

    @Test
    void namesTheUrlAndTheUser() {
        assertThat(ConnectionLine.of("jdbc:postgresql://localhost:5432/goal_compliance", "postgres"))
                .isEqualTo("connecting to jdbc:postgresql://localhost:5432/goal_compliance as postgres");
    }

    @Test
    void leavesTheUserOutWhenThereIsNone() {
        assertThat(ConnectionLine.of("jdbc:postgresql://db/gc", null)).isEqualTo("connecting to jdbc:postgresql://db/gc");
        assertThat(ConnectionLine.of("jdbc:postgresql://db/gc", "")).isEqualTo("connecting to jdbc:postgresql://db/gc");
    }

    @Test
    void hidesPasswordParametersWhateverTheirCaseAndKeepsTheOthers() {
        assertThat(ConnectionLine.of("jdbc:postgresql://db/gc?ssl=true&password=s3cret&sslPassword=k3y;x=1", "app"))
                .isEqualTo("connecting to jdbc:postgresql://db/gc?ssl=true&password=***&sslPassword=***;x=1 as app")
                .doesNotContain("s3cret").doesNotContain("k3y");
        assertThat(ConnectionLine.of("jdbc:postgresql://db/gc?PASSWORD=s3cret", "app"))
                .isEqualTo("connecting to jdbc:postgresql://db/gc?PASSWORD=*** as app");
    }

    @Test
    void hidesAPasswordBeforeTheHost() {
        assertThat(ConnectionLine.of("jdbc:postgresql://app:s3cret@db:5432/gc", "app"))
                .isEqualTo("connecting to jdbc:postgresql://app:***@db:5432/gc as app");
    }
}
