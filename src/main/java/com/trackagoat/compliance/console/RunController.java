package com.trackagoat.compliance.console;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.util.UriComponentsBuilder;

import com.trackagoat.compliance.api.ApiException;
import com.trackagoat.compliance.api.QueryParameters;
import com.trackagoat.compliance.api.admin.AdminOperations;
import com.trackagoat.compliance.console.session.ConsoleGuard;
import com.trackagoat.compliance.console.session.ConsoleSession;
import com.trackagoat.compliance.snapshot.job.SnapshotJobParameters;
import com.trackagoat.compliance.snapshot.runs.InstanceRun;
import com.trackagoat.compliance.snapshot.runs.RunExecution;
import com.trackagoat.compliance.snapshot.runs.RunHistory;
import com.trackagoat.compliance.snapshot.runs.RunState;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Run page of one instance (its executions, partitions, counts, exit messages) and its two actions, Resume
 * and Rerun, each behind a confirmation page. The actions are the admin API's ({@link AdminOperations}): they
 * run in the background and are recorded in the admin actions with the signed-in key.
 */
@Hidden
@Controller
class RunController {

    private static final String RUN = "/console/run";

    private final RunHistory history;
    private final AdminOperations operations;

    RunController(RunHistory history, AdminOperations operations) {
        this.history = history;
        this.operations = operations;
    }

    /** What the console can do to an instance. */
    enum Action {
        RESUME, RERUN;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Action> of(String code) {
            for (Action action : values()) {
                if (action.code().equals(code)) {
                    return Optional.of(action);
                }
            }
            return Optional.empty();
        }
    }

    @GetMapping(RUN)
    String run(@RequestParam(name = "phase", required = false) String phase,
               @RequestParam(name = "as_of", required = false) String asOf,
               @RequestParam(name = "done", required = false) String done,
               @RequestParam(name = "action", required = false) Long actionId, Model model) {
        InstanceRun run = find(instance(phase, asOf));
        Action.of(done).ifPresent(action -> model.addAttribute("notice", (action == Action.RESUME ? "Resume" : "Rerun")
                + " accepted" + (actionId == null ? "" : " (admin action " + actionId + ")")
                + (run.state() == RunState.COMPLETED ? "." : ": it runs in the background. Reload this page to follow it.")));
        return page(run, model);
    }

    @GetMapping({RUN + "/resume", RUN + "/rerun"})
    String confirm(@RequestParam(name = "phase", required = false) String phase,
                   @RequestParam(name = "as_of", required = false) String asOf,
                   HttpServletRequest request, Model model) {
        Action action = actionOf(request.getServletPath());
        InstanceRun run = find(instance(phase, asOf));
        model.addAttribute("run", RunRow.of(run));
        model.addAttribute("action", action.code());
        return "console/confirm";
    }

    @PostMapping({RUN + "/resume", RUN + "/rerun"})
    Object act(@RequestParam(name = "phase", required = false) String phase,
               @RequestParam(name = "as_of", required = false) String asOf,
               @RequestAttribute(ConsoleGuard.SESSION) ConsoleSession session,
               HttpServletRequest request, HttpServletResponse response,
               Model model) {
        Action action = actionOf(request.getServletPath());
        SnapshotJobParameters instance = instance(phase, asOf);
        AdminOperations.Accepted<InstanceRun> accepted;
        try {
            accepted = action == Action.RESUME ? operations.resume(session.caller(), instance)
                    : operations.rerun(session.caller(), instance);
        } catch (ApiException refused) {
            response.setStatus(refused.status().value());
            model.addAttribute("error", (action == Action.RESUME ? "Resume" : "Rerun") + " refused: "
                    + refused.getMessage());
            return page(find(instance), model);
        }
        return SeeOther.to(UriComponentsBuilder.fromPath(RUN).queryParam("phase", instance.phase().code())
                .queryParam("as_of", instance.asOf().toString()).queryParam("done", action.code())
                .queryParam("action", accepted.actionId()).build().encode().toUriString());
    }

    private String page(InstanceRun run, Model model) {
        model.addAttribute("run", RunRow.of(run));
        model.addAttribute("executions", run.executions().stream()
                .sorted(Comparator.comparingLong(RunExecution::id).reversed()).map(ExecutionRow::of).toList());
        model.addAttribute("canResume", run.state() == RunState.FAILED || run.state() == RunState.STOPPED);
        model.addAttribute("canRerun", !run.executions().isEmpty() && run.state() != RunState.RUNNING);
        model.addAttribute("refresh", run.state() == RunState.RUNNING);
        return "console/run";
    }

    private InstanceRun find(SnapshotJobParameters instance) {
        return history.run(instance).orElseThrow(() -> ApiException.notFound(instance
                + " is not a due instance: no schedule has a " + instance.phase().code() + " at that instant"));
    }

    private static SnapshotJobParameters instance(String phase, String asOf) {
        return new SnapshotJobParameters(QueryParameters.phase("phase", phase).orElseThrow(
                () -> ApiException.badParameter("phase", "is required")), QueryParameters.requiredInstant("as_of", asOf));
    }

    private static Action actionOf(String path) {
        return path.endsWith("/resume") ? Action.RESUME : Action.RERUN;
    }
}
