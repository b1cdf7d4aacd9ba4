/** Reads the source tables for the job and the live report (activity, tallies, zones); depends on evaluation. */
package com.trackagoat.compliance.source;
