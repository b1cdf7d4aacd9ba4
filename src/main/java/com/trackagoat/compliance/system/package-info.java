/** Settings and shared wiring (properties, clock, evaluator, database creation); depends on evaluation. */
package com.trackagoat.compliance.system;
