package com.trackagoat.compliance.api;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.trackagoat.compliance.api.key.ApiCaller;
import com.trackagoat.compliance.api.key.ApiKeys;
import com.trackagoat.compliance.support.Dataset;

/**
 * What the read API's {@code @WebMvcTest} slices share: the request firewall and the API key filter in place,
 * with the two beans that read the database mocked (like petclinic's {@code OwnerRepository}): one key that
 * authenticates, and one project (Chicago) that the caller may read. Each slice names its controllers and
 * also loads {@link UnknownApiPath} and {@code api.web.ApiErrorController}, which answer other methods and paths.
 * 401 and 404 need the keys and projects of a real database: they stay in {@code ApiErrorsIT}.
 */
public abstract class ReadApiSlice {

    /** For {@code @WebMvcTest(includeFilters = ...)}: the fallback mappings, package-private to {@code api}. */
    public static final String FALLBACKS = "com\\.trackagoat\\.compliance\\.api\\.(UnknownApiPath|web\\.ApiErrorController)";

    protected static final String KEY = "tga_slice-test-key-slice-test-key-slice-test-key0";
    protected static final ApiCaller CALLER = ApiCaller.ofOrganization(
            UUID.fromString("00000000-0000-4000-8000-00000000000a"),
            UUID.fromString("00000000-0000-4000-8000-00000000000b"), "slice test");
    /** An admin key, for the admin API's slices. */
    protected static final String ADMIN_KEY = "tga_slice-test-admin-key-slice-test-admin-key-sl";
    protected static final ApiCaller ADMIN = ApiCaller.ofAdmin(UUID.fromString("00000000-0000-4000-8000-00000000000d"),
            "slice test admin");
    protected static final ApiProject PROJECT = new ApiProject(UUID.fromString("00000000-0000-4000-8000-00000000000c"),
            CALLER.orgId(), "America/Chicago");

    @Autowired
    protected MockMvc mvc;

    @MockitoBean
    protected ApiKeys keys;

    @MockitoBean
    protected ProjectAccess projects;

    @BeforeEach
    void oneKeyAndOneProject() {
        given(keys.authenticate(anyString())).willReturn(new ApiKeys.Check.Invalid());
        given(keys.authenticate(KEY)).willReturn(new ApiKeys.Check.Valid(CALLER));
        given(keys.authenticate(ADMIN_KEY)).willReturn(new ApiKeys.Check.Valid(ADMIN));
        // the real ProjectAccess refuses a malformed id before it reads the database: so does the mock
        given(projects.require(eq(CALLER), anyString(), anyString())).willAnswer(call -> {
            QueryParameters.requiredUuid(call.getArgument(1), call.getArgument(2));
            return PROJECT;
        });
        given(projects.all(CALLER)).willReturn(List.of(PROJECT));
        given(projects.timezone(CALLER)).willReturn(Optional.of(PROJECT.timezone()));
    }

    /** GET with the caller's key; {@code {p}} in the path stands for the project's id. */
    protected ResultActions get(String path) throws Exception {
        // URI as given: MockMvc must not re-encode the percent escapes a test sends on purpose
        return mvc.perform(request(HttpMethod.GET, URI.create(path.replace("{p}", PROJECT.id().toString())))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY));
    }

    /** Another method than GET, with the caller's key. */
    protected ResultActions send(HttpMethod method, String path) throws Exception {
        return mvc.perform(request(method, URI.create(path.replace("{p}", PROJECT.id().toString())))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY));
    }

    /** A cursor in the endpoints' own encoding (epoch millis|goal|phase) around an instant they never hand out. */
    protected static String forgedCursor(long epochMillis) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                (epochMillis + "|00000000-0000-4000-8000-000000000001|nightly").getBytes(StandardCharsets.UTF_8));
    }

    /** A 400 in the seed page's envelope whose message starts with {@code message}. */
    protected static void assertBadParameter(ResultActions response, String message) throws Exception {
        assertRefused(response, 400, "invalid_parameter", message);
    }

    protected static void assertRefused(ResultActions response, int status, String code, String message)
            throws Exception {
        response.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(result -> assertThat(Dataset.JSON.readTree(result.getResponse().getContentAsString())
                        .propertyNames()).as("the envelope's fields").containsExactly("data", "error", "meta"))
                .andExpect(jsonPath("$.data").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.error.code").value(code))
                .andExpect(jsonPath("$.error.message").value(Matchers.startsWith(message)))
                .andExpect(jsonPath("$.meta").isMap());
    }
}
