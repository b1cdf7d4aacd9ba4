package com.trackagoat.compliance.cli;

import java.io.PrintStream;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;

@CommandLine.Command(name = "migrate", description = {
        "Applies pending migrations to the configured database and exits.",
        "Every other command also does this first."})
final class MigrateCommand implements CliCommand {

    @Mixin
    HelpOption help;

    @Override
    public Command command() {
        return Command.MIGRATE;
    }

    @Override
    public int run(CommandRunner runner, PrintStream out) {
        return runner.migrate(out);
    }
}
