package com.trackagoat.compliance.snapshot.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The time left that the progress line gives: the rate so far, over the share of the range still to read. */
class ChunkProgressListenerTest {

    @Test
    void timeLeftScalesTheTimeTakenSoFarToTheRestOfTheRange() {
        assertThat(ChunkProgressListener.secondsLeft(10_000, 0.25)).isEqualTo(30);
        assertThat(ChunkProgressListener.secondsLeft(10_000, 0.5)).isEqualTo(10);
        assertThat(ChunkProgressListener.secondsLeft(10_000, 1.0)).isZero();
    }

    @Test
    void noTimeLeftIsGivenBeforeAnyShareIsRead() {
        assertThat(ChunkProgressListener.secondsLeft(10_000, 0)).isZero();
    }
}
