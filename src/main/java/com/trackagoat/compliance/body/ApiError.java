package com.trackagoat.compliance.body;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why an answer was refused: a stable code and a message for people. */
public record ApiError(@JsonProperty("code") String code, @JsonProperty("message") String message) {
}
