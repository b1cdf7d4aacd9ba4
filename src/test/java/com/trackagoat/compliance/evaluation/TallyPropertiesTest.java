package com.trackagoat.compliance.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Property tests: the evaluator never overflows silently. Over random videos and scrapes, extreme counters
 * included ({@link ExtremeData}), the actual equals a {@link BigInteger} reference computed from the spec's
 * rules, or the goal is an {@code invalid_data} reject exactly when a counted video has a negative counter or
 * that reference does not fit in 64 bits. Each failure names the seed that reproduces its case.
 */
class TallyPropertiesTest {

    private static final int CASES = 3_000;
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final GoalEvaluator evaluator = new GoalEvaluator(EvaluationSettings.DEFAULTS);

    @Test
    void aSummedMetricIsTheExactSumOrAnInvalidDataReject() {
        for (long seed = 1; seed <= CASES; seed++) {
            // given
            ExtremeData data = new ExtremeData(seed);
            Metric metric = data.summedMetric();
            List<Video> videos = data.videos();
            Instant asOf = data.asOf();
            long target = data.target();
            List<Video> counted = videos.stream()
                    .filter(v -> ExtremeData.WEEK.contains(v.postedAt()) && !v.discoveredAt().isAfter(asOf)).toList();
            List<VideoColumn> columns = VideoColumn.summedBy(metric);
            boolean negative = counted.stream().anyMatch(v -> columns.stream().anyMatch(c -> c.valueOf(v) < 0));
            BigInteger reference = metric == Metric.POSTS ? BigInteger.valueOf(counted.size())
                    : counted.stream().flatMap(v -> columns.stream().map(c -> BigInteger.valueOf(c.valueOf(v))))
                            .reduce(BigInteger.ZERO, BigInteger::add);

            // when
            Outcome outcome = evaluator.settle(new Terms(metric, target, ExtremeData.WEEK),
                    new CreatorActivity(videos, List.of()), asOf);

            // then
            assertFitsOrRejected(outcome, reference, negative, target,
                    "seed " + seed + ": " + metric + " over " + videos + " at " + asOf);
        }
    }

    @Test
    void aWindowsTallyEvaluatesLikeItsVideosWhereItMayStandForThem() {
        int compared = 0;
        for (long seed = 1; seed <= CASES; seed++) {
            // given: the database's tally of the counted videos, taken only when no counter is negative and
            // every column sum fits (else the job lists the videos)
            ExtremeData data = new ExtremeData(seed);
            Metric metric = data.summedMetric();
            List<Video> videos = data.videos();
            Instant asOf = data.asOf();
            List<VideoTally> counted = videos.stream()
                    .filter(v -> ExtremeData.WEEK.contains(v.postedAt()) && !v.discoveredAt().isAfter(asOf))
                    .map(VideoTally::of).toList();
            Optional<VideoTally> tally = sqlTally(counted);
            if (tally.isEmpty()) {
                continue;
            }
            compared++;
            Terms terms = new Terms(metric, data.target(), ExtremeData.WEEK);

            // when
            Outcome fromVideos = evaluator.settle(terms, new CreatorActivity(videos, List.of()), asOf);
            Outcome fromTally = evaluator.settle(terms, new CreatorActivity(tally.get(), List.of()), asOf);

            // then
            assertThat(fromTally).as("seed " + seed + ": " + metric + " over " + videos).isEqualTo(fromVideos);
        }
        assertThat(compared).as("cases where a tally stands for the videos").isGreaterThan(CASES / 10);
    }

