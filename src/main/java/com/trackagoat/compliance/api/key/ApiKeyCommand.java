package com.trackagoat.compliance.api.key;

import java.io.PrintStream;
import java.util.UUID;

import org.springframework.stereotype.Component;

/** The {@code api-key} command: creates a key (printed this once, never stored) or revokes one. */
@Component
public class ApiKeyCommand {

    private final ApiKeys keys;

    ApiKeyCommand(ApiKeys keys) {
        this.keys = keys;
    }

    public void create(UUID org, String name, PrintStream out) {
        ApiKeys.NewKey key = keys.create(org, name)
                .orElseThrow(() -> new ApiKeyRequestException("organization " + org + " does not exist"));
        out.println("id:   " + key.id());
        out.println("org:  " + key.orgId());
        out.println("name: " + key.name());
        out.println("key:  " + key.key());
        out.println("Store the key now: only its hash is kept, it cannot be shown again.");
    }

    public void revoke(UUID id, PrintStream out) {
        if (!keys.revoke(id)) {
            throw new ApiKeyRequestException("API key " + id + " does not exist");
        }
        out.println("revoked API key " + id);
    }
}
