/** Webhooks: endpoints and their encrypted secrets, the events' outbox, signed delivery; depends on system, source. */
package com.trackagoat.compliance.webhook;
