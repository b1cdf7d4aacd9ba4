package com.trackagoat.compliance.evaluation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * When a snapshot is taken: at a period's end, 48 h later, or every night in between; and, one restatement
 * delay after a final, when the final is checked for late videos (restatement rows and rejects only). Declared
 * in the order the jobs of one instant run.
 */
public enum Phase {
    CLOSE, FINAL, NIGHTLY, RESTATEMENT;

    private static final Map<String, Phase> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toMap(Phase::code, constant -> constant));

    private final String code = name().toLowerCase(Locale.ROOT);

    /** The code in the database and the API (and so in JSON). */
    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<Phase> parse(String code) {
        return Optional.ofNullable(BY_CODE.get(code)); // a HashMap: null finds nothing
    }
}
