package com.trackagoat.compliance.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import com.trackagoat.compliance.evaluation.SupportedTime;

/**
 * Where the next page of a time series starts: the sort key of the last row returned
 * ({@code as_of}, {@code goal_id}, {@code phase}), opaque to clients (base64url). Keyset paging: a page
 * never skips or repeats a row when rows are added meanwhile.
 */
public record PageCursor(Instant asOf, UUID goalId, String phase) {

    public String encode() {
        String text = asOf.toEpochMilli() + "|" + goalId + "|" + phase;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back; a 400 naming {@code parameter} when it is not one of ours. */
    public static Optional<PageCursor> decode(String parameter, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|");
            // an instant outside the supported years can only be forged, and the database would refuse it
            Optional<Instant> asOf = parts.length == 3
                    ? Optional.of(Instant.ofEpochMilli(Long.parseLong(parts[0]))).filter(SupportedTime::contains)
                    : Optional.empty();
            if (asOf.isPresent()) {
                return Optional.of(new PageCursor(asOf.get(), UUID.fromString(parts[1]), parts[2]));
            }
        } catch (IllegalArgumentException e) {
            // same message as a cursor of the wrong shape
        }
        throw ApiException.badParameter(parameter, "is not a cursor returned by this endpoint (meta.next_cursor)");
    }
}
