package com.trackagoat.compliance.cli;

import java.io.PrintStream;
import java.util.UUID;

import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code api-key create} and {@code api-key revoke}: the read API's keys of one organization. */
@CommandLine.Command(name = "api-key", description = "Creates or revokes a read-API key of one organization.",
        subcommands = {ApiKeyCommands.Create.class, ApiKeyCommands.Revoke.class, HelpCommand.class})
final class ApiKeyCommands implements CliCommand {

    @Mixin
    HelpOption help;

    @Override
    public Command command() {
        return Command.API_KEY;
    }

    /** Reached only when no action was given. */
    @Override
    public void check() {
        throw new UsageException("api-key needs create or revoke: api-key create --org=UUID --name=TEXT"
                + " | api-key revoke --id=UUID");
    }

    @Override
    public int run(CommandRunner runner, PrintStream out) {
        throw new IllegalStateException("api-key without an action"); // refused by check
    }

    @CommandLine.Command(name = "create", sortOptions = false, sortSynopsis = false, description = {
            "Creates a key and prints it this once (only its hash is kept)."})
    static final class Create implements CliCommand {

        @Mixin
        HelpOption help;

        @Option(names = "--org", required = true, paramLabel = "UUID", description = "The organization.")
        UUID org;

        @Option(names = "--name", required = true, paramLabel = "TEXT", description = "What the key is for.")
        String name;

        @Override
        public Command command() {
            return Command.API_KEY;
        }

        @Override
        public void check() {
            if (name.isBlank()) {
                throw new UsageException("api-key create needs --name=TEXT (what the key is for)");
            }
        }

        String name() {
            return name.strip();
        }

        @Override
        public int run(CommandRunner runner, PrintStream out) {
            return runner.createKey(org, name(), out);
        }
    }

    @CommandLine.Command(name = "revoke", description = "Revokes a key: requests with it are refused from now on.")
    static final class Revoke implements CliCommand {

        @Mixin
        HelpOption help;

        @Option(names = "--id", required = true, paramLabel = "UUID", description = "The key's id.")
        UUID id;

        @Override
        public Command command() {
            return Command.API_KEY;
        }

        @Override
        public int run(CommandRunner runner, PrintStream out) {
            return runner.revokeKey(id, out);
        }
    }
}
