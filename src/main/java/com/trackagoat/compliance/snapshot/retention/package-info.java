/**
 * The snapshot tables' partitions: months made ahead, and nightly months dropped after the retention; serve runs
 * it hourly. Depends on system.
 */
package com.trackagoat.compliance.snapshot.retention;
