package com.trackagoat.compliance.api.key;

import java.util.UUID;

/** Who is calling the read API: the organization an API key belongs to, and that key. */
public record ApiCaller(UUID orgId, UUID keyId) {
}
