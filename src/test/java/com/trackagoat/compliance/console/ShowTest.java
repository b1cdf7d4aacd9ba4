package com.trackagoat.compliance.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ShowTest {

    @Test
    void durationsShowTheirTwoLargestUnits() {
        assertThat(Show.duration(Duration.ZERO)).isEqualTo("0 s");
        assertThat(Show.duration(Duration.ofSeconds(59))).isEqualTo("59 s");
        assertThat(Show.duration(Duration.ofSeconds(185))).isEqualTo("3 min 5 s");
        assertThat(Show.duration(Duration.ofMinutes(120))).isEqualTo("2 h");
        assertThat(Show.duration(Duration.ofHours(99).plusMinutes(59))).isEqualTo("4 d 3 h");
        assertThat(Show.duration(Duration.ofSeconds(-5))).isEqualTo("0 s");
    }

    @Test
    void instantsAreUtc() {
        assertThat(Show.instant(Instant.parse("2026-05-25T05:00:59Z"))).isEqualTo("2026-05-25 05:00Z");
        assertThat(Show.time(Instant.parse("2026-05-25T05:00:59.9Z"))).isEqualTo("2026-05-25 05:00:59Z");
        assertThat(Show.count(1234567)).isEqualTo("1,234,567");
    }
}
