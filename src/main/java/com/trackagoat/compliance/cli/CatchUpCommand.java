package com.trackagoat.compliance.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Optional;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@CommandLine.Command(name = "catch-up", sortOptions = false, sortSynopsis = false, description = {
        "Runs every snapshot job due in (since, until] that has not completed; then exits.",
        "Oldest first, resuming failed ones; failed or unfinished instances within the look-back are retried"
                + " whatever --since is. Each is tried once: exit 1 when any is left failed."},
        footer = {"", RootCommand.INSTANT})
final class CatchUpCommand implements CliCommand {

    @Mixin
    HelpOption help;

    @Option(names = "--since", paramLabel = "INSTANT",
            description = "Default: the last completed instant, or the configured look-back on a new database.")
    Instant since;

    @Option(names = "--until", paramLabel = "INSTANT", description = "Default: now.")
    Instant until;

    @Override
    public Command command() {
        return Command.CATCH_UP;
    }

    @Override
    public void check() {
        if (since != null && until != null && since.isAfter(until)) {
            throw new UsageException("--since=" + since + " is after --until=" + until);
        }
    }

    Optional<Instant> since() {
        return Optional.ofNullable(since);
    }

    Optional<Instant> until() {
        return Optional.ofNullable(until);
    }

    @Override
    public int run(CommandRunner runner, PrintStream out) {
        return runner.catchUp(since(), until(), out);
    }
}
