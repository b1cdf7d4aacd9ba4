package com.trackagoat.compliance.snapshot.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.trackagoat.compliance.body.AdvisoryView;
import com.trackagoat.compliance.body.ScrapeFreshnessView;
import com.trackagoat.compliance.evaluation.Advisory;
import com.trackagoat.compliance.evaluation.FreshnessBucket;
import com.trackagoat.compliance.evaluation.Phase;
import com.trackagoat.compliance.evaluation.Status;
import com.trackagoat.compliance.snapshot.job.MigrationGoals.GoalCase;
import com.trackagoat.compliance.snapshot.job.OldLayoutRows.Snapshot;
import com.trackagoat.compliance.source.Timestamps;
import com.trackagoat.compliance.support.TableAssert;
import com.trackagoat.compliance.support.TableRows;
import com.trackagoat.compliance.support.TestDatabase;

/**
 * A database built with the migrations up to V12 and filled with the rows the job wrote then (evaluated by the
 * real evaluator, serialised by the old writer's code) migrates in place to the latest version: every relation
 * a reader sees keeps every row and every column, the advisories are rebuilt from the compact columns (except
 * the ones they cannot reproduce, kept as they were) and the rows sit in the month partitions of their phase.
 */
class InPlaceMigrationIT {

    /** The layout before the compact snapshot storage (V13). */
    private static final String BEFORE_COMPACT_STORAGE = "12";

    /** The relations readers depend on (data-contract.md "Results"). */
    private static final List<String> RELATIONS = List.of("goal_compliance_snapshots", "payout_eligibility",
            "goal_compliance_restatements", "payout_adjustments", "goal_compliance_rejects");

    private static final String COLUMN_TYPES = """
            SELECT column_name || ' ' || data_type FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = ?
            ORDER BY ordinal_position
            """;

    private static final String ROWS_PER_PARTITION = """
            SELECT tableoid::regclass::text AS partition, count(*) AS row_count
            FROM goal_compliance_snapshot_rows GROUP BY tableoid
            """;

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("'y'yyyy'm'MM").withZone(ZoneOffset.UTC);

    /** What the never-scraped tooltip said before its second sentence was added. */
    private static final String OLDER_NEVER_SCRAPED = "Stats have never been scraped for this creator.";

    private static TestDatabase database;
    private static OldLayoutRows written;
    private static Snapshot olderWording;
    private static final Map<String, TableRows> before = new LinkedHashMap<>();
    private static final Map<String, List<String>> typesBefore = new LinkedHashMap<>();

