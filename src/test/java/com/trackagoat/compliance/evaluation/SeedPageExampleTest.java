package com.trackagoat.compliance.evaluation;

import static com.trackagoat.compliance.evaluation.TestData.CHICAGO;
import static com.trackagoat.compliance.evaluation.TestData.activity;
import static com.trackagoat.compliance.evaluation.TestData.at;
import static com.trackagoat.compliance.evaluation.TestData.evaluated;
import static com.trackagoat.compliance.evaluation.TestData.goal;
import static com.trackagoat.compliance.evaluation.TestData.scrape;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The API page's example, evaluated under the spec's rules (on_track, not the page's behind_pace). */
class SeedPageExampleTest {

    private final GoalEvaluator evaluator = new GoalEvaluator(EvaluationSettings.DEFAULTS);

    @Test
    void elevenOfFifteenWeeklyPostsOnThursdayMorningAreOnTrack() {
        // given
        Goal weeklyPosts = goal().weekly().metric("posts").target(15L).build();
        CreatorActivity activity = activity().posts(6, "2026-05-18T15:00:00Z").posts(5, "2026-05-20T18:00:00Z")
                .with(scrape("2026-05-21T06:00:00Z", 1200L)).build();

        // when
        Evaluation evaluation = evaluated(evaluator.evaluateLive(weeklyPosts, CHICAGO, true, activity,
                at("2026-05-21T11:36:00Z")));

        // then
        assertThat(evaluation.actual()).isEqualTo(11);
        assertThat(evaluation.percentage()).isEqualTo(73);
        assertThat(evaluation.status()).isEqualTo(Status.ON_TRACK);
        assertThat(evaluation.advisory()).isEqualTo(new Advisory(true, false, false, false, false,
                at("2026-05-18T05:00:00Z"), at("2026-05-25T04:59:59.999Z"), new BigDecimal("89.4"), null, null, null,
                List.of("Period in progress \u2014 closes in 3 days. Final actual may be higher.")));
    }
}
