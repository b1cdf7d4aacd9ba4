/** Runs one snapshot instance exactly once: launcher, locks use, rerun; depends on snapshot.job. */
package com.trackagoat.compliance.snapshot.launch;
