package com.trackagoat.compliance.api.admin;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.trackagoat.compliance.api.QueryParameters;
import com.trackagoat.compliance.api.key.ApiCaller;
import com.trackagoat.compliance.api.key.ApiKeyFilter;
import com.trackagoat.compliance.body.Envelope;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

/** {@code GET /api/v1/admin/actions}: the record of admin actions, newest first. */
@Hidden
@RestController
class ActionsController {

    private final AdminActions actions;

    ActionsController(AdminActions actions) {
        this.actions = actions;
    }

    @GetMapping("/api/v1/admin/actions")
    Envelope<List<ActionView>, Map<String, Integer>> actions(
            @RequestAttribute(ApiKeyFilter.CALLER) ApiCaller caller,
            @RequestParam(name = "limit", required = false) String limit,
            HttpServletRequest request) {
        AdminParameters.requireAdmin(caller);
        QueryParameters.check(request, "limit");
        int rows = QueryParameters.limit("limit", limit);
        return Envelope.of(actions.newest(rows).stream().map(ActionView::of).toList(), Map.of("limit", rows));
    }
}
