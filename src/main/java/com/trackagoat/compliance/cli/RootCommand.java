package com.trackagoat.compliance.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;

import com.trackagoat.compliance.evaluation.Period;
import com.trackagoat.compliance.evaluation.Phase;

/** {@code goal-compliance}: the commands, and {@code serve} when none is given. */
@CommandLine.Command(name = "goal-compliance",
        description = "Goal-compliance snapshots: a scheduler (serve) and one-shot commands. With no command: serve.",
        subcommands = {ServeCommand.class, MigrateCommand.class, RunCommand.class, RerunCommand.class,
                CatchUpCommand.class, StatusCommand.class, ReportCommand.class, DemoCommand.class, ApiKeyCommands.class,
                WebhookCommands.class,
                HelpCommand.class},
        footer = {"", "'goal-compliance help COMMAND' or 'goal-compliance COMMAND --help' shows a command's options.",
                "", RootCommand.SPRING_PROPERTIES, "", RootCommand.EXIT_CODES})
final class RootCommand implements CliCommand {

    static final String SPRING_PROPERTIES = "Options with a dot in their name are Spring Boot settings, accepted by"
            + " every command: --spring.datasource.url=jdbc:postgresql://host:5432/db,"
            + " --goal-compliance.restatement-delay=7d (also as environment variables: SPRING_DATASOURCE_URL).";
    static final String EXIT_CODES = "Exit codes: 0 done; 1 a job failed (the next run resumes it); 2 bad"
            + " arguments or configuration (one line on stderr).";
    static final String INSTANT = "INSTANT: ISO-8601 UTC with Z, seconds required, years 1970 to 9999, such as"
            + " 2026-05-25T05:00:00Z.";

    @Mixin
    HelpOption help;

    /** The parser of the commands, printing usage to {@code out}. */
    static CommandLine commandLine(PrintWriter out) {
        CommandLine line = new CommandLine(new RootCommand());
        line.registerConverter(Instant.class, Converters.INSTANT);
        line.registerConverter(LocalDate.class, Converters.DATE);
        line.registerConverter(UUID.class, Converters.UUID_TEXT);
        line.registerConverter(Phase.class, Converters.PHASE);
        line.registerConverter(Period.class, Converters.PERIOD);
        line.registerConverter(Duration.class, Converters.DURATION);
        // A value such as --name=@ops is text, never the name of a file of arguments.
        line.setExpandAtFiles(false);
        // Plain text whatever the terminal: usage is also read from logs and pipes.
        line.setColorScheme(CommandLine.Help.defaultColorScheme(Ansi.OFF));
        line.setOut(out);
        line.setErr(out);
        return line;
    }

    /** No command: serve. */
    @Override
    public Command command() {
        return Command.SERVE;
    }

    @Override
    public int run(CommandRunner runner, PrintStream out) throws Exception {
        return new ServeCommand().run(runner, out);
    }
}
