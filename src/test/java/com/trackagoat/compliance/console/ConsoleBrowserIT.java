package com.trackagoat.compliance.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.trackagoat.compliance.support.HeadlessChromium;
import com.trackagoat.compliance.support.Keys;
import com.trackagoat.compliance.support.RecentGoals;
import com.trackagoat.compliance.support.ServeProcess;
import com.trackagoat.compliance.support.TestDatabase;

/**
 * The console in a real browser (Debian's headless Chromium) against a real {@code serve}: an operator signs
 * in with an admin key, sees the close that failed red in the Coverage grid, opens it, resumes it once the cause
 * is gone (confirming first) and sees it complete; reads the rejects with their fixes, the payouts by final and
 * the needs-review queue, downloads the payouts CSV and opens a goal's chart; an organization's key and a wrong
 * key cannot sign in; a creator handle that is HTML shows as text on every page. Every page is saved under
 * {@code target/console-screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final String HANDLE = "<script>alert(1)</script>";
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Duration SETTLE = Duration.ofHours(48);
    private static final int DESKTOP = 1280;
    private static final int PHONE = 390;

    /** Refuses the failing close's rows of the creator whose handle is HTML, naming the handle. */
    private static final String REFUSE = """
            CREATE FUNCTION refuse_html_handle() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE handle text;
            BEGIN
              SELECT c.tiktok_handle INTO handle FROM goal_compliance_goal_terms t JOIN creators c ON c.id = t.creator_id
              WHERE t.id = NEW.terms_id;
              IF NEW.phase = 'close' AND NEW.as_of = '%s'::timestamptz AND handle LIKE '<script>%%' THEN
                RAISE EXCEPTION 'test: close rows of creator %% are refused', handle;
              END IF;
              RETURN NEW;
            END $$;
            CREATE TRIGGER refuse_html_handle BEFORE INSERT ON goal_compliance_snapshot_rows
              FOR EACH ROW EXECUTE FUNCTION refuse_html_handle();
            """;

    /** Goals the jobs reject: the HTML handle's with target 0, a yearly one, one whose creator does not exist. */
    private static final String BAD_GOALS = """
            INSERT INTO creator_goals (id, creator_id, project_id, metric, period, target_value, created_at)
            VALUES ('00000000-0000-4000-8000-0000000b0001', (SELECT id FROM creators WHERE tiktok_handle = ?),
                    '00000000-0000-4000-8000-000000000200', 'posts', 'daily', 0, now() - interval '60 days'),
                   ('00000000-0000-4000-8000-0000000b0002', (SELECT id FROM creators WHERE tiktok_handle = 'creator1'),
                    '00000000-0000-4000-8000-000000000200', 'posts', 'yearly', 10, now() - interval '60 days'),
                   ('00000000-0000-4000-8000-0000000b0003', '00000000-0000-4000-8000-0000000dead0',
                    '00000000-0000-4000-8000-000000000200', 'posts', 'weekly', 10, now() - interval '60 days')
            """;
    private static final String BAD_TARGET_GOAL = "00000000-0000-4000-8000-0000000b0001";

    private static final String HOOK_URL = "http://127.0.0.1:9/" + HANDLE;
    private static final String HOOK_EVENT = "evt_00000000000040008000000000e0e001";
    private static final String HTML_ERROR = HANDLE + " connection refused";

    /** An endpoint, an event for it, its delivery failed for good after a 500 and a refused connection. */
    private static final List<String> WEBHOOK_ROWS = List.of("""
            INSERT INTO webhook_endpoints (id, org_id, url, secret_encrypted, secret_nonce, enabled, created_at)
            VALUES ('00000000-0000-4000-8000-0000000e0001', '00000000-0000-4000-8000-000000000100', :url,
                    '\\x00', '\\x00', true, now() - interval '1 hour')
            """, """
            INSERT INTO webhook_events (id, type, org_id, project_id, as_of, payload, created_at, job_execution_id)
            VALUES (:event, 'goal_compliance.finalized', '00000000-0000-4000-8000-000000000100',
                    '00000000-0000-4000-8000-000000000200', date_trunc('hour', now()) - interval '2 days',
                    jsonb_build_object('type', 'goal_compliance.finalized', 'data',
                                       jsonb_build_object('note', CAST(:handle AS text))),
                    now() + interval '1 minute', 0)
            """, """
            INSERT INTO webhook_deliveries (event_id, endpoint_id, state, attempts, last_status, last_error,
                                            created_at, first_attempt_at)
            VALUES (:event, '00000000-0000-4000-8000-0000000e0001', 'failed', 2, NULL, :error, now(), now())
            """, """
            INSERT INTO webhook_attempts (delivery_id, attempt, at, status_code, duration_ms, error)
            SELECT id, 1, date_trunc('second', now()) - interval '30 seconds', 500, 120, NULL
            FROM webhook_deliveries WHERE event_id = :event
            UNION ALL
            SELECT id, 2, date_trunc('second', now()), NULL, 5, :error FROM webhook_deliveries WHERE event_id = :event
            """);

    private static TestDatabase db;
    private static ServeProcess serve;
    private static HeadlessChromium chromium;
    private static ChromeDriver browser;
    private static Keys.Created admin;
    private static Keys.Created orgKey;
    private static Instant failedClose;

    @BeforeAll
    static void serveAndBrowser() throws InterruptedException {
        HeadlessChromium.assumeInstalled();
        // given six creators in Chicago, one with an HTML handle, and a close three days back that fails for it
        db = TestDatabase.migrated(ConsoleBrowserIT.class);
        RecentGoals.insert(db.jdbc(), RecentGoals.anchor(), 6, "America/Chicago");
        db.jdbc().update("UPDATE creators SET tiktok_handle = ? WHERE tiktok_handle = 'creator3'", HANDLE);
        db.jdbc().update(BAD_GOALS, HANDLE);
        failedClose = LocalDate.now(CHICAGO).minusDays(3).atStartOfDay(CHICAGO).toInstant();
        db.jdbc().execute(REFUSE.formatted(failedClose));
        admin = Keys.createAdmin(db, "ops on call");
        orgKey = Keys.create(db, "00000000-0000-4000-8000-000000000100", "chicago reader");
        // serve catches up four days; the failed close is not retried by itself within the test
        serve = ServeProcess.start(db, "console-browser", RecentGoals.lookBackSetting(Duration.ofHours(100)),
                "--goal-compliance.retry.first-delay=1h", "--goal-compliance.retry.max-delay=1h",
                "--goal-compliance.partitions=1");
        ServeProcess.await("serve caught up", ServeProcess.TO_CATCH_UP,
                () -> serve.output().contains(" ran, ") && !serve.get("/console/sign-in").isEmpty());
        assertThat(serve.output()).contains("failed: close@" + failedClose);
        chromium = HeadlessChromium.start(DESKTOP, 900, SCREENSHOTS, Path.of("target", "console-chromedriver.log"));
        browser = chromium.driver();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (serve != null) {
            serve.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    @Order(1)
    void aWrongKeyAndAnOrganizationsKeyCannotSignIn() {
        open("/console/coverage");
        assertThat(browser.getCurrentUrl()).as("redirected to sign in").endsWith("/console/sign-in");
        chromium.screenshot("01-sign-in");

        signIn(admin.key().substring(0, admin.key().length() - 3) + "xyz");
        assertThat(text("#sign-in-error")).isEqualTo("That key is not valid: it is unknown, mistyped or revoked.");
        chromium.screenshot("02-sign-in-wrong-key");

        signIn(orgKey.key());
        assertThat(text("#sign-in-error")).isEqualTo(
                "That is an organization's key: the console needs an admin key (api-key create --admin).");
        assertThat(browser.manage().getCookieNamed("gc_console")).as("no session").isNull();
        chromium.screenshot("03-sign-in-organization-key");
    }

    @Test
    @Order(2)
    void theFailedCloseIsRedInTheGridAndResumingItCompletesItAndItsFinal() throws InterruptedException {
        // when the operator signs in
        signIn(admin.key());

        // then the overview shows the failing close, its exit message naming the handle as text
        assertThat(browser.getCurrentUrl()).endsWith("/console");
        assertThat(text("#failing-count")).isEqualTo("1");
        assertThat(browser.findElement(By.cssSelector("li.failing .cause")).getText())
                .contains("close rows of creator " + HANDLE + " are refused");
        assertNoScriptRan();
        assertThat(browser.manage().getCookieNamed("gc_console").isHttpOnly()).isTrue();
        chromium.screenshot("04-overview-failing");

        // and the Coverage grid has it red, its final waiting, everything else completed
        open("/console/coverage");
        WebElement close = cell("close", failedClose);
        assertThat(close.getText()).isEqualTo("failed");
        assertThat(close.getCssValue("background-color")).isEqualTo("rgba(251, 218, 215, 1)");
        assertThat(close.getCssValue("color")).isEqualTo("rgba(179, 38, 30, 1)");
        assertThat(cell("final", failedClose.plus(SETTLE)).getText()).isEqualTo("waiting");
        assertThat(browser.findElements(By.cssSelector("a.cell")).stream().map(WebElement::getText).distinct())
                .containsExactlyInAnyOrder("completed", "failed", "waiting");
        chromium.screenshot("05-coverage-failed");
        chromium.resize(PHONE, 800);
        assertFitsTheWindow();
        chromium.screenshot("06-coverage-phone");
        open("/console");
        assertFitsTheWindow();
        chromium.screenshot("07-overview-phone");
        chromium.resize(DESKTOP, 900);

        // when the operator opens the failed close from the grid
        open("/console/coverage");
        navigateBy(By.cssSelector("a.cell[data-instance='close@" + failedClose + "']"));
        assertThat(text("#run-state")).isEqualTo("failed");
        assertThat(browser.findElement(By.cssSelector("pre.exit")).getText()).contains(HANDLE);
        assertNoScriptRan();
        chromium.screenshot("08-run-failed");
        chromium.resize(PHONE, 800);
        assertFitsTheWindow();
        chromium.screenshot("08-run-failed-phone");
        chromium.resize(DESKTOP, 900);

        // and, the cause gone, resumes it, confirming first
        db.jdbc().execute("DROP TRIGGER refuse_html_handle ON goal_compliance_snapshot_rows");
        navigateBy(By.id("resume"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Resume close ");
        chromium.screenshot("09-confirm-resume");
        navigateBy(By.id("confirm"));

        // then the run page says so, and on reloading shows it completed
        assertThat(text("#notice")).as(ConsoleBrowserIT::page).startsWith("Resume accepted (admin action ");
        chromium.screenshot("10-run-resume-accepted");
        ServeProcess.await("the close completed", Duration.ofMinutes(2), () -> {
            browser.navigate().refresh();
            return text("#run-state").equals("completed");
        });
        assertThat(browser.findElements(By.cssSelector("table.executions tbody tr:not(.exit-row)"))).hasSize(2);
        assertThat(text("#notice")).startsWith("Resume accepted (admin action ").endsWith(").");
        chromium.screenshot("11-run-completed");

        // and the action is recorded with the console's key, the final followed, nothing is failing
        ServeProcess.await("the resume recorded as completed", Duration.ofMinutes(1),
                () -> "completed".equals(lastAction().get("outcome")));
        Map<String, Object> action = lastAction();
        assertThat(action).containsEntry("key_name", "ops on call").containsEntry("action", "resume")
                .containsEntry("phase", "close");
        assertThat(((java.sql.Timestamp) action.get("as_of")).toInstant()).isEqualTo(failedClose);
        open("/console/coverage");
        assertThat(cell("close", failedClose).getText()).isEqualTo("completed");
        assertThat(cell("final", failedClose.plus(SETTLE)).getText()).isEqualTo("completed");
        chromium.screenshot("12-coverage-completed");
        open("/console");
        assertThat(text("#failing-count")).isEqualTo("0");
        chromium.screenshot("13-overview-completed");
    }

    @Test
    @Order(3)
    void rejectsPayoutsAndAGoalsChartShowTheDatabaseAndTheHtmlHandleAsText() throws Exception {
        // when the operator opens Rejects: the counts by reason are the table's over the range the page shows
        open("/console/rejects");
        Instant from = Instant.parse(value("input[name=from]"));
        Instant to = Instant.parse(value("input[name=to]"));
        Map<String, Long> counts = new TreeMap<>();
        for (WebElement reason : browser.findElements(By.cssSelector("article.reason"))) {
            counts.put(reason.getAttribute("data-reason"), Long.valueOf(reason.findElement(By.cssSelector(".count"))
                    .getText()));
        }
        Map<String, Long> expected = new TreeMap<>();
        db.jdbc().query("SELECT reason, count(*) FROM goal_compliance_rejects WHERE as_of > ? AND as_of <= ? "
                + "GROUP BY reason", rs -> {
                    expected.put(rs.getString(1), rs.getLong(2));
                }, Timestamp.from(from), Timestamp.from(to));
        assertThat(counts).isEqualTo(expected).containsKeys("invalid_target", "unknown_period", "missing_creator");
        assertThat(text("article[data-reason='invalid_target'] .fix"))
                .isEqualTo("Set creator_goals.target_value to a positive number.");
        // and the HTML handle's rejected goal shows its handle as text
        WebElement htmlHandle = browser.findElement(By.cssSelector("ul.rejects li[data-goal='" + BAD_TARGET_GOAL + "']"));
        assertThat(htmlHandle.findElement(By.cssSelector(".handle")).getText()).isEqualTo("@" + HANDLE);
        assertThat(htmlHandle.findElement(By.cssSelector(".detail")).getText()).isEqualTo("target_value is 0");
        assertNoScriptRan();
        chromium.screenshot("16-rejects");
        chromium.resize(PHONE, 800);
        assertFitsTheWindow();
        chromium.screenshot("17-rejects-phone");
        chromium.resize(DESKTOP, 900);

        // and pages of 4 through the list give every reject of the range once, newest first
        open("/console/rejects?limit=4");
        List<String> paged = new ArrayList<>();
        while (true) {
            browser.findElements(By.cssSelector("ul.rejects li")).forEach(li -> paged.add(li.getAttribute("data-as-of")
                    + " " + li.getAttribute("data-phase") + " " + li.getAttribute("data-goal")));
            if (browser.findElements(By.id("next-page")).isEmpty()) {
                break;
            }
            navigateBy(By.id("next-page"));
        }
        assertThat(paged).containsExactlyElementsOf(db.jdbc().queryForList("""
                SELECT to_char(as_of AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ' ' || phase || ' ' || goal_id
                FROM goal_compliance_rejects WHERE as_of > ? AND as_of <= ? ORDER BY as_of DESC, phase DESC, goal_id DESC
                """, String.class, Timestamp.from(from), Timestamp.from(to)));

        // when the operator opens Payouts: each final's counts by eligibility are the view's
        open("/console/payouts");
        List<String> finals = browser.findElements(By.cssSelector("table.finals tbody tr")).stream()
                .map(tr -> tr.getAttribute("data-final") + " " + tr.findElements(By.cssSelector("td.num")).stream()
                        .map(WebElement::getText).toList()).toList();
        assertThat(finals).isNotEmpty().containsExactlyElementsOf(db.jdbc().queryForList("""
                SELECT to_char(as_of AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ' ['
                       || count(*) FILTER (WHERE eligibility = 'eligible') || ', '
                       || count(*) FILTER (WHERE eligibility = 'needs_review') || ', '
                       || count(*) FILTER (WHERE eligibility = 'ineligible') || ']'
                FROM payout_eligibility WHERE as_of > ? AND as_of <= ? GROUP BY as_of ORDER BY as_of DESC
                """, String.class, Timestamp.from(from), Timestamp.from(to)));
        // and the needs-review queue is the view's, the HTML handle among it as text
        List<String> review = db.jdbc().queryForList("SELECT goal_id::text FROM payout_eligibility WHERE as_of > ? "
                + "AND as_of <= ? AND eligibility = 'needs_review' ORDER BY as_of DESC, goal_id DESC", String.class,
                Timestamp.from(from), Timestamp.from(to));
        assertThat(browser.findElements(By.cssSelector("table.queue tbody tr")).stream()
                .map(tr -> tr.getAttribute("data-goal")).toList()).containsExactlyElementsOf(review);
        String htmlGoal = db.jdbc().queryForObject("SELECT g.id::text FROM creator_goals g JOIN creators c ON "
                + "c.id = g.creator_id WHERE c.tiktok_handle = ? AND g.id <> ?::uuid", String.class, HANDLE,
                BAD_TARGET_GOAL);
        assertThat(review).as("the test data has the HTML handle's goal needing review").contains(htmlGoal);
        assertThat(browser.findElement(By.cssSelector("table.queue tr[data-goal='" + htmlGoal + "'] .handle"))
                .getText()).isEqualTo("@" + HANDLE);
        assertNoScriptRan();
        chromium.screenshot("18-payouts");
        chromium.resize(PHONE, 800);
        assertFitsTheWindow();
        chromium.screenshot("19-payouts-phone");
        chromium.resize(DESKTOP, 900);

        // and the CSV export, fetched with the browser's session, has a header and the view's rows
        assertCsvIsTheViewsRows(browser.findElement(By.id("csv")).getAttribute("href"), from, to);

        // when the operator opens the HTML handle's goal from the queue: its chart and table are its snapshots
        navigateBy(By.cssSelector("table.queue tr[data-goal='" + htmlGoal + "'] a.goal"));
        assertThat(text("#goal-handle")).isEqualTo("@" + HANDLE);
        assertNoScriptRan();
        assertChartIsTheLatestPeriod(htmlGoal);
        chromium.screenshot("20-goal-html-handle");

        // and a goal with the most snapshots in a settled period, at a desktop's and a phone's width
        Map<String, Object> longest = db.jdbc().queryForMap("SELECT goal_id::text AS goal, max(period_end) AS period_end "
                + "FROM goal_compliance_snapshots GROUP BY goal_id, period_end HAVING bool_or(phase = 'final') "
                + "ORDER BY count(*) DESC, goal_id LIMIT 1");
        Instant periodEnd = ((Timestamp) longest.get("period_end")).toInstant();
        open("/console/goal?id=" + longest.get("goal") + "&period_end=" + periodEnd);
        assertThat(browser.findElements(By.cssSelector("svg.goal-chart .marker.final circle"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("svg.goal-chart .marker.close circle"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("svg.goal-chart title")).getAttribute("textContent"))
                .contains((String) longest.get("goal"));
        chromium.screenshot("21-goal-chart");
        chromium.resize(PHONE, 800);
        assertFitsTheWindow();
        chromium.screenshot("22-goal-chart-phone");
        chromium.resize(DESKTOP, 900);

        // and the period with the most nightlies: the actual line against the pace line
        Map<String, Object> nightlies = db.jdbc().queryForMap("SELECT goal_id::text AS goal, period_end FROM "
                + "goal_compliance_snapshots WHERE phase = 'nightly' GROUP BY goal_id, period_end "
                + "ORDER BY count(*) DESC, goal_id LIMIT 1");
        open("/console/goal?id=" + nightlies.get("goal") + "&period_end="
                + ((Timestamp) nightlies.get("period_end")).toInstant());
        assertThat(browser.findElement(By.cssSelector("svg.goal-chart polyline.actual")).getAttribute("points"))
                .contains(" ");
        chromium.screenshot("23-goal-nightlies");
    }

    @Test
    @Order(4)
    void theWebhooksPageShowsTheTablesEndpointsEventsAndAttemptsAndHtmlAsText() {
        // given an endpoint whose URL is HTML, and an event whose delivery to it failed twice (terminal: serve
        // does not try it again), inserted as the delivery worker would have left them
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(db.jdbc());
        Map<String, String> values = Map.of("url", HOOK_URL, "event", HOOK_EVENT, "error", HTML_ERROR,
                "handle", HANDLE);
        WEBHOOK_ROWS.forEach(sql -> named.update(sql, values));

        // when the operator opens Webhooks: the endpoints are the table's, the URL as text, no secret shown
        open("/console/webhooks");
        assertThat(browser.findElements(By.cssSelector("table.endpoints tbody tr")).stream()
                .map(tr -> tr.getAttribute("data-endpoint") + " " + tr.findElement(By.cssSelector(".url")).getText()
                        + " " + tr.findElement(By.cssSelector(".enabled")).getText()).toList())
                .containsExactlyElementsOf(db.jdbc().queryForList("SELECT id || ' ' || url || ' ' || CASE WHEN "
                        + "enabled THEN 'enabled' ELSE 'disabled' END FROM webhook_endpoints ORDER BY created_at, id",
                        String.class));
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("secret");
        // and the events are the table's newest first, the HTML one's delivery failed with its error as text
        assertThat(browser.findElements(By.cssSelector("ul.events > li")).stream()
                .map(li -> li.getAttribute("data-event")).toList()).isNotEmpty().containsExactlyElementsOf(
                        db.jdbc().queryForList("SELECT id FROM webhook_events ORDER BY created_at DESC, id DESC "
                                + "LIMIT 50", String.class));
        WebElement delivery = browser.findElement(By.cssSelector("li[data-event='" + HOOK_EVENT
                + "'] table.deliveries tbody tr"));
        assertThat(List.of(delivery.findElement(By.cssSelector(".url")).getText(),
                delivery.findElement(By.cssSelector(".state")).getText(),
                delivery.findElement(By.cssSelector(".attempts")).getText(),
                delivery.findElement(By.cssSelector(".status")).getText(),
                delivery.findElement(By.cssSelector(".error")).getText())).isEqualTo(db.jdbc().queryForList("""
                        SELECT unnest(ARRAY[e.url, d.state, d.attempts::text, coalesce(d.last_status::text, ''),
                                            d.last_error])
                        FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
                        WHERE d.event_id = ?""", String.class, HOOK_EVENT));
        assertThat(delivery.findElement(By.cssSelector(".url")).getText()).isEqualTo(HOOK_URL);
        assertNoScriptRan();
        chromium.screenshot("24-webhooks");
        chromium.resize(PHONE, 800);
        assertFitsTheWindow();
        chromium.screenshot("24-webhooks-phone");
        chromium.resize(DESKTOP, 900);

        // and filtering by a state no delivery has leaves the HTML event out
        open("/console/webhooks?state=delivered");
        assertThat(browser.findElements(By.cssSelector("li[data-event='" + HOOK_EVENT + "']"))).isEmpty();

        // when the operator opens the event: every attempt is the table's, the payload pretty and as text
        open("/console/webhooks");
        navigateBy(By.cssSelector("li[data-event='" + HOOK_EVENT + "'] a.event"));
        assertThat(text("#event-id")).isEqualTo(HOOK_EVENT);
        assertThat(browser.findElements(By.cssSelector("table.attempts tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()
                        .toString()).toList()).containsExactlyElementsOf(db.jdbc().queryForList("""
                        SELECT '[' || a.attempt || ', ' || to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS"Z"')
                               || ', ' || coalesce(a.status_code::text, '—') || ', ' || a.duration_ms || ', '
                               || coalesce(a.error, '') || ']'
                        FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id
                        WHERE d.event_id = ? ORDER BY a.attempt""", String.class, HOOK_EVENT));
        assertThat(browser.findElement(By.id("payload")).getAttribute("textContent")).isEqualTo(db.jdbc()
                .queryForObject("SELECT jsonb_pretty(payload) FROM webhook_events WHERE id = ?", String.class,
                        HOOK_EVENT)).contains(HANDLE);
        assertNoScriptRan();
        chromium.screenshot("25-webhook-event");
        chromium.resize(PHONE, 800);
        assertFitsTheWindow();
        chromium.screenshot("25-webhook-event-phone");
        chromium.resize(DESKTOP, 900);
    }

    @Test
    @Order(5)
    void anInstantThatIsNotDueIsAPageSayingSoAndSignOutEndsTheSession() {
        open("/console/run?phase=close&as_of=" + failedClose.plusSeconds(420));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("404 Not Found");
        chromium.screenshot("14-not-due");

        navigateBy(By.cssSelector("form.sign-out button"));

        assertThat(browser.getCurrentUrl()).endsWith("/console/sign-in?signed_out");
        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).isEqualTo("You have signed out.");
        chromium.screenshot("15-signed-out");
        open("/console");
        assertThat(browser.getCurrentUrl()).endsWith("/console/sign-in");
    }

    private static void open(String path) {
        browser.get(serve.base() + path);
    }

    private static void signIn(String key) {
        open("/console/sign-in");
        browser.findElement(By.id("key")).sendKeys(key);
        navigateBy(By.cssSelector("form.sign-in button"));
    }

    /** Clicks a link or a form's button and waits until the next page has replaced this one. */
    private static void navigateBy(By what) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(what).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
    }

    private static String value(String css) {
        return browser.findElement(By.cssSelector(css)).getAttribute("value");
    }

    /**
     * GETs the CSV link with the browser's session cookie (a download is a file, not a page): a text/csv
     * attachment whose header row is the export's and whose rows are the view's finals of the range, in its
     * order. The test data has no comma, quote or line break in any field, so a line splits on commas.
     */
    private static void assertCsvIsTheViewsRows(String href, Instant from, Instant to) throws Exception {
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "gc_console=" + browser.manage().getCookieNamed("gc_console").getValue()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment; filename=\"payouts-").endsWith(".csv\""));
        List<String> lines = List.of(csv.body().split("\r\n", -1));
        assertThat(lines.get(0)).isEqualTo(String.join(",", PayoutsController.CSV_HEADER));
        assertThat(lines.get(lines.size() - 1)).as("ends in CRLF").isEmpty();
        List<String> rows = lines.subList(1, lines.size() - 1).stream().map(line -> {
            String[] f = line.split(",", -1);
            return String.join(" ", f[1], f[2], f[4], f[8], f[9], f[10], f[11], f[14]);
        }).toList();
        assertThat(rows).isNotEmpty().containsExactlyElementsOf(db.jdbc().queryForList("""
                SELECT concat_ws(' ', to_char(e.as_of AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), e.goal_id,
                       c.tiktok_handle, e.target, coalesce(e.close_actual::text, ''), e.actual,
                       coalesce((e.actual - e.close_actual)::text, ''), e.eligibility)
                FROM payout_eligibility e LEFT JOIN creators c ON c.id = e.creator_id
                WHERE e.as_of > ? AND e.as_of <= ? ORDER BY e.as_of DESC, e.goal_id DESC
                """, String.class, Timestamp.from(from), Timestamp.from(to)));
        assertThat(rows).anySatisfy(row -> assertThat(row).contains(" " + HANDLE + " "));
    }

    /** The Goal page's table and chart markers are the goal's snapshots of its latest period, in time order. */
    private static void assertChartIsTheLatestPeriod(String goal) {
        List<String> expected = db.jdbc().queryForList("""
                SELECT phase || ' ' || actual FROM goal_compliance_snapshots
                WHERE goal_id = ?::uuid AND period_end = (SELECT max(period_end) FROM goal_compliance_snapshots
                                                          WHERE goal_id = ?::uuid)
                ORDER BY as_of, phase
                """, String.class, goal, goal);
        assertThat(browser.findElements(By.cssSelector("table.points tbody tr")).stream().map(tr -> {
            List<WebElement> cells = tr.findElements(By.tagName("td"));
            return cells.get(0).getText() + " " + cells.get(2).getText().replace(",", "");
        }).toList()).isNotEmpty().containsExactlyElementsOf(expected);
        assertThat(browser.findElements(By.cssSelector("svg.goal-chart .marker circle"))).hasSize(expected.size());
    }

    private static String text(String css) {
        List<WebElement> found = browser.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    private static WebElement cell(String phase, Instant asOf) {
        return browser.findElement(By.cssSelector("a.cell[data-instance='" + phase + "@" + asOf + "']"));
    }

    /** No script element made it into the page, and no alert is open. */
    private static void assertNoScriptRan() {
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    /** Nothing sticks out sideways: the page needs no horizontal scrolling (wide tables scroll in their box). */
    private static void assertFitsTheWindow() {
        assertThat((Boolean) browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("%s fits a window %d px wide", browser.getCurrentUrl(), PHONE).isTrue();
    }

    /** Where the browser is and what it shows, for a failure's message. */
    private static String page() {
        return browser.getCurrentUrl() + "\n" + browser.findElement(By.tagName("body")).getText();
    }

    private static Map<String, Object> lastAction() {
        return db.jdbc().queryForMap("SELECT key_name, action, phase, as_of, outcome FROM admin_actions "
                + "ORDER BY id DESC LIMIT 1");
    }
}
