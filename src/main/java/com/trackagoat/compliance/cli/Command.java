package com.trackagoat.compliance.cli;

/** The commands of data-contract.md, by the word that names them on the command line. */
public enum Command {
    SERVE("serve"),
    MIGRATE("migrate"),
    RUN("run"),
    RERUN("rerun"),
    CATCH_UP("catch-up"),
    /** {@code status [--since] [--until]}: the run history of a range, for people; runs nothing. */
    STATUS("status"),
    REPORT("report"),
    DEMO("demo"),
    /** {@code api-key create --org=UUID|--admin --name=TEXT}, {@code list}, {@code revoke --id=UUID}: API keys. */
    API_KEY("api-key"),
    /** {@code webhook create --org=UUID --url=URL}, {@code list}, {@code disable}, {@code events}, {@code replay}. */
    WEBHOOK("webhook"),
    /** {@code help COMMAND} or {@code --help}: usage, without starting the application. */
    HELP("help");

    private final String word;

    Command(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
