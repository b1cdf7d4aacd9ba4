package com.trackagoat.compliance.cli;

import java.io.PrintStream;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;

@CommandLine.Command(name = "serve", description = {
        "Runs the scheduler until stopped (the default command).",
        "At every due instant it runs what catch-up would, retrying failed instances with a growing delay.",
        "Answers the read API, the admin API and the console on server.port (8080), the actuator on"
                + " management.server.port (8081)."})
final class ServeCommand implements CliCommand {

    @Mixin
    HelpOption help;

    @Override
    public Command command() {
        return Command.SERVE;
    }

    @Override
    public int run(CommandRunner runner, PrintStream out) throws Exception {
        return runner.serve();
    }
}
