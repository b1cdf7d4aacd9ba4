/** Runs one snapshot instance exactly once: launcher, dead-execution recovery, rerun; depends on snapshot.job. */
package com.trackagoat.compliance.snapshot.launch;
