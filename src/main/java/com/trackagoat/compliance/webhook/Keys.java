package com.trackagoat.compliance.webhook;

import java.util.Optional;

import com.trackagoat.compliance.system.GoalComplianceProperties;

/** The configured secret key as a box, or why there is none (checked once, at start). */
record Keys(Optional<SecretBox> box, String problem) {

    static Keys of(GoalComplianceProperties.Webhooks settings) {
        try {
            return new Keys(Optional.of(SecretBox.of(settings.getSecretKey(), settings.getSecretKeyPrevious())), null);
        } catch (WebhookRequestException e) {
            return new Keys(Optional.empty(), e.getMessage());
        }
    }

    /** The box; {@link WebhookRequestException} (one clear line) without a usable key. */
    SecretBox require() {
        return box.orElseThrow(() -> new WebhookRequestException(problem));
    }
}
