package com.trackagoat.compliance.api.compliance;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Clock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import com.trackagoat.compliance.api.ReadApiSlice;

/**
 * The seed page's endpoint and the aggregate refuse a bad, repeated or unknown parameter with a 400 naming it,
 * before any body is built; another method than GET is a 405. No database: the bodies are mocked.
 */
@WebMvcTest(controllers = {GoalComplianceController.class, AggregateController.class},
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ReadApiSlice.FALLBACKS))
class ComplianceParametersWebMvcTest extends ReadApiSlice {

    @MockitoBean
    ComplianceBodies bodies;

    @MockitoBean
    Clock clock;

    @AfterEach
    void noBodyWasBuilt() {
        verify(bodies, never()).body(any(), any(), any(), any());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/projects/not-a-uuid/goal-compliance|projectId must be a UUID",
            "/api/v1/projects/{p}/goal-compliance?creator_id=42|creator_id must be a UUID",
            "/api/v1/projects/{p}/goal-compliance?period=yearly|period must be daily, weekly or monthly",
            "/api/v1/projects/{p}/goal-compliance?period=Weekly|period must be daily, weekly or monthly",
            "/api/v1/projects/{p}/goal-compliance?reference_date=2026-02-30|reference_date must be a date YYYY-MM-DD",
            "/api/v1/projects/{p}/goal-compliance?reference_date=21-05-2026|reference_date must be a date YYYY-MM-DD",
            "/api/v1/projects/{p}/goal-compliance?creatorId=x|creatorId is not a parameter of this endpoint",
            "/api/v1/projects/{p}/goal-compliance?period=daily&period=weekly|period is given more than once",
            "/api/v1/analytics/aggregate/goal-compliance?project_id=nope|project_id must be a UUID",
            "/api/v1/analytics/aggregate/goal-compliance?period=hourly|period must be daily, weekly or monthly",
            "/api/v1/analytics/aggregate/goal-compliance?reference_date=today|reference_date must be a date",
            "/api/v1/analytics/aggregate/goal-compliance?creator_id=x|creator_id is not a parameter of this endpoint",
            "/api/v1/analytics/aggregate/goal-compliance?period=daily&period=daily|period is given more than once"})
    void badParameterIs400NamingIt(String path, String message) throws Exception {
        assertBadParameter(get(path), message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/projects/{p}/goal-compliance?reference_date=1969-12-31|reference_date",
            "/api/v1/projects/{p}/goal-compliance?reference_date=0001-01-01|reference_date",
            "/api/v1/projects/{p}/goal-compliance?reference_date=%2B10000-01-01|reference_date",
            "/api/v1/analytics/aggregate/goal-compliance?reference_date=1969-12-31|reference_date"})
    void aDateOutsideTheYearsIs400NamingIt(String path, String parameter) throws Exception {
        assertBadParameter(get(path), parameter + " must be a date YYYY-MM-DD from 1970-01-01 to 9999-12-31");
    }

    @Test
    void theSliceRunsTheFirewallAndTheKeyFilterBeforeTheController() throws Exception {
        assertRefused(get("/api/v1/projects/{p}/goal-compliance?=x"), 400, "invalid_parameter",
                "a query parameter has no name");
        assertRefused(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/projects/{p}/goal-compliance", PROJECT.id())), 401, "unauthorized",
                "missing Authorization header");
    }

    @Test
    void otherMethodsThanGetAre405() throws Exception {
        for (HttpMethod method : new HttpMethod[] {HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH}) {
            assertRefused(send(method, "/api/v1/projects/{p}/goal-compliance"), 405, "method_not_allowed",
                    method + " is not supported");
            assertRefused(send(method, "/api/v1/analytics/aggregate/goal-compliance"), 405, "method_not_allowed",
                    method + " is not supported");
        }
    }
}
