package com.trackagoat.compliance.cli;

import java.io.PrintStream;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;

@CommandLine.Command(name = "demo", description = {
        "Loads a demo organization into an empty database, catches up, prints a summary.",
        "Creators, goals and a few weeks of videos; the summary gives the ids and the next commands to try."})
final class DemoCommand implements CliCommand {

    @Mixin
    HelpOption help;

    @Override
    public Command command() {
        return Command.DEMO;
    }

    @Override
    public int run(CommandRunner runner, PrintStream out) {
        return runner.demo(out);
    }
}
