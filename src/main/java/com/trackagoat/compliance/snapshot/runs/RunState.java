package com.trackagoat.compliance.snapshot.runs;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** STUB until branch runs lands. */
public enum RunState {
    COMPLETED, FAILED, RUNNING, STOPPED, WAITING, MISSING;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RunState> parse(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
