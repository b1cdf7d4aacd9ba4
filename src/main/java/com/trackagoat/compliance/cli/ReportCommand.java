package com.trackagoat.compliance.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import com.trackagoat.compliance.evaluation.Period;

@CommandLine.Command(name = "report", sortOptions = false, sortSynopsis = false, description = {
        "Prints a project's goal compliance as JSON, evaluated live.",
        "The body that GET /api/v1/projects/{projectId}/goal-compliance returns for these parameters."},
        footer = {"", RootCommand.INSTANT})
final class ReportCommand implements CliCommand {

    @Mixin
    HelpOption help;

    @Option(names = "--project", required = true, paramLabel = "UUID", description = "The project.")
    UUID project;

    @Option(names = "--creator", paramLabel = "UUID", description = "Only this creator's goals.")
    UUID creator;

    @Option(names = "--period", paramLabel = "daily|weekly|monthly", description = "Only goals of this period.")
    Period period;

    @Option(names = "--reference-date", paramLabel = "YYYY-MM-DD", description = {
            "Evaluates as of the end of that day (its next local midnight); today (the organization's time zone)"
                    + " evaluates as of now."})
    LocalDate referenceDate;

    @Option(names = "--as-of", paramLabel = "INSTANT", description = "Evaluates as of this instant. Default: now.")
    Instant asOf;

    @Override
    public Command command() {
        return Command.REPORT;
    }

    @Override
    public void check() {
        if (referenceDate != null && asOf != null) {
            throw new UsageException("give --reference-date or --as-of, not both");
        }
    }

    Optional<UUID> creator() {
        return Optional.ofNullable(creator);
    }

    Optional<Period> period() {
        return Optional.ofNullable(period);
    }

    Optional<LocalDate> referenceDate() {
        return Optional.ofNullable(referenceDate);
    }

    Optional<Instant> asOf() {
        return Optional.ofNullable(asOf);
    }

    @Override
    public int run(CommandRunner runner, PrintStream out) {
        return runner.report(project, creator(), period(), referenceDate(), asOf(), out);
    }
}
