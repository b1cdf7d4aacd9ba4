package com.trackagoat.compliance.cli;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.util.ClassUtils;

/**
 * Whether a command starts from the bean definitions that Spring AOT wrote when the jar was built
 * (spring-boot-maven-plugin's {@code process-aot}, see pom.xml) instead of parsing the configuration classes
 * and evaluating their conditions at every start: about 0.45 s less per start (bench/README.md).
 *
 * <p>Only the snapshot job commands, which start often and whose context is the one that was processed (no
 * web server, the settings of application.properties). The switch, {@code spring.aot.enabled}, is a system
 * property read JVM-wide, so only a process of its own sets it ({@link GoalComplianceCli#executeAsProcess}),
 * never a caller in a shared JVM; an explicit {@code -Dspring.aot.enabled} wins either way.
 */
final class AheadOfTimeStart {

    static final String SWITCH = "spring.aot.enabled";
    /** Named after the jar's Start-Class, which process-aot runs. */
    static final String GENERATED_INITIALIZER = Main.class.getName() + "__ApplicationContextInitializer";
    private static final Set<Command> COMMANDS = EnumSet.of(Command.RUN, Command.RERUN, Command.CATCH_UP);

    private AheadOfTimeStart() {
    }

    /** Turns the switch on for this process when the command wants it and nobody set it. */
    static void enableFor(Command command) {
        if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
            return; // this start is the build's AOT processing, which writes the definitions (not with an old set)
        }
        if (wanted(command, System.getProperty(SWITCH), ClassUtils.isPresent(GENERATED_INITIALIZER, null))) {
            System.setProperty(SWITCH, "true");
        }
    }

    /**
     * @param configured the switch as given on the java command line, or null
     * @param generated whether the jar holds the generated definitions (not when run from an IDE's classes)
     */
    static boolean wanted(Command command, String configured, boolean generated) {
        return configured == null && generated && COMMANDS.contains(command);
    }
}
