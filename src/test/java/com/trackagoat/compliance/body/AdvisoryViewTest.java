package com.trackagoat.compliance.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.evaluation.Advisory;
import com.trackagoat.compliance.evaluation.FreshnessBucket;
import com.trackagoat.compliance.evaluation.ScrapeFreshness;

class AdvisoryViewTest {

    private static final Advisory STALE = new Advisory(false, true, true, false, true,
            Instant.parse("2026-05-18T05:00:00Z"), Instant.parse("2026-05-25T04:59:59.999Z"), null,
            new BigDecimal("48.0"), new ScrapeFreshness(FreshnessBucket.TURNING_STALE,
                    Instant.parse("2026-05-23T05:00:00.123456Z"), new BigDecimal("47.9"), "Stats are 1 day old."),
            LocalDate.of(2026, 5, 1), List.of("first", "second"));

    @Test
    void advisoryIsWrittenInTheSeedPagesOrderWithUtcMillisecondsAndOneDecimalHours() {
        // when
        String json = BodyJson.write(AdvisoryView.of(STALE));

        // then
        assertThat(json).isEqualTo("{\"period_in_progress\":false,\"period_recently_ended\":true,"
                + "\"scrape_stale\":true,\"not_yet_started\":false,\"has_advisory\":true,"
                + "\"period_start\":\"2026-05-18T05:00:00.000Z\",\"period_end\":\"2026-05-25T04:59:59.999Z\","
                + "\"hours_until_period_end\":null,\"hours_since_period_end\":48.0,"
                + "\"scrape_freshness\":{\"bucket\":\"turning_stale\",\"last_scraped_at\":\"2026-05-23T05:00:00.123Z\","
                + "\"age_hours\":47.9,\"tooltip\":\"Stats are 1 day old.\"},\"goal_start_date\":\"2026-05-01\","
                + "\"messages\":[\"first\",\"second\"]}");
    }

    @Test
    void storedAdvisoryReadsBackToTheSameDocument() {
        // given: the column as the snapshot writer stores it
        String stored = BodyJson.write(AdvisoryView.of(STALE));

        // when
        AdvisoryView read = BodyJson.advisory(stored);

        // then
        assertThat(BodyJson.write(read)).isEqualTo(stored);
        assertThat(read.hoursSincePeriodEnd()).isEqualTo(new BigDecimal("48.0"));
    }
}
