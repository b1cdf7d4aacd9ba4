package com.trackagoat.compliance.console.session;

import java.time.Instant;
import java.util.UUID;

import com.trackagoat.compliance.api.key.ApiCaller;

/**
 * A signed-in operator: the admin key that signed in, until when, and the session's CSRF token, which every
 * form of the console carries in a hidden field and every POST must send back.
 */
public record ConsoleSession(UUID keyId, String keyName, Instant expiresAt, String csrfToken) {

    /** The admin acting, as the admin API's record of actions names its callers. */
    public ApiCaller caller() {
        return ApiCaller.ofAdmin(keyId, keyName);
    }
}
