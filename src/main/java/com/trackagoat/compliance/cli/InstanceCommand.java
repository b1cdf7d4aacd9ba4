package com.trackagoat.compliance.cli;

import picocli.CommandLine.Mixin;

/** A command that names one snapshot job instance: {@code run} and {@code rerun}. */
abstract class InstanceCommand implements CliCommand {

    @Mixin
    HelpOption help;

    @Mixin
    InstanceOptions options;
}
