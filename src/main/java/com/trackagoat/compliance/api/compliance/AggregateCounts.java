package com.trackagoat.compliance.api.compliance;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The aggregate endpoint's {@code data}: results by status, with an advisory, and goals rejected. */
record AggregateCounts(@JsonProperty("total") long total, @JsonProperty("by_status") ByStatus byStatus,
                       @JsonProperty("with_advisory") long withAdvisory, @JsonProperty("rejected") long rejected) {

    /** One count per status, in the status table's order. */
    record ByStatus(@JsonProperty("on_track") long onTrack, @JsonProperty("behind_pace") long behindPace,
                    @JsonProperty("at_risk") long atRisk, @JsonProperty("completed") long completed,
                    @JsonProperty("missed") long missed) {
    }
}
