package com.trackagoat.compliance.snapshot.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** Partition ranges of goal ids: contiguous, covering every id, in PostgreSQL's unsigned uuid order. */
class GoalIdRangeTest {

    private static final UUID FIRST = UUID.fromString("00000000-0000-0000-0000-000000000000");
    private static final UUID LAST = UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff");

    @Test
    void splitCoversEveryIdWithContiguousRangesThatDoNotOverlap() {
        for (int n = 1; n <= 7; n++) {
            List<GoalIdRange> ranges = GoalIdRange.split(n);

            assertThat(ranges).hasSize(n);
            assertThat(ranges.get(0).from()).isEqualTo(FIRST);
            assertThat(ranges.get(n - 1).to()).isEqualTo(LAST);
            for (int i = 0; i + 1 < n; i++) {
                assertThat(GoalIdRange.successor(ranges.get(i).to())).contains(ranges.get(i + 1).from());
            }
        }
    }

    @Test
    void halvesSplitAtTheHighBitAsPostgresqlOrdersUuidsUnsigned() {
        List<GoalIdRange> halves = GoalIdRange.split(2);

        assertThat(halves.get(0).to()).isEqualTo(UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff"));
        assertThat(halves.get(1).from()).isEqualTo(UUID.fromString("80000000-0000-0000-0000-000000000000"));
    }

    @Test
    void successorCarriesAcrossTheHalvesOfTheUuidAndEndsAfterTheLastId() {
        assertThat(GoalIdRange.successor(UUID.fromString("00000000-0000-0000-ffff-ffffffffffff")))
                .contains(UUID.fromString("00000000-0000-0001-0000-000000000000"));
        assertThat(GoalIdRange.successor(UUID.fromString("00000000-0000-0000-0000-000000000009")))
                .contains(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
        assertThat(GoalIdRange.successor(LAST)).isEmpty();
    }

    @Test
    void readingStartsAtTheRangeAndResumesAfterTheLastCommittedId() {
        GoalIdRange second = GoalIdRange.split(2).get(1);

        assertThat(second.firstAfter(null)).contains(second.from());
        assertThat(second.firstAfter(UUID.fromString("80000000-0000-0000-0000-0000000000ff")))
                .contains(UUID.fromString("80000000-0000-0000-0000-000000000100"));
        assertThat(second.firstAfter(LAST)).isEmpty();
    }

    @Test
    void anUnpartitionedStepReadsEveryIdAndAPartitionItsSavedRange() {
        GoalIdRange second = GoalIdRange.split(3).get(1);

        assertThat(GoalIdRange.of(new ExecutionContext()))
                .isEqualTo(GoalIdRange.ALL);
        assertThat(GoalIdRange.of(second.toContext())).isEqualTo(second);
    }

    @Test
    void shareThroughAnIdIsHowFarIntoTheRangeItLiesInUnsignedOrder() {
        GoalIdRange second = GoalIdRange.split(2).get(1);

        assertThat(second.shareThrough(UUID.fromString("bfffffff-ffff-ffff-ffff-ffffffffffff"))).isEqualTo(0.5);
        assertThat(second.shareThrough(UUID.fromString("9fffffff-ffff-ffff-ffff-ffffffffffff"))).isEqualTo(0.25);
        assertThat(second.shareThrough(LAST)).isEqualTo(1.0);
        assertThat(GoalIdRange.ALL.shareThrough(UUID.fromString("19999999-9999-9999-9999-999999999999")))
                .isCloseTo(0.1, Offset.offset(1e-12));
    }

    @Test
    void aResumedRangeCountsItsShareFromTheFirstIdAfterTheLastCommittedOne() {
        GoalIdRange first = GoalIdRange.split(2).get(0);
        GoalIdRange left = first.after(UUID.fromString("3fffffff-ffff-ffff-ffff-ffffffffffff")).orElseThrow();

        assertThat(left.from()).isEqualTo(UUID.fromString("40000000-0000-0000-0000-000000000000"));
        assertThat(left.to()).isEqualTo(first.to());
        assertThat(first.after(first.from())).contains(new GoalIdRange(UUID.fromString(
                "00000000-0000-0000-0000-000000000001"), first.to()));
        assertThat(GoalIdRange.ALL.after(LAST)).isEmpty();

        assertThat(left.shareThrough(UUID.fromString("5fffffff-ffff-ffff-ffff-ffffffffffff"))).isEqualTo(0.5);
        assertThat(left.shareThrough(first.from())).isZero();
    }
}
