package com.trackagoat.compliance.api.key;

import java.util.Objects;
import java.util.UUID;

/**
 * Who is calling the API: the key (its id and name, which the admin actions' record keeps) and either the
 * organization it belongs to or, for an admin key, none ({@code orgId} null): an admin key reads every
 * organization and may use the admin API.
 */
public record ApiCaller(UUID orgId, UUID keyId, String keyName, boolean admin) {

    public ApiCaller {
        Objects.requireNonNull(keyId, "keyId");
        if (admin != (orgId == null)) {
            throw new IllegalArgumentException("an admin key has no organization, any other key has one");
        }
    }

    /** A key of one organization. */
    public static ApiCaller ofOrganization(UUID orgId, UUID keyId, String keyName) {
        return new ApiCaller(Objects.requireNonNull(orgId, "orgId"), keyId, keyName, false);
    }

    /** An operator's key: every organization, and the admin API. */
    public static ApiCaller ofAdmin(UUID keyId, String keyName) {
        return new ApiCaller(null, keyId, keyName, true);
    }
}
