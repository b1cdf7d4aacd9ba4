package com.trackagoat.compliance.api.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.junit.jupiter.api.Test;

/** What is stored for a key: its SHA-256, never the key. */
class ApiKeysTest {

    @Test
    void storedHashIsTheSha256OfTheWholeKey() throws Exception {
        String key = "tga_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";

        assertThat(ApiKeys.sha256(key)).isEqualTo(
                MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        assertThat(new String(ApiKeys.sha256(key), StandardCharsets.ISO_8859_1)).doesNotContain("0123456789");
    }
}
