package com.trackagoat.compliance.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the endpoints' signing secrets at rest with AES-256-GCM under {@code goal-compliance.webhooks.secret-key}:
 * a fresh 12-byte nonce per encryption, the endpoint's id as additional data (a ciphertext moved to another row
 * does not open). Opening tries the current key, then {@code secret-key-previous} (during a rotation).
 */
final class SecretBox {

    static final String SETTING = "goal-compliance.webhooks.secret-key (environment GOALCOMPLIANCE_WEBHOOKS_SECRETKEY)";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A secret as stored. */
    record Sealed(byte[] ciphertext, byte[] nonce) {
    }

    private final SecretKeySpec key;
    private final Optional<SecretKeySpec> previous;

    private SecretBox(SecretKeySpec key, Optional<SecretKeySpec> previous) {
        this.key = key;
        this.previous = previous;
    }

    /** The box of the configured keys; refuses a missing or malformed key with one line naming the setting. */
    static SecretBox of(String secretKey, String secretKeyPrevious) {
        if (secretKey == null || secretKey.isBlank()) {
            throw new WebhookRequestException(SETTING + " is not set: webhooks need a key (base64 of 32 bytes,"
                    + " such as the output of 'openssl rand -base64 32')");
        }
        Optional<SecretKeySpec> previous = secretKeyPrevious == null || secretKeyPrevious.isBlank()
                ? Optional.empty() : Optional.of(key(secretKeyPrevious, "goal-compliance.webhooks.secret-key-previous"));
        return new SecretBox(key(secretKey, SETTING), previous);
    }

    private static SecretKeySpec key(String base64, String setting) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new WebhookRequestException(setting + " is not base64: it must be base64 of 32 bytes");
        }
        if (bytes.length != KEY_BYTES) {
            throw new WebhookRequestException(setting + " holds " + bytes.length + " bytes: it must be base64 of 32"
                    + " bytes");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    Sealed seal(UUID endpoint, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, endpoint, nonce);
            return new Sealed(cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8)), nonce);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The secret; {@link WebhookRequestException} when neither key opens it (the key was changed without rotation). */
    String open(UUID endpoint, Sealed sealed) {
        try {
            return open(key, endpoint, sealed);
        } catch (AEADBadTagException e) {
            if (previous.isPresent()) {
                try {
                    return open(previous.get(), endpoint, sealed);
                } catch (AEADBadTagException stillWrong) {
                    // fall through
                } catch (GeneralSecurityException unexpected) {
                    throw new IllegalStateException("AES-GCM is not available", unexpected);
                }
            }
            throw new WebhookRequestException("the secret of webhook endpoint " + endpoint + " does not decrypt with "
                    + SETTING + (previous.isPresent() ? " nor secret-key-previous" : "") + ": was the key changed?");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Whether the secret is sealed with the current key (not only with the previous one). */
    boolean isCurrent(UUID endpoint, Sealed sealed) {
        try {
            open(key, endpoint, sealed);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String open(SecretKeySpec key, UUID endpoint, Sealed sealed) throws GeneralSecurityException {
        Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, endpoint, sealed.nonce());
        return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
    }

    private static Cipher cipher(int mode, SecretKeySpec key, UUID endpoint, byte[] nonce)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(ByteBuffer.allocate(16).putLong(endpoint.getMostSignificantBits())
                .putLong(endpoint.getLeastSignificantBits()).array());
        return cipher;
    }
}
