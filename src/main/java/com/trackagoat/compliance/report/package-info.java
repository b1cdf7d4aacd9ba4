/** The live compliance report, evaluated from the source tables on request; depends on source, body, evaluation. */
package com.trackagoat.compliance.report;
