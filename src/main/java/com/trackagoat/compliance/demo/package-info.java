/** The demo command's data and run; depends on snapshot.catchup and below. */
package com.trackagoat.compliance.demo;
