package com.trackagoat.compliance.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.evaluation.RejectReason;

class FixHintsTest {

    @Test
    void anInvalidTargetSaysToSetTheTargetValueToAPositiveNumber() {
        assertThat(FixHints.forReason("invalid_target"))
                .isEqualTo("Set creator_goals.target_value to a positive number.");
    }

    @Test
    void everyReasonOfTheContractHasItsOwnOneSentenceFix() {
        assertThat(Arrays.stream(RejectReason.values()).map(r -> FixHints.forReason(r.code())))
                .doesNotContain(FixHints.UNKNOWN).doesNotHaveDuplicates()
                .allSatisfy(fix -> assertThat(fix).endsWith(".").doesNotContain("\n"));
    }

    @Test
    void eachFixNamesTheColumnToChange() {
        assertThat(FixHints.forReason("invalid_timezone")).contains("organizations.timezone");
        assertThat(FixHints.forReason("unknown_period")).contains("creator_goals.period", "daily, weekly or monthly");
        assertThat(FixHints.forReason("invalid_date_range")).contains("creator_goals.end_date");
        assertThat(FixHints.forReason("missing_creator")).contains("creators", "creator_goals.creator_id");
        assertThat(FixHints.forReason("unknown_metric")).contains("creator_goals.metric",
                "posts, views, likes, comments, shares, engagement, followers");
        assertThat(FixHints.forReason("invalid_data")).contains("videos");
    }

    @Test
    void aReasonThisConsoleDoesNotKnowPointsToTheContract() {
        assertThat(FixHints.forReason("something_new")).isEqualTo(FixHints.UNKNOWN);
        assertThat(FixHints.forReason(null)).isEqualTo(FixHints.UNKNOWN);
    }
}
