package com.trackagoat.compliance.api.key;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.trackagoat.compliance.system.TextTable;

/**
 * The {@code api-key} command: creates a key (printed this once, never stored), lists the keys (never the key
 * or its hash) or revokes one.
 */
@Component
public class ApiKeyCommand {

    private static final List<String> HEADER =
            List.of("ID", "ORG", "NAME", "PREFIX", "CREATED", "LAST USED", "EXPIRES", "REVOKED");
    private static final String NONE = "-";

    private final ApiKeys keys;

    ApiKeyCommand(ApiKeys keys) {
        this.keys = keys;
    }

    public void create(UUID org, String name, Optional<Duration> expiresIn, PrintStream out) {
        print(keys.create(org, name, expiresIn)
                .orElseThrow(() -> new ApiKeyRequestException("organization " + org + " does not exist")), out);
    }

    public void createAdmin(String name, Optional<Duration> expiresIn, PrintStream out) {
        print(keys.createAdmin(name, expiresIn), out);
    }

    private static void print(ApiKeys.NewKey key, PrintStream out) {
        out.println("id:      " + key.id());
        out.println("org:     " + (key.admin() ? "admin (every organization, and the admin API)" : key.orgId()));
        out.println("name:    " + key.name());
        out.println("expires: " + key.expiresAt().map(ApiKeyCommand::instant).orElse("never (until revoked)"));
        out.println("key:     " + key.key());
        out.println("Store the key now: only its hash is kept, it cannot be shown again.");
    }

    /** One line per key, in aligned columns; an empty list says so. */
    public void list(PrintStream out) {
        List<ApiKeys.KeyInfo> all = keys.list();
        if (all.isEmpty()) {
            out.println("no API keys (api-key create --org=UUID --name=TEXT, or --admin)");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ApiKeys.KeyInfo key : all) {
            rows.add(List.of(key.id().toString(), key.admin() ? "admin" : key.orgId().toString(), key.name(),
                    key.prefix(), instant(key.createdAt()), optional(key.lastUsedAt()), optional(key.expiresAt()),
                    optional(key.revokedAt())));
        }
        TextTable.print(rows, out);
    }

    public void revoke(UUID id, PrintStream out) {
        if (!keys.revoke(id)) {
            throw new ApiKeyRequestException("API key " + id + " does not exist");
        }
        out.println("revoked API key " + id);
    }

    private static String optional(Optional<Instant> instant) {
        return instant.map(ApiKeyCommand::instant).orElse(NONE);
    }

    private static String instant(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
