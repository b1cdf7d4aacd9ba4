package com.trackagoat.compliance.body;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A creator as the body shows it. */
public record CreatorView(@JsonProperty("id") UUID id, @JsonProperty("tiktok_handle") String tiktokHandle,
                          @JsonProperty("display_name") String displayName,
                          @JsonProperty("avatar_url") String avatarUrl) {
}
