package com.trackagoat.compliance.api.payout;

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
 * Payout eligibility refuses a bad, repeated or unknown parameter, a date outside 1970–9999, a page size out
 * of range and a cursor it did not hand out with a 400 naming the parameter, before it reads a row; another
 * method is a 405.
 */
@WebMvcTest(controllers = PayoutEligibilityController.class,
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ReadApiSlice.FALLBACKS))
class PayoutParametersWebMvcTest extends ReadApiSlice {

    private static final String PAYOUTS = "/api/v1/projects/{p}/payout-eligibility";

    @MockitoBean
    PayoutRepository payouts;

    @AfterEach
    void noRowWasRead() {
        verify(payouts, never()).page(any(), anyInt());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "?period_end=2026-13-01|period_end must be a date YYYY-MM-DD",
            "?period_end=2026-05-24&from=2026-05-01|period_end cannot be combined with from/to",
            "?from=x|from must be a date YYYY-MM-DD",
            "?to=x|to must be a date YYYY-MM-DD",
            "?from=2026-06-01&to=2026-05-01|from (2026-06-01) is after to (2026-05-01)",
            "?creator_id=x|creator_id must be a UUID",
            "?eligibility=maybe|eligibility must be eligible, needs_review or ineligible",
            "?limit=-1|limit must be a whole number from 1 to 1000",
            "?limit=1001|limit must be a whole number from 1 to 1000",
            "?cursor=AAAA|cursor is not a cursor returned by this endpoint",
            "?phase=final|phase is not a parameter of this endpoint",
            "?eligibility=eligible&eligibility=ineligible|eligibility is given more than once",
            "?period_end=1900-01-01|period_end must be a date YYYY-MM-DD from 1970-01-01 to 9999-12-31",
            "?from=0999-12-31|from must be a date YYYY-MM-DD from 1970-01-01 to 9999-12-31",
            "?to=1969-01-01|to must be a date YYYY-MM-DD from 1970-01-01 to 9999-12-31"})
    void badParameterIs400NamingIt(String query, String message) throws Exception {
        assertBadParameter(get(PAYOUTS + query), message);
    }

    @ParameterizedTest(name = "as_of {0} ms")
    @ValueSource(longs = {Long.MAX_VALUE, 253402300800000L, -1L, Long.MIN_VALUE})
    void aCursorForgedWithAnInstantOutsideTheYearsIs400NamingIt(long epochMillis) throws Exception {
        assertBadParameter(get(PAYOUTS + "?cursor=" + forgedCursor(epochMillis)),
                "cursor is not a cursor returned by this endpoint (meta.next_cursor)");
    }

    @Test
    void otherMethodsThanGetAre405() throws Exception {
        assertRefused(send(HttpMethod.PUT, PAYOUTS), 405, "method_not_allowed", "PUT is not supported");
    }
}
