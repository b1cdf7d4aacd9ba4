package com.trackagoat.compliance.console;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.trackagoat.compliance.api.ApiException;
import com.trackagoat.compliance.api.PageCursor;
import com.trackagoat.compliance.api.QueryParameters;
import com.trackagoat.compliance.snapshot.runs.RunHistory;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Payouts page: for every final in a range (the look-back by default) the period end it settles and its
 * goals by eligibility ({@code payout_eligibility}); the needs-review queue (missed, with stale stats at the
 * final) with the creator's handle, how stale the scrape was and the change since close; and the same rows,
 * all eligibilities, as a CSV file ({@link Csv}) streamed a keyset page at a time.
 */
@Hidden
@Controller
class PayoutsController {

    static final String PATH = "/console/payouts";
    static final String CSV = "/console/payouts.csv";
    static final List<String> ELIGIBILITIES = List.of("eligible", "needs_review", "ineligible");
    static final List<String> CSV_HEADER = List.of("period_end", "final_as_of", "goal_id", "creator_id",
            "creator_handle", "organization", "metric", "period", "target", "close_actual", "actual",
            "change_since_close", "close_status", "status", "eligibility", "scrape_bucket", "scrape_age_hours",
            "last_scraped_at");
    private static final int CSV_PAGE = 1000;

    private final PayoutsRepository payouts;
    private final RunHistory history;
    private final Clock clock;

    PayoutsController(PayoutsRepository payouts, RunHistory history, Clock clock) {
        this.payouts = payouts;
        this.history = history;
        this.clock = clock;
    }

    record FinalLine(String shown, String periodEnd, String asOf, long eligible, long needsReview, long ineligible,
                     String queueHref, String csvHref) {
    }

    record ReviewLine(String goalId, String goalHref, String handle, String org, String metric, String period,
                      String periodEnd, String target, String closeActual, String actual, String change,
                      String changeClass, String bucket, String age, String lastScraped) {
    }

    @GetMapping(PATH)
    String payouts(@RequestParam(name = "from", required = false) String from,
                   @RequestParam(name = "to", required = false) String to,
                   @RequestParam(name = "final", required = false) String finalAt,
                   @RequestParam(name = "after", required = false) String after,
                   @RequestParam(name = "limit", required = false) String limit,
                   HttpServletRequest request, Model model) {
        QueryParameters.check(request, "from", "to", "final", "after", "limit");
        Instant now = clock.instant();
        ConsoleRange range = ConsoleRange.of(from, to, now, history);
        Optional<Instant> finalInstant = QueryParameters.instant("final", ConsoleRange.blankIsAbsent(finalAt));
        PayoutsRepository.Filter filter = new PayoutsRepository.Filter(range.from(), range.to(), finalInstant,
                Optional.of("needs_review"));
        int rows = QueryParameters.limit("limit", ConsoleRange.blankIsAbsent(limit));
        List<PayoutsRepository.Payout> page = payouts.page(filter, PageCursor.decode("after",
                ConsoleRange.blankIsAbsent(after)), rows + 1);

        range.addTo(model, now);
        model.addAttribute("finalAt", finalInstant.map(Show::instant).orElse(null));
        model.addAttribute("finals", payouts.counts(range.from(), range.to()).stream().map(c -> new FinalLine(
                Show.instant(c.asOf()), Show.instant(c.periodEnd()), c.asOf().toString(), c.eligible(),
                c.needsReview(), c.ineligible(), Links.to(PATH, "from", range.from(), "to", range.to(), "final",
                        c.asOf()), Links.to(CSV, "from", range.from(), "to", range.to(), "final", c.asOf())))
                .toList());
        model.addAttribute("queue", page.stream().limit(rows).map(PayoutsController::review).toList());
        model.addAttribute("csvHref", Links.to(CSV, "from", range.from(), "to", range.to(), "final",
                finalInstant.orElse(null)));
        model.addAttribute("allHref", Links.to(PATH, "from", range.from(), "to", range.to()));
        model.addAttribute("paged", after != null && !after.isBlank());
        model.addAttribute("firstHref", Links.to(PATH, "from", range.from(), "to", range.to(), "final",
                finalInstant.orElse(null), "limit", limit));
        model.addAttribute("nextHref", page.size() <= rows ? null : Links.to(PATH, "from", range.from(), "to",
                range.to(), "final", finalInstant.orElse(null), "limit", limit, "after",
                page.get(rows - 1).cursor().encode()));
        return "console/payouts";
    }

