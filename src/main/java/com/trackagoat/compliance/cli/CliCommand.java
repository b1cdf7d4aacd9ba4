package com.trackagoat.compliance.cli;

import java.io.PrintStream;

/** A command parsed by picocli: its typed options, checked before the application starts. */
interface CliCommand {

    Command command();

    /** Checks what one option alone cannot say (options that exclude each other); throws {@link UsageException}. */
    default void check() {
    }

    /** Runs in the started application ({@code runner} is null for {@link Usage}, which needs none). */
    int run(CommandRunner runner, PrintStream out) throws Exception;
}
