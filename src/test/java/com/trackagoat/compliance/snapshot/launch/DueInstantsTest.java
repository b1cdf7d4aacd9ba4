package com.trackagoat.compliance.snapshot.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The zones an instance asked for by hand is checked against, and the due instants its refusal names. */
class DueInstantsTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Test
    void unusableMissingAndSpelledOutUtcZonesAreOneUtcSchedule() {
        assertThat(DueInstants.zones(Arrays.asList("America/Chicago", "Mars/Olympus", null, "UTC", "Etc/UTC")))
                .containsExactlyInAnyOrder(CHICAGO, ZoneOffset.UTC);
    }

    @Test
    void nearbyMidnightsAreTheLastBeforeAndTheFirstAfterOverAllZones() {
        Set<ZoneId> zones = Set.of(CHICAGO, ZoneId.of("Asia/Kolkata"));

        assertThat(DueInstants.nearbyMidnights(Instant.parse("2026-05-25T04:00:00Z"), zones)).containsExactly(
                Instant.parse("2026-05-24T18:30:00Z"), Instant.parse("2026-05-25T05:00:00Z"));
    }

    @Test
    void nearbyMidnightsFollowTheDstChange() {
        // Sunday 2026-03-08 Chicago springs forward: that midnight is 06:00Z, the next one 05:00Z
        List<Instant> nearby = DueInstants.nearbyMidnights(Instant.parse("2026-03-08T12:00:00Z"), Set.of(CHICAGO));

        assertThat(nearby).containsExactly(Instant.parse("2026-03-08T06:00:00Z"), Instant.parse("2026-03-09T05:00:00Z"));
    }
}
