package com.trackagoat.compliance.api.history;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import com.trackagoat.compliance.api.ReadApiSlice;

/**
 * History refuses a bad, repeated or unknown parameter, a date outside 1970–9999, a page size out of range and
 * a cursor it did not hand out with a 400 naming the parameter, before it reads a row; another method is a 405.
 */
@WebMvcTest(controllers = HistoryController.class,
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ReadApiSlice.FALLBACKS))
class HistoryParametersWebMvcTest extends ReadApiSlice {

    private static final String HISTORY = "/api/v1/projects/{p}/goal-compliance/history";

    @MockitoBean
    HistoryRepository history;

    @AfterEach
    void noRowWasRead() {
        verify(history, never()).page(any(), anyInt());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "?goal_id=x|goal_id must be a UUID",
            "?creator_id=x|creator_id must be a UUID",
            "?from=2026-5-1|from must be a date YYYY-MM-DD",
            "?to=yesterday|to must be a date YYYY-MM-DD",
            "?from=2026-05-02&to=2026-05-01|from (2026-05-02) is after to (2026-05-01)",
            "?phase=weekly|phase must be nightly, close, final or restatement",
            "?limit=0|limit must be a whole number from 1 to 1000",
            "?limit=1001|limit must be a whole number from 1 to 1000",
            "?limit=ten|limit must be a whole number from 1 to 1000",
            "?cursor=garbage|cursor is not a cursor returned by this endpoint",
            "?limit=5&limit=5|limit is given more than once",
            "?period=daily|period is not a parameter of this endpoint",
            "?from=1969-12-31|from must be a date YYYY-MM-DD from 1970-01-01 to 9999-12-31",
            "?to=0000-01-01|to must be a date YYYY-MM-DD from 1970-01-01 to 9999-12-31"})
    void badParameterIs400NamingIt(String query, String message) throws Exception {
        assertBadParameter(get(HISTORY + query), message);
    }

    @ParameterizedTest(name = "as_of {0} ms")
    @ValueSource(longs = {Long.MAX_VALUE, 253402300800000L, -1L, Long.MIN_VALUE})
    void aCursorForgedWithAnInstantOutsideTheYearsIs400NamingIt(long epochMillis) throws Exception {
        assertBadParameter(get(HISTORY + "?cursor=" + forgedCursor(epochMillis)),
                "cursor is not a cursor returned by this endpoint (meta.next_cursor)");
    }

    @Test
    void otherMethodsThanGetAre405() throws Exception {
        assertRefused(send(HttpMethod.POST, HISTORY), 405, "method_not_allowed", "POST is not supported");
        assertRefused(send(HttpMethod.DELETE, HISTORY), 405, "method_not_allowed", "DELETE is not supported");
    }
}
