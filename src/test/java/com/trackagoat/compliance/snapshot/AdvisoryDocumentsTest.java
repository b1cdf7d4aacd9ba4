package com.trackagoat.compliance.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.evaluation.Advisory;
import com.trackagoat.compliance.json.ComplianceJson;

class AdvisoryDocumentsTest {

    @Test
    void aChunkSendsEachDistinctAdvisoryOnceAndEveryRowItsNumber() {
        // given: rows 1 and 3 share an advisory (an equal record, not the same instance)
        Advisory weekly = inProgress("2026-05-18T05:00:00Z", "2026-05-25T04:59:59.999Z", "89.4");
        Advisory sameWeekly = inProgress("2026-05-18T05:00:00Z", "2026-05-25T04:59:59.999Z", "89.4");
        Advisory monthly = inProgress("2026-05-01T05:00:00Z", "2026-06-01T04:59:59.999Z", "257.4");

        // when
        AdvisoryDocuments.Numbered chunk = AdvisoryDocuments.number(List.of(weekly, monthly, sameWeekly));

        // then: two documents, the advisory column's JSON of each, and the rows point at them in order
        assertThat(chunk.documents()).containsExactly(json(weekly), json(monthly));
        assertThat(chunk.numbers()).containsExactly(1, 2, 1);
    }

    @Test
    void numbersStartAgainAtOneInEachChunk() {
        // given
        Advisory weekly = inProgress("2026-05-18T05:00:00Z", "2026-05-25T04:59:59.999Z", "89.4");
        Advisory monthly = inProgress("2026-05-01T05:00:00Z", "2026-06-01T04:59:59.999Z", "257.4");
        AdvisoryDocuments.number(List.of(weekly, monthly));

        // when: the next chunk holds only the second advisory
        AdvisoryDocuments.Numbered next = AdvisoryDocuments.number(List.of(monthly, monthly));

        // then
        assertThat(next.documents()).containsExactly(json(monthly));
        assertThat(next.numbers()).containsExactly(1, 1);
    }

    private static Advisory inProgress(String start, String end, String hoursLeft) {
        return new Advisory(true, false, false, false, false, Instant.parse(start), Instant.parse(end),
                new BigDecimal(hoursLeft), null, null, null, List.of("Period in progress."));
    }

    private static String json(Advisory advisory) {
        return ComplianceJson.write(ComplianceJson.advisory(advisory));
    }
}
