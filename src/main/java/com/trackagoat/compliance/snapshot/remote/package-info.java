/**
 * Remote partitioning of a job's partitions over every live node: step execution requests through Spring
 * Integration's JDBC channel message store on the job's PostgreSQL, one advisory lock per worker step
 * execution, and the manager's supervision that re-sends a dead worker's partition. Knows no job: the snapshot
 * job wires its worker step in; depends on system only.
 */
package com.trackagoat.compliance.snapshot.remote;
