package com.trackagoat.compliance.evaluation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** When a snapshot is taken: at a period's end, 48 h later, or every night in between. */
public enum Phase {
    CLOSE, FINAL, NIGHTLY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Phase> parse(String code) {
        return Arrays.stream(values()).filter(p -> p.code().equals(code)).findFirst();
    }
}
