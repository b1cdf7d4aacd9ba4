package com.trackagoat.compliance.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A row of {@code creator_goals}, as stored: metric, period and target are raw so that bad values can be
 * rejected with a reason instead of failing to load.
 */
public record Goal(UUID id, UUID creatorId, UUID projectId, String metric, String period, Long targetValue,
                   LocalDate startDate, LocalDate endDate, boolean active, Instant createdAt) {
}
