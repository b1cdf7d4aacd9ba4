package com.trackagoat.compliance.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * A checked command line: the command with its typed options, and the Spring Boot settings
 * ({@code --some.property=value}, any option with a dot in its name) that pass through to the application.
 */
public record Invocation(CliCommand action, List<String> springArgs) {

    /** Parses and checks a command line; throws {@link UsageException} with a one-line reason. */
    public static Invocation parse(String... args) {
        List<String> springArgs = new ArrayList<>();
        List<String> own = new ArrayList<>();
        for (String arg : args) {
            (isSpringProperty(arg) ? springArgs : own).add(arg);
        }
        StringWriter usage = new StringWriter();
        CommandLine root = RootCommand.commandLine(new PrintWriter(usage, true));
        ParseResult parsed;
        try {
            parsed = root.parseArgs(own.toArray(String[]::new));
            if (CommandLine.printHelpIfRequested(parsed)) {
                return new Invocation(new Usage(usage.toString()), springArgs);
            }
        } catch (ParameterException e) {
            throw ArgumentErrors.usageException(e, own);
        }
        List<CommandLine> commands = parsed.asCommandLineList();
        CommandLine given = commands.get(commands.size() - 1);
        CliCommand action = given.getCommand();
        try {
            action.check();
        } catch (UsageException e) {
            throw new UsageException(e.getMessage(), Optional.of(ArgumentErrors.name(given)));
        }
        return new Invocation(action, springArgs);
    }

    /** Spring Boot's: {@code --name=value} (or {@code --name}) with a dot in the name; Spring allows repeats. */
    private static boolean isSpringProperty(String arg) {
        if (!arg.startsWith("--")) {
            return false;
        }
        int eq = arg.indexOf('=');
        return (eq < 0 ? arg : arg.substring(0, eq)).contains(".");
    }

    public Command command() {
        return action.command();
    }
}
