package com.trackagoat.compliance.cli;

import java.io.PrintStream;

import picocli.CommandLine;

@CommandLine.Command(name = "rerun", sortOptions = false, sortSynopsis = false, description = {
        "Forgets one completed snapshot job and runs it again, after source data were fixed.",
        "Its rows and its BATCH_* instance are deleted first. An instance that never ran is a bad argument"
                + " (use run)."},
        footer = {"", RootCommand.INSTANT})
final class RerunCommand extends InstanceCommand {

    @Override
    public Command command() {
        return Command.RERUN;
    }

    @Override
    public int run(CommandRunner runner, PrintStream out) {
        return runner.rerun(options.instance(), out);
    }
}
