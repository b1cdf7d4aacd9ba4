/** The command line (picocli): calls the capabilities, maps results and exceptions to exit codes; nothing uses it. */
package com.trackagoat.compliance.cli;
