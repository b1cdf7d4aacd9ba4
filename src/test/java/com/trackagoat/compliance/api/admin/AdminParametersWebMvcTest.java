package com.trackagoat.compliance.api.admin;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.URI;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.ResultActions;

import com.trackagoat.compliance.api.ReadApiSlice;
import com.trackagoat.compliance.snapshot.runs.RunHistory;

/**
 * The admin API refuses a bad, missing, repeated or unknown parameter (instants outside 1970–9999 or with an
 * offset, a range backwards or longer than 366 days, an unknown phase or state) with a 400 naming it, before it
 * reads a run or records an action; an organization's key gets 403 on every admin path, known or not; another
 * method is a 405 and another path a 404.
 */
@WebMvcTest(controllers = {RunsController.class, BackfillController.class, ActionsController.class,
        UnknownAdminPath.class},
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ReadApiSlice.FALLBACKS))
class AdminParametersWebMvcTest extends ReadApiSlice {

    private static final String RANGE = "from=2026-05-01T00:00:00Z&to=2026-05-08T00:00:00Z";
    private static final String RESUME = "/api/v1/admin/runs/close/2026-05-25T05:00:00Z/resume";

    @MockitoBean
    RunHistory history;

    @MockitoBean
    AdminOperations operations;

    @MockitoBean
    AdminActions actions;

    @AfterEach
    void nothingWasReadOrDone() {
        verifyNoInteractions(history, operations, actions);
    }

    @ParameterizedTest(name = "GET runs?{0}")
    @CsvSource(delimiter = '|', value = {
            "to=2026-05-08T00:00:00Z|from is required",
            "from=2026-05-01T00:00:00Z|to is required",
            "from=2026-05-01|from must be an ISO-8601 UTC instant with Z from 1970 to 9999",
            "from=2026-05-01T00:00:00%2B02:00&to=2026-05-08T00:00:00Z|from must be an ISO-8601 UTC instant with Z",
            "from=1969-12-31T23:59:59Z&to=2026-05-08T00:00:00Z|from must be an ISO-8601 UTC instant with Z from 1970",
            "from=2026-05-01T00:00:00Z&to=%2B10000-01-01T00:00:00Z|to must be an ISO-8601 UTC instant with Z",
            "from=2026-05-01T00:00:00Z&to=2026-13-01T00:00:00Z|to must be an ISO-8601 UTC instant with Z",
            "from=2026-05-08T00:00:00Z&to=2026-05-01T00:00:00Z|from (2026-05-08T00:00:00Z) is after to (2026-05-01T00:00:00Z)",
            "from=2025-05-01T00:00:00Z&to=2026-05-03T00:00:00Z|to is more than 366 days after from",
            RANGE + "&phase=weekly|phase must be nightly, close, final or restatement, not 'weekly'",
            RANGE + "&state=done|state must be completed, failed, running, stopped, waiting or missing, not 'done'",
            RANGE + "&state=failed&state=running|state is given more than once",
            RANGE + "&limit=5|limit is not a parameter of this endpoint (parameters: from, phase, state, to)"})
    void badRunsParameterIs400NamingIt(String query, String message) throws Exception {
        assertBadParameter(admin(HttpMethod.GET, "/api/v1/admin/runs?" + query), message);
    }

    @ParameterizedTest(name = "POST backfill?{0}")
    @CsvSource(delimiter = '|', value = {
            "dry_run=false|from is required",
            RANGE + "&dry_run=no|dry_run must be true or false, not 'no'",
            RANGE + "&dry_run=true&dry_run=false|dry_run is given more than once",
            "from=2026-05-08T00:00:00Z&to=2026-05-01T00:00:00Z&dry_run=false|from (2026-05-08T00:00:00Z) is after to",
            "from=1970-01-01T00:00:00Z&to=9999-12-31T00:00:00Z&dry_run=false|to is more than 366 days after from",
            RANGE + "&phase=close|phase is not a parameter of this endpoint (parameters: dry_run, from, to)"})
    void badBackfillParameterIs400NamingIt(String query, String message) throws Exception {
        assertBadParameter(admin(HttpMethod.POST, "/api/v1/admin/backfill?" + query), message);
    }

    @ParameterizedTest(name = "POST {0}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/admin/runs/weekly/2026-05-25T05:00:00Z/resume|phase must be nightly, close, final or restatement",
            "/api/v1/admin/runs/close/2026-05-25/resume|as_of must be an ISO-8601 UTC instant with Z",
            "/api/v1/admin/runs/close/2026-05-25T05:00:00+02:00/rerun|as_of must be an ISO-8601 UTC instant with Z",
            "/api/v1/admin/runs/CLOSE/2026-05-25T05:00:00Z/rerun|phase must be nightly, close, final or restatement",
            "/api/v1/admin/runs/close/10000-01-01T00:00:00Z/rerun|as_of must be an ISO-8601 UTC instant with Z",
            "/api/v1/admin/runs/close/2026-05-25T05:00:00Z/resume?now=1|now is not a parameter of this endpoint"})
    void badInstanceIs400NamingIt(String path, String message) throws Exception {
        assertBadParameter(admin(HttpMethod.POST, path), message);
    }

    @Test
    void badActionsLimitIs400() throws Exception {
        assertBadParameter(admin(HttpMethod.GET, "/api/v1/admin/actions?limit=0"),
                "limit must be a whole number from 1 to 1000");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET /api/v1/admin/runs?" + RANGE, "GET /api/v1/admin/actions", "POST " + RESUME,
            "POST /api/v1/admin/runs/close/2026-05-25T05:00:00Z/rerun", "POST /api/v1/admin/backfill?" + RANGE,
            "GET /api/v1/admin", "GET /api/v1/admin/", "DELETE /api/v1/admin/keys", "GET /api/v1/admin/runs?from=x"})
    void anOrganizationsKeyIs403OnEveryAdminPath(String request) throws Exception {
        String[] methodAndPath = request.split(" ");
        assertRefused(send(HttpMethod.valueOf(methodAndPath[0]), methodAndPath[1]), 403, "forbidden",
                "the admin API needs an admin key (api-key create --admin)");
    }

    @Test
    void anotherMethodIs405NamingTheOneTheEndpointAnswers() throws Exception {
        assertRefused(admin(HttpMethod.GET, RESUME), 405, "method_not_allowed",
                "GET is not supported: /api/v1/admin/runs/{phase}/{as_of}/resume answers POST only");
        assertRefused(admin(HttpMethod.POST, "/api/v1/admin/runs?" + RANGE), 405, "method_not_allowed",
                "POST is not supported: /api/v1/admin/runs answers GET only");
        assertRefused(admin(HttpMethod.DELETE, "/api/v1/admin/actions"), 405, "method_not_allowed",
                "DELETE is not supported: /api/v1/admin/actions answers GET only");
    }

    @Test
    void anotherAdminPathIs404ListingTheEndpoints() throws Exception {
        assertRefused(admin(HttpMethod.POST, "/api/v1/admin/runs/close/2026-05-25T05:00:00Z/cancel"), 404,
                "not_found", "no endpoint /api/v1/admin/runs/close/2026-05-25T05:00:00Z/cancel (the admin API: GET runs");
        assertRefused(admin(HttpMethod.GET, "/api/v1/admin"), 404, "not_found", "no endpoint /api/v1/admin (");
    }

    private ResultActions admin(HttpMethod method, String path) throws Exception {
        return mvc.perform(request(method, URI.create(path)).header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY));
    }
}
