package com.trackagoat.compliance.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/** picocli's parse errors in the one-line wording of data-contract.md ("option --phase given twice"). */
final class ArgumentErrors {

    private ArgumentErrors() {
    }

    /** @param args the arguments picocli parsed (the Spring settings left out) */
    static UsageException usageException(ParameterException e, List<String> args) {
        // picocli checks required options before it reports arguments it could not place; the first
        // unplaced one (an option of another command, a stray word) is the mistake to name
        Deque<CommandLine> chain = new ArrayDeque<>();
        for (CommandLine c = e.getCommandLine(); c != null; c = c.getParent()) {
            chain.push(c);
        }
        for (CommandLine command : chain) {
            if (!command.getUnmatchedArguments().isEmpty()) {
                return usageException(command, unmatched(command, command.getUnmatchedArguments().get(0)));
            }
        }
        CommandLine command = e.getCommandLine();
        return usageException(command, reason(e, command, args));
    }

    private static UsageException usageException(CommandLine command, String reason) {
        return new UsageException(reason, Optional.of(name(command)));
    }

    /** The command's words after the program's name: {@code run}, {@code api-key create}, "" for the root. */
    static String name(CommandLine command) {
        String qualified = command.getCommandSpec().qualifiedName(" ");
        int space = qualified.indexOf(' ');
        return space < 0 ? "" : qualified.substring(space + 1);
    }

    private static String reason(ParameterException e, CommandLine command, List<String> args) {
        if (e instanceof OverwrittenOptionException overwritten) {
            return "option " + name(overwritten.getOverwritten()) + " given twice";
        }
        if (e instanceof UnmatchedArgumentException unmatched) {
            return unmatched(command, unmatched.getUnmatched().get(0));
        }
        if (e instanceof MissingParameterException missing) {
            return missing(command, missing.getMissing(), args);
        }
        if (e.getCause() instanceof Converters.NotA notA && e.getArgSpec() != null) {
            return name(e.getArgSpec()) + "='" + e.getValue() + "' is not " + notA.expected();
        }
        if (e.getCause() instanceof TypeConversionException conversion) {
            return conversion.getMessage();
        }
        if (e.getMessage().startsWith("Unknown subcommand")) { // help COMMAND, picocli's HelpCommand
            return unmatched(command, String.valueOf(e.getValue()));
        }
        return e.getMessage(); // picocli's own words for what is left (none of the commands' options meets it)
    }

    private static String unmatched(CommandLine command, String arg) {
        String name = name(command);
        if (arg.startsWith("-")) {
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String takes = options(command);
            if (name.isEmpty()) {
                return option + " is not an option of goal-compliance itself (options follow the command)";
            }
            List<String> owners = command.getSubcommands().values().stream()
                    .filter(action -> action.getCommandSpec().findOption(option) != null).map(ArgumentErrors::name)
                    .toList();
            if (!owners.isEmpty()) { // api-key --org=…: the action is what is missing
                return name + " needs " + subcommands(command).replace(", ", " or ") + " before " + option + " ("
                        + option + " is an option of " + String.join(", ", owners) + ")";
            }
            String actions = command.getSubcommands().isEmpty() ? "" : "; its actions: " + subcommands(command);
            return option + " is not an option of " + name + " (" + name + " takes " + takes + actions + ")";
        }
        if (command.getSubcommands().isEmpty()) {
            return "unexpected argument '" + arg + "'";
        }
        return name.isEmpty()
                ? "unknown command '" + arg + "' (commands: " + subcommands(command) + ")"
                : "unknown " + name + " action '" + arg + "' (actions: " + subcommands(command) + ")";
    }

    private static String missing(CommandLine command, List<ArgSpec> specs, List<String> args) {
        String first = name(specs.get(0));
        if (args.contains(first)) { // given without =value
            return "option " + first + " needs a value: " + first + "=" + specs.get(0).paramLabel();
        }
        return name(command) + " needs " + specs.stream().map(spec -> name(spec) + "=" + spec.paramLabel())
                .collect(Collectors.joining(" and "));
    }

    /** {@code --phase, --as-of} or {@code no options}, help aside. */
    private static String options(CommandLine command) {
        List<String> names = command.getCommandSpec().options().stream().filter(o -> !o.usageHelp())
                .map(OptionSpec::longestName).toList();
        return names.isEmpty() ? "no options" : String.join(", ", names);
    }

    /** {@code create, revoke}, help aside. */
    private static String subcommands(CommandLine command) {
        return command.getSubcommands().keySet().stream().filter(word -> !word.equals("help"))
                .collect(Collectors.joining(", "));
    }

    private static String name(ArgSpec spec) {
        return spec instanceof OptionSpec option ? option.longestName() : spec.paramLabel();
    }
}
