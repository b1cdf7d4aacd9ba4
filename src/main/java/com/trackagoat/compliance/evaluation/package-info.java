/** Compliance rules, pure Java over records (no Spring, JDBC or clock); depends on no project package. */
package com.trackagoat.compliance.evaluation;
