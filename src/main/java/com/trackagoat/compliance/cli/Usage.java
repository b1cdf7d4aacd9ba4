package com.trackagoat.compliance.cli;

import java.io.PrintStream;

/** {@code --help} or {@code help COMMAND}: the usage text, printed without the application or a database. */
record Usage(String text) implements CliCommand {

    @Override
    public Command command() {
        return Command.HELP;
    }

    @Override
    public int run(CommandRunner runner, PrintStream out) {
        out.print(text);
        out.flush();
        return GoalComplianceCli.OK;
    }
}