    @GetMapping(CSV)
    void csv(@RequestParam(name = "from", required = false) String from,
             @RequestParam(name = "to", required = false) String to,
             @RequestParam(name = "final", required = false) String finalAt,
             @RequestParam(name = "eligibility", required = false) String eligibility,
             HttpServletRequest request, HttpServletResponse response) throws IOException {
        QueryParameters.check(request, "from", "to", "final", "eligibility");
        ConsoleRange range = ConsoleRange.of(from, to, clock.instant(), history);
        Optional<Instant> finalInstant = QueryParameters.instant("final", ConsoleRange.blankIsAbsent(finalAt));
        PayoutsRepository.Filter filter = new PayoutsRepository.Filter(range.from(), range.to(), finalInstant,
                eligibility(ConsoleRange.blankIsAbsent(eligibility)));
        response.setContentType("text/csv;charset=UTF-8;header=present");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(
                "payouts-" + finalInstant.map(Instant::toString).orElse(range.from() + "-" + range.to())
                        .replace(":", "") + ".csv").build().toString());
        Writer out = response.getWriter();
        out.write(Csv.line(CSV_HEADER));
        Optional<PageCursor> after = Optional.empty();
        List<PayoutsRepository.Payout> page;
        do {
            page = payouts.page(filter, after, CSV_PAGE);
            for (PayoutsRepository.Payout p : page) {
                out.write(Csv.line(Arrays.asList(p.periodEnd().toString(), p.asOf().toString(), p.goalId().toString(),
                        p.creatorId().toString(), p.creatorHandle(), p.orgName(), p.metric(), p.period(), p.target(),
                        p.closeActual(), p.actual(), p.changeSinceClose(), p.closeStatus(), p.status(),
                        p.eligibility(), p.scrapeBucket(), p.scrapeAgeHours(), p.lastScrapedAt())));
            }
            after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1).cursor());
        } while (page.size() == CSV_PAGE);
        out.flush();
    }

    private static ReviewLine review(PayoutsRepository.Payout p) {
        Long change = p.changeSinceClose();
        return new ReviewLine(p.goalId().toString(), Links.goal(p.goalId()),
                p.creatorHandle() == null ? "" : p.creatorHandle(), p.orgName() == null ? "" : p.orgName(),
                p.metric(), p.period(), Show.instant(p.periodEnd()), Show.count(p.target()),
                p.closeActual() == null ? "" : Show.count(p.closeActual()), Show.count(p.actual()),
                change == null ? "" : (change > 0 ? "+" : "") + Show.count(change),
                change == null || change == 0 ? "" : change > 0 ? "up" : "down",
                p.scrapeBucket() == null ? "" : p.scrapeBucket().replace('_', ' '),
                p.scrapeAgeHours() == null ? "never scraped" : p.scrapeAgeHours().toPlainString() + " h",
                p.lastScrapedAt() == null ? "" : Show.time(Instant.parse(p.lastScrapedAt())));
    }

    private static Optional<String> eligibility(String value) {
        if (value != null && !ELIGIBILITIES.contains(value)) {
            throw ApiException.badParameter("eligibility", "must be one of " + String.join(", ", ELIGIBILITIES)
                    + ", not '" + value + "'");
        }
        return Optional.ofNullable(value);
    }
}
