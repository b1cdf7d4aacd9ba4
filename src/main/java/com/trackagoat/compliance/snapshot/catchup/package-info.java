/** Catch-up: plans and runs every due instance, retries failing ones; depends on snapshot.launch and below. */
package com.trackagoat.compliance.snapshot.catchup;
