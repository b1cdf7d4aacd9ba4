/** Response bodies as records (envelope, goal, advisory, freshness), written by Jackson; depends on evaluation. */
package com.trackagoat.compliance.body;
