package com.trackagoat.compliance.evaluation;

/** A goal that cannot be evaluated, with a short human-readable detail such as {@code "target_value is 0"}. */
public record Rejection(RejectReason reason, String detail) {
}
