package com.trackagoat.compliance.cli;

import java.io.PrintStream;
import java.util.Optional;
import java.util.UUID;

import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code webhook create}, {@code list}, {@code disable}, {@code events} and {@code replay}: the organizations' webhooks. */
@CommandLine.Command(name = "webhook", description = "Creates, lists or disables webhook endpoints; lists or replays events.",
        subcommands = {WebhookCommands.Create.class, WebhookCommands.ListEndpoints.class,
                WebhookCommands.Disable.class, WebhookCommands.Events.class, WebhookCommands.Replay.class,
                HelpCommand.class})
final class WebhookCommands implements CliCommand {

    private static final String KEY = "Needs goal-compliance.webhooks.secret-key (environment"
            + " GOALCOMPLIANCE_WEBHOOKS_SECRETKEY: base64 of 32 bytes), which encrypts the secret at rest.";

    @Mixin
    HelpOption help;

    @Override
    public Command command() {
        return Command.WEBHOOK;
    }

    /** Reached only when no action was given. */
    @Override
    public void check() {
        throw new UsageException("webhook needs create, list, disable, events or replay: webhook create --org=UUID"
                + " --url=URL | webhook list | webhook disable --id=UUID | webhook events [--org=UUID]"
                + " | webhook replay --event=ID");
    }

    @Override
    public int run(CommandRunner runner, PrintStream out) {
        throw new IllegalStateException("webhook without an action"); // refused by check
    }

    @CommandLine.Command(name = "create", sortOptions = false, description = {
            "Creates an endpoint of one organization and prints its signing secret (whsec_...) this once.", KEY})
    static final class Create implements CliCommand {

        @Mixin
        HelpOption help;

        @Option(names = "--org", required = true, paramLabel = "UUID", description = "The organization.")
        UUID org;

        @Option(names = "--url", required = true, paramLabel = "URL", description = "Where events are posted:"
                + " http:// or https://.")
        String url;

        @Override
        public Command command() {
            return Command.WEBHOOK;
        }

        @Override
        public int run(CommandRunner runner, PrintStream out) {
            return runner.createWebhook(org, url, out);
        }
    }

    @CommandLine.Command(name = "list", description = "Lists every endpoint: id, organization, URL, enabled, created,"
            + " disabled. Never the secret.")
    static final class ListEndpoints implements CliCommand {

        @Mixin
        HelpOption help;

        @Override
        public Command command() {
            return Command.WEBHOOK;
        }

        @Override
        public int run(CommandRunner runner, PrintStream out) {
            return runner.listWebhooks(out);
        }
    }

    @CommandLine.Command(name = "disable", description = "Disables an endpoint: nothing more is delivered to it.")
    static final class Disable implements CliCommand {

        @Mixin
        HelpOption help;

        @Option(names = "--id", required = true, paramLabel = "UUID", description = "The endpoint's id.")
        UUID id;

        @Override
        public Command command() {
            return Command.WEBHOOK;
        }

        @Override
        public int run(CommandRunner runner, PrintStream out) {
            return runner.disableWebhook(id, out);
        }
    }

    @CommandLine.Command(name = "events", description = "Lists events with their delivery state per endpoint"
            + " (pending, delivered, failed), attempts and last answer.")
    static final class Events implements CliCommand {

        @Mixin
        HelpOption help;

        @Option(names = "--org", paramLabel = "UUID", description = "Only this organization's events.")
        UUID org;

        @Override
        public Command command() {
            return Command.WEBHOOK;
        }

        @Override
        public int run(CommandRunner runner, PrintStream out) {
            return runner.webhookEvents(Optional.ofNullable(org), out);
        }
    }

    @CommandLine.Command(name = "replay", description = "Delivers an event again: a new pending delivery to every"
            + " enabled endpoint of its organization (same webhook-id).")
    static final class Replay implements CliCommand {

        @Mixin
        HelpOption help;

        @Option(names = "--event", required = true, paramLabel = "ID", description = "The event's id (evt_...).")
        String event;

        @Override
        public Command command() {
            return Command.WEBHOOK;
        }

        @Override
        public void check() {
            if (!event.matches("evt_[0-9a-f]{32}")) {
                throw new UsageException("webhook replay --event needs an event id such as evt_0123...(32 hex digits)");
            }
        }

        @Override
        public int run(CommandRunner runner, PrintStream out) {
            return runner.replayWebhook(event, out);
        }
    }
}
