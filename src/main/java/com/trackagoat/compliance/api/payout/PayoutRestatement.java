package com.trackagoat.compliance.api.payout;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.trackagoat.compliance.body.UtcMillis;
import com.trackagoat.compliance.evaluation.Status;

/** A final's restatement as the payout endpoint shows it beside the final: the result as known at {@code as_of}. */
record PayoutRestatement(@JsonProperty("as_of") @UtcMillis Instant asOf, @JsonProperty("actual") long actual,
                         @JsonProperty("status") Status status, @JsonProperty("eligibility") String eligibility) {
}
