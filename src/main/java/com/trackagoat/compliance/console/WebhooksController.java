package com.trackagoat.compliance.console;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.trackagoat.compliance.api.ApiException;
import com.trackagoat.compliance.api.QueryParameters;
import com.trackagoat.compliance.webhook.WebhookOutbox;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The Webhooks page: the organizations' endpoints (never their secrets), the recent events newest first with
 * each one's delivery to each endpoint, and an event's page with every attempt and its payload. Read-only:
 * replaying an event stays the CLI's {@code webhook replay}. Filters: organization, event type, delivery state.
 */
@Hidden
@Controller
class WebhooksController {

    static final String PATH = "/console/webhooks";
    static final String EVENT_PATH = "/console/webhooks/event";

    private static final List<String> TYPES = List.of(WebhookOutbox.FINALIZED, WebhookOutbox.RESTATED);
    private static final List<String> STATES = List.of("pending", "delivered", "failed");
    private static final Pattern EVENT_ID = Pattern.compile("evt_[0-9a-f]{32}");
    private static final int DEFAULT_EVENTS = 50;

    private final WebhooksRepository webhooks;

    WebhooksController(WebhooksRepository webhooks) {
        this.webhooks = webhooks;
    }

    record EndpointLine(String id, String org, String url, boolean enabled, String created, String disabled) {
    }

    record DeliveryLine(String endpointId, String url, String state, int attempts, String nextAttempt,
                        String lastStatus, String lastError, String delivered) {
    }

    record EventLine(String id, String href, String type, String org, String asOf, String created,
                     List<DeliveryLine> deliveries) {
    }

    record AttemptLine(int attempt, String at, String status, long durationMs, String error) {
    }

    record DeliveryDetail(DeliveryLine delivery, List<AttemptLine> attempts) {
    }

    @GetMapping(PATH)
    String webhooks(@RequestParam(name = "org", required = false) String org,
                    @RequestParam(name = "type", required = false) String type,
                    @RequestParam(name = "state", required = false) String state,
                    @RequestParam(name = "limit", required = false) String limit,
                    HttpServletRequest request, Model model) {
        QueryParameters.check(request, "org", "type", "state", "limit");
        WebhooksRepository.Filter filter = new WebhooksRepository.Filter(
                QueryParameters.uuid("org", ConsoleRange.blankIsAbsent(org)),
                oneOf("type", ConsoleRange.blankIsAbsent(type), TYPES),
                oneOf("state", ConsoleRange.blankIsAbsent(state), STATES));
        String rowsText = ConsoleRange.blankIsAbsent(limit);
        int rows = rowsText == null ? DEFAULT_EVENTS : QueryParameters.limit("limit", rowsText);
        List<WebhooksRepository.Event> events = webhooks.events(filter, rows);
        Map<String, List<WebhooksRepository.Delivery>> deliveries = webhooks.deliveries(
                events.stream().map(WebhooksRepository.Event::id).toList()).stream()
                .collect(Collectors.groupingBy(WebhooksRepository.Delivery::eventId));

        model.addAttribute("org", filter.org().map(UUID::toString).orElse(""));
        model.addAttribute("type", filter.type().orElse(""));
        model.addAttribute("state", filter.state().orElse(""));
        model.addAttribute("types", TYPES);
        model.addAttribute("states", STATES);
        model.addAttribute("rows", rows);
        model.addAttribute("endpoints", webhooks.endpoints(filter.org()).stream()
                .map(WebhooksController::endpoint).toList());
        model.addAttribute("events", events.stream().map(e -> new EventLine(e.id(), Links.to(EVENT_PATH, "id", e.id()),
                e.type(), orgName(e.orgId(), e.orgName()), Show.instant(e.asOf()), Show.time(e.createdAt()),
                deliveries.getOrDefault(e.id(), List.of()).stream().map(WebhooksController::delivery).toList()))
                .toList());
        return "console/webhooks";
    }

    @GetMapping(EVENT_PATH)
    String event(@RequestParam(name = "id", required = false) String id, HttpServletRequest request, Model model) {
        QueryParameters.check(request, "id");
        if (id == null || !EVENT_ID.matcher(id).matches()) {
            throw ApiException.badParameter("id", "must be an event id (evt_ and 32 hex digits), not '"
                    + (id == null ? "" : id) + "'");
        }
        WebhooksRepository.Event event = webhooks.event(id)
                .orElseThrow(() -> ApiException.notFound("no webhook event " + id));
        List<WebhooksRepository.Delivery> deliveries = webhooks.deliveries(List.of(id));
        Map<Long, List<WebhooksRepository.Attempt>> attempts = webhooks.attempts(
                deliveries.stream().map(WebhooksRepository.Delivery::id).toList()).stream()
                .collect(Collectors.groupingBy(WebhooksRepository.Attempt::deliveryId));

        model.addAttribute("event", event);
        model.addAttribute("org", orgName(event.orgId(), event.orgName()));
        model.addAttribute("asOf", Show.instant(event.asOf()));
        model.addAttribute("created", Show.time(event.createdAt()));
        model.addAttribute("deliveries", deliveries.stream().map(d -> new DeliveryDetail(delivery(d),
                attempts.getOrDefault(d.id(), List.of()).stream().map(a -> new AttemptLine(a.attempt(),
                        Show.time(a.at()), a.statusCode() == null ? "—" : a.statusCode().toString(), a.durationMs(),
                        a.error() == null ? "" : a.error())).toList())).toList());
        return "console/webhook-event";
    }

    private static EndpointLine endpoint(WebhooksRepository.Endpoint e) {
        return new EndpointLine(e.id().toString(), orgName(e.orgId(), e.orgName()), e.url(), e.enabled(),
                Show.time(e.createdAt()), Show.time(e.disabledAt()));
    }

    private static DeliveryLine delivery(WebhooksRepository.Delivery d) {
        return new DeliveryLine(d.endpointId().toString(), d.url(), d.state(), d.attempts(),
                "pending".equals(d.state()) ? Show.time(d.nextAttemptAt()) : "",
                d.lastStatus() == null ? "" : d.lastStatus().toString(), d.lastError() == null ? "" : d.lastError(),
                Show.time(d.deliveredAt()));
    }

    private static String orgName(UUID id, String name) {
        return name == null ? id.toString() : name;
    }

    private static Optional<String> oneOf(String name, String value, List<String> allowed) {
        if (value == null) {
            return Optional.empty();
        }
        if (!allowed.contains(value)) {
            throw ApiException.badParameter(name, "must be " + String.join(", ", allowed) + ", not '" + value + "'");
        }
        return Optional.of(value);
    }
}
