package com.trackagoat.compliance.cli;

import java.io.PrintStream;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.trackagoat.compliance.GoalComplianceApplication;
import com.trackagoat.compliance.api.key.ApiKeyRequestException;
import com.trackagoat.compliance.webhook.WebhookRequestException;
import com.trackagoat.compliance.demo.DemoRequestException;
import com.trackagoat.compliance.report.ReportRequestException;
import com.trackagoat.compliance.snapshot.launch.BadInstanceException;

/**
 * The command line: checks the arguments before anything starts (bad ones: one line on stderr, exit 2), answers
 * {@code --help} and {@code help COMMAND} without starting anything, else starts the application (which migrates
 * the database) and runs the command.
 */
public final class GoalComplianceCli {

    public static final int OK = 0;
    public static final int JOB_FAILED = 1;
    public static final int USAGE = 2;

    private static final Logger LOG = LoggerFactory.getLogger(GoalComplianceCli.class);

    /**
     * serve's defaults: at shutdown the scheduler waits for the snapshot tick it runs (which stops after its
     * chunk, see GracefulStop). The other commands never start the scheduler, and waiting would cost them
     * about 0.3 s at exit while its idle worker threads notice the shutdown.
     */
    private static final Map<String, Object> SERVE_DEFAULTS =
            Map.of("spring.quartz.wait-for-jobs-to-complete-on-shutdown", true);

    /** The commands that run snapshot jobs, and so take their partitions (serve: any node's). */
    private static final Set<Command> WORKERS = EnumSet.of(Command.SERVE, Command.RUN, Command.RERUN,
            Command.CATCH_UP, Command.DEMO);

    private GoalComplianceCli() {
    }

    /** A command's default settings: serve's, and no partition worker in a command that runs no job. */
    private static Map<String, Object> defaults(Command command) {
        if (command == Command.SERVE) {
            return SERVE_DEFAULTS;
        }
        return WORKERS.contains(command) ? Map.of() : Map.of("goal-compliance.remote.worker", false);
    }

    /** Runs a command to its end and returns the process exit code; {@code serve} returns when stopped. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        Invocation invocation;
        try {
            invocation = Invocation.parse(args);
        } catch (UsageException e) {
            err.println(e.line());
            return USAGE;
        }
        if (invocation.action() instanceof Usage usage) { // needs neither the application nor a database
            return usage.run(null, out);
        }
        StopLine stopLine = new StopLine(invocation.command(), System.nanoTime());
        int code = JOB_FAILED; // what the JVM exits with when an Error escapes
        try {
            code = start(invocation, out, err, stopLine);
            return code;
        } finally {
            stopLine.done(code);
        }
    }

    /** Starts the application (its data source logs where it connects to) and runs the command in it. */
    private static int start(Invocation invocation, PrintStream out, PrintStream err, StopLine stopLine) {
        long starting = System.nanoTime();
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(GoalComplianceApplication.class)
                    // named, not guessed from the stack: in the tests, the stack's main method is the test runner's
                    .main(Main.class)
                    .logStartupInfo(false)
                    // Only serve runs a web server (actuator); the other commands run and exit.
                    .web(invocation.command() == Command.SERVE ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                    .properties(defaults(invocation.command()))
                    .run(invocation.springArgs().toArray(String[]::new));
        } catch (RuntimeException e) {
            err.println("goal-compliance: cannot start: " + rootMessage(e));
            return USAGE;
        }
        stopLine.logOnShutdown();
        LOG.info("{} started in {} ms", invocation.command().word(), (System.nanoTime() - starting) / 1_000_000);
        // Not try-with-resources: it would close the context before the catch clauses, which then took every
        // failure for a stop while starting (exit 0).
        try {
            return invocation.action().run(context.getBean(CommandRunner.class), out);
        } catch (UsageException e) {
            err.println(e.line());
            return USAGE;
        } catch (ReportRequestException | DemoRequestException | ApiKeyRequestException | WebhookRequestException e) {
            // a request the data cannot answer: the caller's to fix, like a bad argument
            err.println("goal-compliance: " + e.getMessage());
            return USAGE;
        } catch (BadInstanceException e) {
            err.println("goal-compliance: " + e.getMessage() + (e.neverRan() ? "; use run --phase="
                    + e.instance().phase().code() + " --as-of=" + e.instance().asOf() : ""));
            return USAGE;
        } catch (Exception e) {
            if (!context.isActive()) { // stopped (SIGTERM) while it was starting
                err.println("goal-compliance: " + invocation.command().word() + " stopped while starting");
                return OK;
            }
            err.println("goal-compliance: " + invocation.command().word() + " failed: " + rootMessage(e));
            return JOB_FAILED;
        } finally {
            context.close();
        }
    }

    /** The most telling cause: the database's own words where there are any, else the root cause. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        Throwable database = null;
        while (true) {
            if (root instanceof java.sql.SQLException) {
                database = root;
            }
            if (root.getCause() == null || root.getCause() == root) {
                break;
            }
            root = root.getCause();
        }
        Throwable telling = database != null ? database : root;
        String message = telling.getMessage() == null ? telling.toString() : telling.getMessage();
        return message.replace('\n', ' ').strip();
    }
}
