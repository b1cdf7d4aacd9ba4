package com.trackagoat.compliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.support.Cli;

/** Bad configuration is exit code 2 with one clear line on stderr. */
class BadConfigurationIT {

    @Test
    void unreachableDatabaseIsOneLineNamingTheServer() {
        Cli.Result result = Cli.run(null, "migrate", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5999/nowhere");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).singleElement().asString()
                .startsWith("goal-compliance: cannot start: Connection to 127.0.0.1:5999 refused");
    }
}
