package com.trackagoat.compliance.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.trackagoat.compliance.support.ApiServer;
import com.trackagoat.compliance.support.Cli;
import com.trackagoat.compliance.support.TestDatabase;

/**
 * {@code demo} on an empty database ends its summary with the ids of the rows it loaded and the next commands to
 * try, and those commands work as printed: the key command makes a key of that organization, and the curl's
 * path answers with that key.
 */
class DemoIT {

    private static final String JAR = "java -jar target/goal-compliance.jar ";
    private static final Pattern ORGANIZATION = Pattern.compile("(?m)^Organization: (\\S+) \\(");
    private static final Pattern PROJECT = Pattern.compile("(?m)^Project: +(\\S+) \\(");
    private static final String CREATE_KEY_LINE = "  " + Pattern.quote(JAR) + "(api-key create --org=\\S+ --name=\\S+) .*";
    private static final String CURL_LINE =
            "  curl -H \"Authorization: Bearer tga_<key>\" http://localhost:8080(/api/v1/projects/(\\S+)/goal-compliance)";
    private static final Pattern CREATE_KEY = Pattern.compile("(?m)^" + CREATE_KEY_LINE + "$");
    private static final Pattern CURL = Pattern.compile("(?m)^" + CURL_LINE + "$");

    private static TestDatabase database;
    private static Cli.Result demo;

    @BeforeAll
    static void runDemo() {
        database = TestDatabase.create(DemoIT.class);
        demo = Cli.run(database, "demo");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void summaryEndsWithTheIdsOfTheOrganizationAndProjectsItLoaded() {
        assertThat(all(ORGANIZATION, demo.out())).as(demo.out())
                .isEqualTo(database.jdbc().queryForList("SELECT id::text FROM organizations", String.class));
        assertThat(all(PROJECT, demo.out())).as(demo.out())
                .isEqualTo(database.jdbc().queryForList("SELECT id::text FROM projects ORDER BY name, id", String.class))
                .isNotEmpty();
        assertThat(all(CURL, demo.out(), 2)).as("one curl per project").isEqualTo(all(PROJECT, demo.out()));
        List<String> lines = demo.out().lines().toList();
        assertThat(lines.subList(lines.size() - 4, lines.size())).as(demo.out()).satisfiesExactly(
                next -> assertThat(next).isEqualTo("Next, try:"),
                key -> assertThat(key).matches(CREATE_KEY_LINE),
                serve -> assertThat(serve).startsWith("  " + JAR + "serve "),
                curl -> assertThat(curl).matches(CURL_LINE));
    }

    @Test
    void thePrintedKeyCommandMakesAKeyThatThePrintedCurlPathAccepts() {
        // given the key made by the command the summary prints
        Matcher createKey = CREATE_KEY.matcher(demo.out());
        assertThat(createKey.find()).as(demo.out()).isTrue();
        Cli.Result created = Cli.run(database, createKey.group(1).split(" "));
        assertThat(created.exitCode()).as(created.err()).isZero();
        Matcher key = Pattern.compile("tga_\\S+").matcher(created.out());
        assertThat(key.find()).as(created.out()).isTrue();
        String organization = all(ORGANIZATION, demo.out()).get(0);
        assertThat(database.jdbc().queryForList("SELECT org_id::text FROM api_keys", String.class))
                .containsExactly(organization);

        // when the read API is asked the curl's path with it
        Matcher curl = CURL.matcher(demo.out());
        assertThat(curl.find()).isTrue();
        try (ApiServer server = ApiServer.start(database, null)) {
            ApiServer.Response response = server.get(curl.group(1), key.group());

            // then it answers with the demo project's creators
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().get("data").size()).as(response.body()).isEqualTo(
                    database.jdbc().queryForObject("SELECT count(*) FROM creators WHERE project_id = ?::uuid",
                            Integer.class, curl.group(2)));
        }
    }

    private static List<String> all(Pattern pattern, String text) {
        return all(pattern, text, 1);
    }

    private static List<String> all(Pattern pattern, String text, int group) {
        return pattern.matcher(text).results().map(match -> match.group(group)).toList();
    }
}
