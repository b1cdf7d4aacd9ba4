package com.trackagoat.compliance.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code api-key create}, {@code list} and {@code revoke}: the API's keys, of one organization or admin keys. */
@CommandLine.Command(name = "api-key", description = "Creates, lists or revokes API keys.",
        subcommands = {ApiKeyCommands.Create.class, ApiKeyCommands.ListKeys.class, ApiKeyCommands.Revoke.class,
                HelpCommand.class})
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
        throw new UsageException("api-key needs create, list or revoke: api-key create --org=UUID|--admin"
                + " --name=TEXT | api-key list | api-key revoke --id=UUID");
    }

    @Override
    public int run(CommandRunner runner, PrintStream out) {
        throw new IllegalStateException("api-key without an action"); // refused by check
    }

    @CommandLine.Command(name = "create", sortOptions = false, sortSynopsis = false, description = {
            "Creates a key and prints it this once (only its hash is kept).",
            "A key of one organization (--org) reads that organization's projects; an admin key (--admin) reads"
                    + " every organization's and may use the admin API."},
            footer = {"", "DURATION: a whole number of days, hours, minutes or seconds (90d, 12h, 30m, 45s) or"
                    + " ISO-8601 (PT1H, P90D); positive, at most 36500d."})
    static final class Create implements CliCommand {

        @Mixin
        HelpOption help;

        @Option(names = "--org", paramLabel = "UUID", description = "The organization (or --admin).")
        UUID org;

        @Option(names = "--admin", description = "An operator's key: every organization, and the admin API.")
        boolean admin;

        @Option(names = "--name", required = true, paramLabel = "TEXT", description = "What the key is for.")
        String name;

        @Option(names = "--expires-in", paramLabel = "DURATION",
                description = "Refused from this long after now. Default: valid until revoked.")
        Duration expiresIn;

        @Override
        public Command command() {
            return Command.API_KEY;
        }

        @Override
        public void check() {
            if (org != null && admin) {
                throw new UsageException("api-key create takes --org=UUID or --admin, not both");
            }
            if (org == null && !admin) {
                throw new UsageException("api-key create needs --org=UUID or --admin");
            }
            if (name.isBlank()) {
                throw new UsageException("api-key create needs --name=TEXT (what the key is for)");
            }
        }

        String name() {
            return name.strip();
        }

        Optional<Duration> expiresIn() {
            return Optional.ofNullable(expiresIn);
        }

        @Override
        public int run(CommandRunner runner, PrintStream out) {
            return admin ? runner.createAdminKey(name(), expiresIn(), out)
                    : runner.createKey(org, name(), expiresIn(), out);
        }
    }

    @CommandLine.Command(name = "list", description = {
            "Lists every key: id, organization (or admin), name, prefix, created, last used, expires, revoked.",
            "Never the key itself: only its hash is kept."})
    static final class ListKeys implements CliCommand {

        @Mixin
        HelpOption help;

        @Override
        public Command command() {
            return Command.API_KEY;
        }

        @Override
        public int run(CommandRunner runner, PrintStream out) {
            return runner.listKeys(out);
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
