package com.trackagoat.compliance.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The commands of data-contract.md, with the options each accepts. */
public enum Command {
    SERVE("serve"),
    MIGRATE("migrate"),
    RUN("run", "phase", "as-of"),
    RERUN("rerun", "phase", "as-of"),
    CATCH_UP("catch-up", "since", "until"),
    REPORT("report", "project", "creator", "period", "reference-date", "as-of"),
    DEMO("demo"),
    /** {@code api-key create --org=UUID --name=TEXT} or {@code api-key revoke --id=UUID}: the read API's keys. */
    API_KEY("api-key", "org", "name", "id");

    private final String word;
    private final List<String> options;

    Command(String word, String... options) {
        this.word = word;
        this.options = List.of(options);
    }

    public String word() {
        return word;
    }

    boolean accepts(String option) {
        return options.contains(option);
    }

    /** The options it takes, for a message: {@code --phase, --as-of} or {@code no options}. */
    String optionList() {
        return options.isEmpty() ? "no options" : options.stream().map(o -> "--" + o).collect(Collectors.joining(", "));
    }

    static Optional<Command> of(String word) {
        return Arrays.stream(values()).filter(c -> c.word.equals(word)).findFirst();
    }
}
