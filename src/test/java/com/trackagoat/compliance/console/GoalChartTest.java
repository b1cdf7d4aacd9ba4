package com.trackagoat.compliance.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class GoalChartTest {

    private static final Instant START = Instant.parse("2026-05-18T05:00:00Z");
    private static final Instant END = START.plus(Duration.ofDays(7));
    private static final double PLOT_LEFT = GoalChart.LEFT;
    private static final double PLOT_RIGHT = GoalChart.WIDTH - GoalChart.RIGHT;
    private static final double PLOT_TOP = GoalChart.TOP;
    private static final double PLOT_BOTTOM = GoalChart.HEIGHT - GoalChart.BOTTOM;

    @Test
    void thePaceLineRisesFromZeroAtTheStartToTheTargetAtTheEnd() {
        GoalChart chart = GoalChart.of(START, END, 100, List.of(nightly(0, 0), nightly(3, 40)));

        // values 0..100 in steps of 50: the target is the top of the plot; the end is its right edge
        assertThat(chart.pace()).isEqualTo(new GoalChart.Segment(n(PLOT_LEFT), n(PLOT_BOTTOM), n(PLOT_RIGHT),
                n(PLOT_TOP)));
        assertThat(chart.target().y1()).isEqualTo(n(PLOT_TOP));
        assertThat(chart.valueTicks()).extracting(GoalChart.Tick::label).containsExactly("0", "50", "100");
    }

    @Test
    void eachNightlyIsAPointOfTheActualLineAtItsShareOfThePeriod() {
        GoalChart chart = GoalChart.of(START, END, 100, List.of(nightly(0, 0), nightly(3, 40)));

        double x3 = PLOT_LEFT + 3.0 / 7 * (PLOT_RIGHT - PLOT_LEFT);
        double y40 = PLOT_BOTTOM - 0.4 * (PLOT_BOTTOM - PLOT_TOP);
        assertThat(chart.actualLine()).isEqualTo(n(PLOT_LEFT) + "," + n(PLOT_BOTTOM) + " " + n(x3) + "," + n(y40));
        assertThat(chart.markers()).extracting(GoalChart.Marker::label).containsExactly(
                "nightly 2026-05-18 05:00Z: actual 0 of 100", "nightly 2026-05-21 05:00Z: actual 40 of 100");
        assertThat(chart.settling()).isNull();
    }

    @Test
    void aFinalAfterTheEndWidensTheTimeAxisAndIsMarkedApartFromTheLine() {
        Instant close = END;
        Instant settled = END.plus(Duration.ofDays(2));
        GoalChart chart = GoalChart.of(START, END, 100, List.of(nightly(6, 80),
                new GoalChart.Point("close", close, 90), new GoalChart.Point("final", settled, 130)));

        double xEnd = PLOT_LEFT + 7.0 / 9 * (PLOT_RIGHT - PLOT_LEFT);
        assertThat(chart.periodEnd().x1()).isEqualTo(n(xEnd));
        assertThat(chart.pace().x2()).isEqualTo(n(xEnd));
        assertThat(chart.actualLine()).doesNotContain(n(PLOT_RIGHT) + ",");
        assertThat(chart.settling().x1()).isEqualTo(n(xEnd));
        assertThat(chart.settling().x2()).isEqualTo(n(PLOT_RIGHT));
        assertThat(chart.markers()).extracting(GoalChart.Marker::phase).containsExactly("nightly", "close", "final");
        // the final's 130 is above the target: the values run to 150 in steps of 50
        assertThat(chart.valueTicks()).extracting(GoalChart.Tick::label).containsExactly("0", "50", "100", "150");
    }

    @Test
    void aFollowerLossBelowZeroLowersTheBottomOfTheValueAxis() {
        GoalChart chart = GoalChart.of(START, END, 1000, List.of(nightly(1, -120)));

        assertThat(chart.valueTicks().get(0).label()).isEqualTo("-500");
        assertThat(chart.markers().get(0).cy()).isNotEqualTo(n(PLOT_BOTTOM));
    }

    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(GoalChart.step(0)).isEqualTo(1);
        assertThat(GoalChart.step(4)).isEqualTo(1);
        assertThat(GoalChart.step(100)).isEqualTo(50);
        assertThat(GoalChart.step(2701)).isEqualTo(1000);
        assertThat(GoalChart.step(7000)).isEqualTo(2000);
    }

    @Test
    void thePaceOfAnInstantIsTheTargetTimesTheElapsedShareClampedToThePeriod() {
        assertThat(GoalChart.pace(START, END, 700, START.plus(Duration.ofDays(3)))).isEqualTo(300);
        assertThat(GoalChart.pace(START, END, 700, START.minusSeconds(1))).isZero();
        assertThat(GoalChart.pace(START, END, 700, END.plus(Duration.ofDays(2)))).isEqualTo(700);
    }

    private static GoalChart.Point nightly(int day, long actual) {
        return new GoalChart.Point("nightly", START.plus(Duration.ofDays(day)), actual);
    }

    private static String n(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
