package com.trackagoat.compliance.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HoursTest {

    @ParameterizedTest(name = "{0} is {1} h")
    @CsvSource({"PT89H24M, 89.4", "PT0S, 0.0", "PT48H, 48.0", "PT2M59.999S, 0.0", "PT3M, 0.1",
            "PT47H56M59.999S, 47.9", "PT47H57M, 48.0", "PT23H58M, 24.0", "PT169H, 169.0", "PT23H30M, 23.5"})
    void hoursRoundHalfUpToOneDecimal(Duration duration, BigDecimal hours) {
        assertThat(Hours.tenths(duration)).isEqualTo(hours);
    }

    @Test
    void wholeHoursKeepTheirDecimal() {
        assertThat(Hours.tenths(Duration.ofHours(48)).toPlainString()).isEqualTo("48.0");
    }

    @ParameterizedTest(name = "{0} reads \"{1}\"")
    @CsvSource({"PT0S, less than an hour", "PT59M59.999S, less than an hour", "PT1H, 1 hour",
            "PT1H59M, 1 hour", "PT5H, 5 hours", "PT23H59M59.999S, 23 hours", "PT24H, 1 day",
            "PT47H59M59.999S, 1 day", "PT48H, 2 days", "PT89H24M, 3 days", "PT720H, 30 days"})
    void durationsReadInWholeDaysElseWholeHours(Duration duration, String words) {
        assertThat(Hours.spoken(duration)).isEqualTo(words);
    }

    @Test
    void wordsFloorTheExactDurationNotTheRoundedHours() {
        // given 47.96 h, which prints as 48.0
        Duration almostTwoDays = Duration.ofHours(47).plusMinutes(58);

        // then
        assertThat(Hours.tenths(almostTwoDays)).isEqualTo(new BigDecimal("48.0"));
        assertThat(Hours.spoken(almostTwoDays)).isEqualTo("1 day");
    }
}
