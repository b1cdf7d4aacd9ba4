package com.trackagoat.compliance.cli;

import java.io.PrintStream;

import picocli.CommandLine;

@CommandLine.Command(name = "run", sortOptions = false, sortSynopsis = false,
        description = "Runs one snapshot job (a completed one is not run twice; a failed one resumes).",
        footer = {"", RootCommand.INSTANT})
final class RunCommand extends InstanceCommand {

    @Override
    public Command command() {
        return Command.RUN;
    }

    @Override
    public int run(CommandRunner runner, PrintStream out) {
        return runner.run(options.instance(), out);
    }
}
