package com.trackagoat.compliance.report;

import java.util.UUID;

/** A creator as the report body shows it. */
public record Creator(UUID id, String tiktokHandle, String displayName, String avatarUrl) {
}