    /** The tally as WindowTallies' SQL takes it: empty where a counter is negative or a sum leaves bigint. */
    private static Optional<VideoTally> sqlTally(List<VideoTally> counted) {
        BigInteger[] sums = {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
        for (VideoTally v : counted) {
            long[] values = {v.views(), v.likes(), v.comments(), v.shares()};
            for (int i = 0; i < values.length; i++) {
                if (values[i] < 0) {
                    return Optional.empty();
                }
                sums[i] = sums[i].add(BigInteger.valueOf(values[i]));
            }
        }
        for (BigInteger sum : sums) {
            if (sum.compareTo(LONG_MAX) > 0) {
                return Optional.empty();
            }
        }
        return Optional.of(new VideoTally(counted.size(), sums[0].longValueExact(), sums[1].longValueExact(),
                sums[2].longValueExact(), sums[3].longValueExact()));
    }

    @Test
    void aFollowerGainIsTheExactDifferenceOrAnInvalidDataReject() {
        for (long seed = 1; seed <= CASES; seed++) {
            // given the spec's rule, restated over BigInteger
            ExtremeData data = new ExtremeData(seed);
            List<Scrape> scrapes = data.scrapes();
            Instant asOf = data.asOf();
            long target = data.target();
            List<Scrape> visible = scrapes.stream()
                    .filter(s -> s.succeeded() && s.followers() != null && !s.scrapedAt().isAfter(asOf)).toList();
            Optional<Scrape> current = latestAtOrBefore(visible, ExtremeData.WEEK.end());
            Optional<Scrape> baseline = latestAtOrBefore(visible, ExtremeData.WEEK.start())
                    .or(() -> visible.stream().filter(s -> ExtremeData.WEEK.contains(s.scrapedAt()))
                            .min(Comparator.comparing(Scrape::scrapedAt)));
            BigInteger reference = current.isEmpty() || baseline.isEmpty() ? BigInteger.ZERO
                    : BigInteger.valueOf(current.get().followers())
                            .subtract(BigInteger.valueOf(baseline.get().followers()));

            // when
            Outcome outcome = evaluator.settle(new Terms(Metric.FOLLOWERS, target, ExtremeData.WEEK),
                    new CreatorActivity(List.of(), scrapes), asOf);

            // then
            assertFitsOrRejected(outcome, reference, false, target,
                    "seed " + seed + ": followers of " + scrapes + " at " + asOf);
        }
    }

    @Test
    void percentageIsRoundedHalfUpCappedAtTheIntegerRangeAndZeroWhenNegative() {
        for (long seed = 1; seed <= 10 * CASES; seed++) {
            ExtremeData data = new ExtremeData(seed);
            Long counter = data.counter();
            long actual = counter == null ? 0 : counter;
            long target = data.target();
            assertThat(Pace.percentage(actual, target)).as("seed %d: percentage of %d / %d", seed, actual, target)
                    .isEqualTo(referencePercentage(BigInteger.valueOf(actual), target));
        }
    }

    private static void assertFitsOrRejected(Outcome outcome, BigInteger reference, boolean negative, long target,
                                             String what) {
        boolean overflows = reference.compareTo(LONG_MIN) < 0 || reference.compareTo(LONG_MAX) > 0;
        if (negative || overflows) {
            assertThat(outcome).as("outcome of %s (reference %s)", what, reference)
                    .isInstanceOf(Outcome.Rejected.class);
            Rejection rejection = ((Outcome.Rejected) outcome).rejection();
            assertThat(rejection.reason()).as("reason of %s", what).isEqualTo(RejectReason.INVALID_DATA);
            // a negative counter is named first: the detail points at the video to fix
            assertThat(rejection.detail()).as("detail of %s", what)
                    .contains(negative ? "negative" : "past the 64-bit range");
            return;
        }
        assertThat(outcome).as("outcome of %s (reference %s)", what, reference).isInstanceOf(Outcome.Evaluated.class);
        Evaluation evaluation = ((Outcome.Evaluated) outcome).evaluation();
        assertThat(evaluation.actual()).as("actual of %s", what).isEqualTo(reference.longValueExact());
        assertThat(evaluation.percentage()).as("percentage of %s", what)
                .isEqualTo(referencePercentage(reference, target));
    }

    private static int referencePercentage(BigInteger actual, long target) {
        if (actual.signum() <= 0) {
            return 0;
        }
        BigDecimal percent = new BigDecimal(actual.multiply(BigInteger.valueOf(100)))
                .divide(BigDecimal.valueOf(target), 0, RoundingMode.HALF_UP);
        return percent.min(BigDecimal.valueOf(Integer.MAX_VALUE)).intValueExact();
    }

    private static Optional<Scrape> latestAtOrBefore(List<Scrape> scrapes, Instant instant) {
        return scrapes.stream().filter(s -> !s.scrapedAt().isAfter(instant))
                .max(Comparator.comparing(Scrape::scrapedAt));
    }
}