    @BeforeAll
    static void migrateADatabaseWithRowsInTheOldLayout() {
        database = TestDatabase.create(InPlaceMigrationIT.class);
        flyway().target(BEFORE_COMPACT_STORAGE).load().migrate();
        written = OldLayoutRows.of(MigrationGoals.all());
        olderWording = written.rewriteAdvisory(firstFinal("kolkata-weekly-engagement"), InPlaceMigrationIT::older);
        written.writeTo(database);
        for (String relation : RELATIONS) {
            before.put(relation, TableRows.readEveryColumn(database, relation));
            typesBefore.put(relation, columnTypes(relation));
        }

        flyway().load().migrate();
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @ParameterizedTest
    @FieldSource("RELATIONS")
    void everyRelationKeepsEveryRowAndEveryColumn(String relation) {
        assertThat(columnTypes(relation)).as(relation + " columns").isEqualTo(typesBefore.get(relation));
        TableAssert.assertThat(TableRows.readEveryColumn(database, relation)).hasSameRowsAs(before.get(relation))
                .hasRowCount(expectedRows(relation));
    }

    @Test
    void onlyTheAdvisoriesTheColumnsCannotRebuildAreKeptAsTheyWere() {
        List<Key> kept = database.jdbc().query("""
                SELECT goal_id, phase, as_of FROM goal_compliance_snapshot_rows
                WHERE advisory_original IS NOT NULL ORDER BY goal_id, phase, as_of
                """, (rs, n) -> new Key(rs.getObject("goal_id", UUID.class), rs.getString("phase"),
                Timestamps.instant(rs, "as_of")));

        // the older wording, and the nightly and the final that read the scrape at the millisecond boundary
        List<Key> expected = new ArrayList<>(List.of(key(olderWording)));
        boundaryRows().forEach(row -> expected.add(key(row)));
        assertThat(boundaryRows()).extracting(Snapshot::phase).containsExactlyInAnyOrder(Phase.NIGHTLY, Phase.FINAL);
        assertThat(kept).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void rowsAreInTheMonthPartitionsOfTheirPhase() {
        Map<String, Long> expected = written.snapshots().stream().collect(Collectors.groupingBy(
                s -> partition(s.phase(), s.asOf()), TreeMap::new, Collectors.counting()));
        Map<String, Long> actual = new TreeMap<>();
        database.jdbc().query(ROWS_PER_PARTITION,
                rs -> { actual.put(rs.getString("partition"), rs.getLong("row_count")); });

        assertThat(actual).isEqualTo(expected);
        assertThat(expected.keySet()).as("partitions").hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void eachGoalsTermsAreStoredOnceAndAnEditedGoalHasTwo() {
        long distinctTerms = written.snapshots().stream()
                .map(s -> List.of(s.goal().goalId(), s.evaluation().terms().target(), s.period()))
                .distinct().count();

        assertThat(database.jdbc().queryForObject("SELECT count(*) FROM goal_compliance_goal_terms", Long.class))
                .isEqualTo(distinctTerms);
        assertThat(database.jdbc().queryForList("""
                SELECT goal_id FROM goal_compliance_goal_terms GROUP BY goal_id HAVING count(*) > 1
                """, UUID.class)).containsExactly(goal("kolkata-weekly-views-edited").goalId());
    }

    /** The rows cover what the migration must carry; otherwise the comparisons above prove less than they say. */
    @Test
    void theOldRowsCoverEveryKindOfSnapshot() {
        List<Snapshot> rows = written.snapshots();
        List<Advisory> advisories = rows.stream().map(s -> s.evaluation().advisory()).toList();

        assertThat(rows).extracting(Snapshot::phase).contains(Phase.NIGHTLY, Phase.CLOSE, Phase.FINAL);
        assertThat(rows).extracting(s -> s.evaluation().status()).contains(Status.values());
        assertThat(advisories).extracting(a -> a.scrapeFreshness() == null ? FreshnessBucket.FRESH
                : a.scrapeFreshness().bucket()).contains(FreshnessBucket.values());
        assertThat(advisories).anyMatch(Advisory::periodInProgress).anyMatch(Advisory::periodRecentlyEnded)
                .anyMatch(a -> !a.periodInProgress() && !a.periodRecentlyEnded()).anyMatch(Advisory::notYetStarted);
        assertThat(rows).filteredOn(s -> s.phase() == Phase.FINAL).allMatch(s -> s.closeStatus() != null)
                .extracting(s -> MONTH.format(s.asOf())).hasSizeGreaterThan(10).contains("y2026m03", "y2026m04");
        assertThat(rows).extracting(s -> s.asOf().atOffset(ZoneOffset.UTC).getMinute()).contains(0, 15, 30);
        assertThat(rows).extracting(s -> s.asOf().atOffset(ZoneOffset.UTC).getHour()).contains(5, 6);
        assertThat(rows).extracting(Snapshot::period).contains("daily", "weekly", "monthly");
        assertThat(written.restatements()).extracting(r -> r.restated().eligibility() != r.settled().eligibility())
                .contains(true, false);
        assertThat(written.rejects()).extracting(OldLayoutRows.Reject::phase)
                .contains(Phase.NIGHTLY, Phase.CLOSE, Phase.RESTATEMENT);
    }

    private static FluentConfiguration flyway() {
        // the application's locations (SystemConfiguration), the reference source tables included
        return Flyway.configure().dataSource(database.url(), "postgres", "")
                .locations("classpath:db/job", "classpath:db/source");
    }

    private static List<String> columnTypes(String relation) {
        return database.jdbc().queryForList(COLUMN_TYPES, String.class, relation);
    }

    private static int expectedRows(String relation) {
        return switch (relation) {
            case "goal_compliance_snapshots" -> written.snapshots().size();
            case "payout_eligibility" -> (int) written.snapshots().stream()
                    .filter(s -> s.phase() == Phase.FINAL).count();
            case "goal_compliance_restatements" -> written.restatements().size();
            case "payout_adjustments" -> (int) written.restatements().stream()
                    .filter(r -> r.restated().eligibility() != r.settled().eligibility()).count();
            case "goal_compliance_rejects" -> written.rejects().size();
            default -> throw new IllegalArgumentException(relation);
        };
    }

    private static GoalCase goal(String name) {
        return MigrationGoals.all().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    private static Snapshot firstFinal(String goal) {
        return written.snapshots().stream()
                .filter(s -> s.goal().name().equals(goal) && s.phase() == Phase.FINAL)
                .findFirst().orElseThrow();
    }

    private static List<Snapshot> boundaryRows() {
        return written.snapshots().stream()
                .filter(s -> s.goal().name().equals("chicago-weekly-posts-boundary")
                        && s.asOf().equals(MigrationGoals.BOUNDARY_AS_OF))
                .toList();
    }

    /** The advisory as the older wording printed it: the never-scraped message without its second sentence. */
    private static AdvisoryView older(AdvisoryView v) {
        ScrapeFreshnessView f = v.scrapeFreshness();
        assertThat(f.bucket()).isEqualTo(FreshnessBucket.NEVER);
        List<String> messages = new ArrayList<>(v.messages());
        messages.replaceAll(m -> m.equals(f.tooltip()) ? OLDER_NEVER_SCRAPED : m);
        return new AdvisoryView(v.periodInProgress(), v.periodRecentlyEnded(), v.scrapeStale(), v.notYetStarted(),
                v.hasAdvisory(), v.periodStart(), v.periodEnd(), v.hoursUntilPeriodEnd(), v.hoursSincePeriodEnd(),
                new ScrapeFreshnessView(f.bucket(), f.lastScrapedAt(), f.ageHours(), OLDER_NEVER_SCRAPED),
                v.goalStartDate(), messages);
    }

    private static Key key(Snapshot s) {
        return new Key(s.goal().goalId(), s.phase().code(), s.asOf());
    }

    /** A snapshot's key (data-contract.md "Results"). */
    private record Key(UUID goalId, String phase, Instant asOf) {
    }

    private static String partition(Phase phase, Instant asOf) {
        return "goal_compliance_" + (phase == Phase.NIGHTLY ? "nightly" : "settled") + "_rows_" + MONTH.format(asOf);
    }
}
