package com.trackagoat.compliance.webhook;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.trackagoat.compliance.system.TextTable;

/** The {@code webhook} command's work: create (the secret printed this once), list, disable, events, replay. */
public class WebhookCommand {

    private static final String NONE = "-";

    private final WebhookEndpoints endpoints;
    private final Keys keys;

    WebhookCommand(WebhookEndpoints endpoints, Keys keys) {
        this.endpoints = endpoints;
        this.keys = keys;
    }

    /** Refuses ({@link WebhookRequestException}) without a usable secret key, before anything is written. */
    public void create(UUID org, String url, PrintStream out) {
        WebhookEndpoints.NewEndpoint endpoint = endpoints.create(keys.require(), org, url);
        out.println("id:     " + endpoint.id());
        out.println("org:    " + endpoint.orgId());
        out.println("url:    " + endpoint.url());
        out.println("secret: " + endpoint.secret());
        out.println("Store the secret now: it verifies the webhook-signature header and is not shown again.");
    }

    public void list(PrintStream out) {
        List<WebhookEndpoints.Endpoint> all = endpoints.list();
        if (all.isEmpty()) {
            out.println("no webhook endpoints (webhook create --org=UUID --url=URL)");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("ID", "ORG", "URL", "ENABLED", "CREATED", "DISABLED"));
        for (WebhookEndpoints.Endpoint e : all) {
            rows.add(List.of(e.id().toString(), e.orgId().toString(), e.url(), e.enabled() ? "yes" : "no",
                    instant(e.createdAt()), e.disabledAt().map(WebhookCommand::instant).orElse(NONE)));
        }
        TextTable.print(rows, out);
    }

    public void disable(UUID id, PrintStream out) {
        endpoints.disable(id);
        out.println("disabled webhook endpoint " + id + ": nothing more is delivered to it");
    }

    public void events(Optional<UUID> org, PrintStream out) {
        List<WebhookEndpoints.EventDelivery> all = endpoints.events(org);
        if (all.isEmpty()) {
            out.println("no webhook events" + org.map(o -> " of organization " + o).orElse(""));
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("EVENT", "TYPE", "PROJECT", "AS OF", "ENDPOINT", "STATE", "ATTEMPTS", "LAST"));
        for (WebhookEndpoints.EventDelivery e : all) {
            String last = e.lastStatus() != null ? e.lastStatus().toString()
                    : e.lastError() != null ? e.lastError() : NONE;
            rows.add(List.of(e.eventId(), e.type(), e.projectId().toString(), instant(e.asOf()),
                    e.endpointId().map(UUID::toString).orElse(NONE), e.state() == null ? "no endpoint" : e.state(),
                    Integer.toString(e.attempts()), last));
        }
        TextTable.print(rows, out);
    }

    public void replay(String eventId, PrintStream out) {
        int deliveries = endpoints.replay(eventId);
        out.println("replaying " + eventId + ": " + deliveries + " new pending deliver"
                + (deliveries == 1 ? "y" : "ies") + " (one per enabled endpoint)");
    }

    private static String instant(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
