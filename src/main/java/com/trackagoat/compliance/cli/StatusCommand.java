package com.trackagoat.compliance.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Optional;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@CommandLine.Command(name = "status", sortOptions = false, sortSynopsis = false, description = {
        "Prints, for people, the snapshot jobs due in (since, until]: phase, instant, state (completed, failed,"
                + " running, stopped, waiting, missing), goals, rejects and duration.",
        "Failed ones first, then running and waiting ones, then the rest oldest first; then the lag and the next"
                + " due instant. Runs nothing. Exit 1 when an instance of the range is failed."},
        footer = {"", RootCommand.INSTANT})
final class StatusCommand implements CliCommand {

    @Mixin
    HelpOption help;

    @Option(names = "--since", paramLabel = "INSTANT", description = "Default: the configured look-back before --until.")
    Instant since;

    @Option(names = "--until", paramLabel = "INSTANT", description = "Default: now.")
    Instant until;

    @Override
    public Command command() {
        return Command.STATUS;
    }

    @Override
    public void check() {
        if (since != null && until != null && since.isAfter(until)) {
            throw new UsageException("--since=" + since + " is after --until=" + until);
        }
    }

    @Override
    public int run(CommandRunner runner, PrintStream out) {
        return runner.status(Optional.ofNullable(since), Optional.ofNullable(until), out);
    }
}
