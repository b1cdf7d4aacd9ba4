package com.trackagoat.compliance.evaluation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

/** A goal's calendar period, in the organization's local dates. */
public enum Period {
    DAILY, WEEKLY, MONTHLY;

    private static final Map<String, Period> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toMap(Period::code, constant -> constant));

    private final String code = name().toLowerCase(Locale.ROOT);

    /** The code in the database and the API (and so in JSON). */
    @JsonValue
    public String code() {
        return code;
    }

    /** The period for a stored code; empty for null or anything unknown (codes are case-sensitive). */
    public static Optional<Period> parse(String code) {
        return Optional.ofNullable(BY_CODE.get(code)); // a HashMap: null finds nothing
    }

    /** First local date of the period that contains {@code date} (ISO weeks start on Monday). */
    public LocalDate firstDay(LocalDate date) {
        return switch (this) {
            case DAILY -> date;
            case WEEKLY -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> date.withDayOfMonth(1);
        };
    }

    /** First local date of the period after the one that starts on {@code firstDay}. */
    public LocalDate nextFirstDay(LocalDate firstDay) {
        return switch (this) {
            case DAILY -> firstDay.plusDays(1);
            case WEEKLY -> firstDay.plusWeeks(1);
            case MONTHLY -> firstDay.plusMonths(1);
        };
    }

    /** Whether a period of this kind starts on {@code date}. */
    public boolean startsOn(LocalDate date) {
        return firstDay(date).equals(date);
    }
}
