package com.trackagoat.compliance.body;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One entry of the body's {@code data}: a creator and the results of its goals, in the API's goal order. */
public record CreatorCompliance(@JsonProperty("creator") CreatorView creator,
                                @JsonProperty("compliance") List<GoalCompliance> compliance) {
}
