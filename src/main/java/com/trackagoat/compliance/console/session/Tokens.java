package com.trackagoat.compliance.console.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Random tokens (256 bits, base64url), their hashes, and comparing them in constant time. */
final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The CSRF token of a session: derived from its secret token, so it needs no storage, and one-way, so a
     * page showing it tells nothing about the cookie.
     */
    static String csrfOf(String sessionToken) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256("console-csrf:" + sessionToken));
    }

    /** Whether both are present and equal, in time independent of where they differ. */
    static boolean same(String presented, String expected) {
        return presented != null && expected != null && MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
