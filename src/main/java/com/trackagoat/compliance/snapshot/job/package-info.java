/** The snapshot batch job: readers, processor, writer, listeners, locks, stop; depends on source and below. */
package com.trackagoat.compliance.snapshot.job;
