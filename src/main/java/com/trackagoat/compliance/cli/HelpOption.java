package com.trackagoat.compliance.cli;

import picocli.CommandLine.Option;

/** {@code -h}, {@code --help}: mixed into every command, so that each answers with its usage. */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this usage and exits.")
    boolean help;
}
