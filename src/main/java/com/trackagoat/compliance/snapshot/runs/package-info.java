/** Run history: every due instance's state, executions and progress; depends on snapshot.catchup and below. */
package com.trackagoat.compliance.snapshot.runs;
