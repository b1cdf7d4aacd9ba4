package com.trackagoat.compliance.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.trackagoat.compliance.evaluation.Period;
import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.evaluation.SupportedTime;

/**
 * A parsed command line: the command, its options ({@code --name=value}), and the Spring Boot settings
 * ({@code --some.property=value}, any option with a dot) that pass through to the application.
 */
public record Invocation(Command command, Map<String, String> options, List<String> springArgs) {

    /** Where api-key's sub-command (a word, not an option) is kept among the options. */
    private static final String ACTION = "action";

    /** Parses and checks a command line; throws {@link UsageException} with a one-line reason. */
    public static Invocation parse(String... args) {
        Command command = Command.SERVE;
        Map<String, String> options = new LinkedHashMap<>();
        List<String> springArgs = new ArrayList<>();
        boolean commandSeen = false;
        boolean positionalAction = false;
        for (String arg : args) {
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
                if (name.contains(".")) {
                    springArgs.add(arg);
                } else if (eq < 0) {
                    throw new UsageException("option --" + name + " needs a value: --" + name + "=...");
                } else if (options.putIfAbsent(name, arg.substring(eq + 1)) != null) {
                    throw new UsageException("option --" + name + " given twice");
                }
            } else if (!commandSeen) {
                String word = arg;
                command = Command.of(word).orElseThrow(() -> new UsageException("unknown command '" + word
                        + "' (commands: serve, migrate, run, rerun, catch-up, report, demo, api-key)"));
                commandSeen = true;
            } else if (command == Command.API_KEY && !options.containsKey(ACTION)) {
                options.put(ACTION, arg); // api-key's sub-command: create or revoke
                positionalAction = true;
            } else {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
        }
        Invocation invocation = new Invocation(command, options, springArgs);
        List<String> given = new ArrayList<>(options.keySet());
        if (positionalAction) {
            given.remove(ACTION);
        }
        invocation.check(given);
        return invocation;
    }

    /** {@code optionNames}: the options given as {@code --name=value}, which the command must take. */
    private void check(List<String> optionNames) {
        for (String name : optionNames) {
            if (!command.accepts(name)) {
                throw new UsageException("--" + name + " is not an option of " + command.word() + " ("
                        + command.word() + " takes " + command.optionList() + ")");
            }
        }
        switch (command) {
            case RUN, RERUN -> {
                phase();
                asOf().orElseThrow(() -> new UsageException(command.word() + " needs --as-of=INSTANT"));
            }
            case CATCH_UP -> {
                Optional<Instant> since = instant("since");
                Optional<Instant> until = instant("until");
                if (since.isPresent() && until.isPresent() && since.get().isAfter(until.get())) {
                    throw new UsageException("--since=" + since.get() + " is after --until=" + until.get());
                }
            }
            case REPORT -> {
                project();
                creator();
                period();
                if (referenceDate().isPresent() && asOf().isPresent()) {
                    throw new UsageException("give --reference-date or --as-of, not both");
                }
            }
            case API_KEY -> {
                if (apiKeyAction() == ApiKeyAction.CREATE) {
                    org();
                    keyName();
                } else {
                    keyId();
                }
            }
            default -> {
            }
        }
    }

    /** What {@code api-key} does. */
    public enum ApiKeyAction {
        CREATE, REVOKE
    }

    public ApiKeyAction apiKeyAction() {
        String value = options.get(ACTION);
        if (value == null) {
            throw new UsageException("api-key needs create or revoke: api-key create --org=UUID --name=TEXT"
                    + " | api-key revoke --id=UUID");
        }
        return switch (value) {
            case "create" -> ApiKeyAction.CREATE;
            case "revoke" -> ApiKeyAction.REVOKE;
            default -> throw new UsageException("unknown api-key action '" + value + "' (actions: create, revoke)");
        };
    }

    public UUID org() {
        return uuid("org").orElseThrow(() -> new UsageException("api-key create needs --org=UUID"));
    }

    public String keyName() {
        String name = options.getOrDefault("name", "").strip();
        if (name.isEmpty()) {
            throw new UsageException("api-key create needs --name=TEXT (what the key is for)");
        }
        return name;
    }

    public UUID keyId() {
        return uuid("id").orElseThrow(() -> new UsageException("api-key revoke needs --id=UUID"));
    }

    public Phase phase() {
        String value = options.get("phase");
        if (value == null) {
            throw new UsageException(command.word() + " needs --phase=close|nightly|final");
        }
        return Phase.parse(value).orElseThrow(() -> new UsageException(
                "unknown phase '" + value + "' (phases: close, nightly, final)"));
    }

    public Optional<Instant> asOf() {
        return instant("as-of");
    }

    public Optional<Instant> since() {
        return instant("since");
    }

    public Optional<Instant> until() {
        return instant("until");
    }

    public UUID project() {
        return uuid("project").orElseThrow(() -> new UsageException("report needs --project=UUID"));
    }

    public Optional<UUID> creator() {
        return uuid("creator");
    }

    public Optional<Period> period() {
        return option("period", "daily|weekly|monthly", v -> Period.parse(v).orElseThrow());
    }

    public Optional<LocalDate> referenceDate() {
        return option("reference-date", "a date YYYY-MM-DD between " + SupportedTime.FIRST_YEAR + " and "
                + SupportedTime.LAST_YEAR, v -> {
            LocalDate date = LocalDate.parse(v);
            if (!SupportedTime.contains(date)) {
                throw new IllegalArgumentException(v);
            }
            return date;
        });
    }

    private Optional<Instant> instant(String name) {
        return option(name, "an ISO-8601 UTC instant with Z between " + SupportedTime.FIRST_YEAR + " and "
                + SupportedTime.LAST_YEAR + ", such as 2026-05-25T05:00:00Z",
                v -> SupportedTime.parseInstant(v).orElseThrow());
    }

    private Optional<UUID> uuid(String name) {
        return option(name, "a UUID", v -> {
            if (v.length() != 36) {
                throw new IllegalArgumentException(v);
            }
            return UUID.fromString(v);
        });
    }

    private <T> Optional<T> option(String name, String expected, Function<String, T> parser) {
        String value = options.get(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(value));
        } catch (DateTimeParseException | IllegalArgumentException | java.util.NoSuchElementException e) {
            throw new UsageException("--" + name + "='" + value + "' is not " + expected);
        }
    }
}
