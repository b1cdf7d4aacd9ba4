#!/usr/bin/env bash
# Storage and history at size (bench/README.md "Storage and history at size").
#
#   bench/storage.sh [GOALS]      default 200000 goals for the bytes per row
#
# 1. Bytes on disk per snapshot row: on a fresh database (bench/dataset.sql), the close, nightly and final
#    jobs run as users run them; before and after each (after CHECKPOINT) the database, the rows' partitions
#    (heap and indexes) and the goals' terms are measured and divided by the rows the job wrote. OLD_JAR (a
#    jar of the old layout, e.g. built at a1e74a9) measures the same for it on a database of its own.
# 2. History at size: a database of HISTORY_GOALS goals in 50 projects (bench/history-setup.sql) gets
#    snapshot rows straight in SQL (bench/history-rows.sql): STAGE_DAYS days (about 1 M rows), then up to
#    HISTORY_DAYS (about 10 M). At each size `serve` answers REQUESTS timed requests (curl, after WARMUP) of
#    the history and payout endpoints (1,000-row pages, following next_cursor) and of the console's Payouts
#    and Goal pages; then the repositories' own SQL (read from src/main/java) is run in psql with
#    EXPLAIN (ANALYZE, BUFFERS), as custom plans and as generic ones (plan_cache_mode = force_generic_plan,
#    what JDBC's server-side statements may switch to after 5 executions). Plans: target/bench/explain-*.txt.
#
# Environment: ONLY (bytes | history; default both), OLD_JAR, HISTORY_GOALS (72000), HISTORY_DAYS (100),
# STAGE_DAYS (10), REQUESTS (60), WARMUP (20), PAGES (20: pages per project before the next), PORT (18470)
# and MGMT_PORT (18471) for serve, BENCH_DB (gc_storage; also names _old and _history), PGHOST/PGPORT/PGUSER
# (127.0.0.1/5432/postgres), JAVA_OPTS (-Xmx512m). HISTORY_REUSE=true measures the kept history database
# as it is (no generation); HISTORY_SQL is a file run on it first (e.g. a candidate fix). Not run by CI.
set -euo pipefail
cd "$(dirname "$0")/.."

GOALS=${1:-200000}
ONLY=${ONLY:-all}
OLD_JAR=${OLD_JAR:-}
HISTORY_GOALS=${HISTORY_GOALS:-72000}
HISTORY_DAYS=${HISTORY_DAYS:-100}
STAGE_DAYS=${STAGE_DAYS:-10}
REQUESTS=${REQUESTS:-60}
WARMUP=${WARMUP:-20}
PAGES=${PAGES:-20}
HISTORY_REUSE=${HISTORY_REUSE:-false}
HISTORY_SQL=${HISTORY_SQL:-}
PORT=${PORT:-18470}
MGMT_PORT=${MGMT_PORT:-18471}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
MAIN_DB=${BENCH_DB:-gc_storage}
JAR=target/goal-compliance.jar
LOGS=target/bench
CLOSE_AT=2026-06-01T05:00:00Z
NIGHTLY_AT=2026-06-02T05:00:00Z
FINAL_AT=2026-06-03T05:00:00Z
SECOND_NIGHTLY_AT=2026-06-04T05:00:00Z

[ -f "$JAR" ] || ./mvnw -q -DskipTests package
mkdir -p "$LOGS"
use_db() { DB=$1; URL="jdbc:postgresql://${PGHOST}:${PGPORT}/$1"; }
psql_q() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
value() { psql -X -A -t -v ON_ERROR_STOP=1 -d "$DB" -c "$1"; }
now() { date +%s.%N; }
fresh_db() { use_db "$1"; dropdb --if-exists "$DB"; createdb "$DB"; }
migrate() { java -jar "$1" migrate --spring.datasource.url="$URL" >"$LOGS/storage-migrate-$DB.log" 2>&1; }

# --- 1. bytes per row ---------------------------------------------------------------------------------

# sizes: database, rows heap, rows indexes, terms heap, terms indexes, terms rows (bytes; heap with TOAST and
# maps). The rows are every leaf partition of goal_compliance_snapshot_rows, or the old layout's table.
sizes() {
  local terms=0
  psql_q -c "CHECKPOINT"
  [ "$(value "SELECT to_regclass('goal_compliance_goal_terms') IS NULL")" = t ] \
    || terms=$(value "SELECT count(*) FROM goal_compliance_goal_terms")
  value "WITH r AS (SELECT relid FROM pg_partition_tree(to_regclass('goal_compliance_snapshot_rows')) WHERE isleaf
                    UNION ALL SELECT oid FROM pg_class WHERE relname = 'goal_compliance_snapshots' AND relkind = 'r')
         SELECT concat_ws(' ', pg_database_size(current_database()),
                (SELECT coalesce(sum(pg_table_size(relid)), 0) FROM r),
                (SELECT coalesce(sum(pg_indexes_size(relid)), 0) FROM r),
                coalesce(pg_table_size(to_regclass('goal_compliance_goal_terms')), 0),
                coalesce(pg_indexes_size(to_regclass('goal_compliance_goal_terms')), 0), $terms)"
}

BYTES_ROWS=() INDEX_ROWS=()
# bytes_phase PHASE AS_OF: runs the job and adds its line (the deltas of sizes() over the rows it wrote).
bytes_phase() {
  local phase=$1 as_of=$2 before after rows
  read -r -a before <<<"$(sizes)"
  if ! java $JAVA_OPTS -jar "$BYTES_JAR" run --phase="$phase" --as-of="$as_of" --spring.datasource.url="$URL" \
      >"$LOGS/storage-$DB-$phase.log" 2>&1; then
    echo "the $phase job failed; see $LOGS/storage-$DB-$phase.log" >&2
    exit 1
  fi
  read -r -a after <<<"$(sizes)"
  rows=$(value "SELECT count(*) FROM goal_compliance_snapshots WHERE phase = '$phase' AND as_of = '$as_of'")
  local db=$((after[0] - before[0])) heap=$((after[1] - before[1])) idx=$((after[2] - before[2]))
  local terms=$((after[3] + after[4] - before[3] - before[4])) goals=$((after[5] - before[5]))
  BYTES_ROWS+=("$(printf '%-10s %-8s %8s %11s %7s %11s %11s %7s %7s %11s %8s' "$LAYOUT" "$phase" "$rows" \
    "$db" "$((db / rows))" "$heap" "$idx" "$(((heap + idx) / rows))" "$goals" "$terms" \
    "$([ "$goals" = 0 ] && echo - || echo $((terms / goals)))")")
}

# bytes_layout LABEL JAR DB: a fresh dataset migrated by JAR, then the three jobs.
bytes_layout() {
  LAYOUT=$1 BYTES_JAR=$2
  fresh_db "$3"
  migrate "$BYTES_JAR"
  psql_q -v goals="$GOALS" -f bench/dataset.sql
  psql_q -c "VACUUM ANALYZE"
  bytes_phase close "$CLOSE_AT"
  bytes_phase nightly "$NIGHTLY_AT"
  bytes_phase final "$FINAL_AT"
  bytes_phase nightly "$SECOND_NIGHTLY_AT" # the month's second night: what every later night costs
  INDEX_ROWS+=("$(value "SELECT string_agg(format('%s %s B/row', kind, round(bytes::numeric / rows)), ', ' ORDER BY kind)
    FROM (SELECT regexp_replace(i.indexrelid::regclass::text, '^goal_compliance_(nightly|settled)_rows_y[0-9]{4}m[0-9]{2}_',
                                '') AS kind, sum(pg_relation_size(i.indexrelid)) AS bytes
          FROM pg_index i
          WHERE i.indrelid IN (SELECT relid FROM pg_partition_tree(to_regclass('goal_compliance_snapshot_rows')) WHERE isleaf
                               UNION ALL SELECT oid FROM pg_class WHERE relname = 'goal_compliance_snapshots' AND relkind = 'r')
          GROUP BY 1) k, (SELECT count(*) AS rows FROM goal_compliance_snapshots) n")")
  dropdb "$DB"
}

if [ "$ONLY" != history ]; then
  echo "== bytes per snapshot row: $GOALS goals (bench/dataset.sql), sizes after CHECKPOINT"
  bytes_layout new "$JAR" "$MAIN_DB"
  [ -z "$OLD_JAR" ] || bytes_layout old "$OLD_JAR" "${MAIN_DB}_old"
  echo
  printf '%-10s %-8s %8s %11s %7s %11s %11s %7s %7s %11s %8s\n' layout phase rows "db bytes" "db B/row" \
    "rows heap" "rows index" "B/row" "terms" "terms bytes" "B/goal"
  printf '%s\n' "${BYTES_ROWS[@]}"
  echo "rows indexes after the three jobs, per row: new: ${INDEX_ROWS[0]}${INDEX_ROWS[1]:+; old: ${INDEX_ROWS[1]}}"
  echo "(db: pg_database_size; rows heap/index: the snapshot rows' partitions (old: the table) with TOAST, FSM,"
  echo " VM / their indexes; B/row: (heap + index) / rows; terms: goal_compliance_goal_terms rows and bytes added)"
fi
[ "$ONLY" != bytes ] || exit 0

# --- 2. and 3. history at size ------------------------------------------------------------------------

if [ "$HISTORY_REUSE" = true ]; then
  use_db "${MAIN_DB}_history"
else
  fresh_db "${MAIN_DB}_history"
  migrate "$JAR"
  psql_q -v goals="$HISTORY_GOALS" -f bench/history-setup.sql
fi
[ -z "$HISTORY_SQL" ] || psql_q -f "$HISTORY_SQL"
KEY=$(java -jar "$JAR" api-key create --admin --name=storage-bench --spring.datasource.url="$URL" 2>&1 \
  | grep -o 'tga_[A-Za-z0-9_-]*' | head -1)
[ -n "$KEY" ] || { echo "no admin key was printed" >&2; exit 1; }
mapfile -t PROJECTS < <(value "SELECT id FROM projects ORDER BY name")
BASE="http://127.0.0.1:$PORT"

java $JAVA_OPTS -jar "$JAR" serve --spring.datasource.url="$URL" --server.port="$PORT" \
  --management.server.port="$MGMT_PORT" --goal-compliance.catch-up.look-back=1h >"$LOGS/storage-serve.log" 2>&1 &
SERVE=$!
trap 'kill "$SERVE" 2>/dev/null || true' EXIT
until curl -s -o /dev/null -f "$BASE/v3/api-docs"; do
  kill -0 "$SERVE" 2>/dev/null || { echo "serve ended; see $LOGS/storage-serve.log" >&2; exit 1; }
  sleep 1
done
COOKIES=$LOGS/storage-cookies.txt
# the console's sign-in: the form's CSRF token (and its cookie), then the key
CSRF=$(curl -s -c "$COOKIES" "$BASE/console/sign-in" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -s -o /dev/null -b "$COOKIES" -c "$COOKIES" --data-urlencode "key=$KEY" --data-urlencode "_csrf=$CSRF" \
  "$BASE/console/sign-in"

BODY=$LOGS/storage-body.txt
TIMES=()
# get URL [COOKIE]: one timed request (ms into LAST_MS); exits unless 200.
get() {
  local out
  if [ "${2:-}" = console ]; then out=$(curl -s -o "$BODY" -b "$COOKIES" -w '%{http_code} %{time_total}' "$1")
  else out=$(curl -s -o "$BODY" -H "Authorization: Bearer $KEY" -w '%{http_code} %{time_total}' "$1"); fi
  [ "${out%% *}" = 200 ] || { echo "GET $1: HTTP ${out%% *}" >&2; head -c 400 "$BODY" >&2; exit 1; }
  LAST_MS=$(echo "${out#* } * 1000" | bc)
}
# walk N PATH QUERY [FIRST]: N requests of /api/v1/projects/{p}/PATH?QUERY, following meta.next_cursor up to
# PAGES pages a project, projects in turn from number FIRST; times into TIMES, rows into WALK_ROWS.
walk() {
  local n=$1 path=$2 query=$3 p=${4:-0} cursor="" pages=0 i
  TIMES=() WALK_ROWS=0
  for ((i = 0; i < n; i++)); do
    get "$BASE/api/v1/projects/${PROJECTS[$p]}/$path?$query${cursor:+&cursor=$cursor}"
    TIMES+=("$LAST_MS")
    WALK_ROWS=$((WALK_ROWS + $(jq '.data | length' "$BODY")))
    cursor=$(jq -r '.meta.next_cursor // empty' "$BODY")
    pages=$((pages + 1))
    if [ -z "$cursor" ] || [ "$pages" -ge "$PAGES" ]; then p=$(((p + 1) % ${#PROJECTS[@]})) cursor="" pages=0; fi
  done
}
# each N AUTH URL...: N requests of the URLs in turn (AUTH: key or console); rows of the API's pages.
each() {
  local n=$1 auth=$2 i
  shift 2
  local urls=("$@")
  TIMES=() WALK_ROWS=0
  for ((i = 0; i < n; i++)); do
    get "${urls[$((i % ${#urls[@]}))]}" "$auth"
    TIMES+=("$LAST_MS")
    [ "$auth" = console ] || WALK_ROWS=$((WALK_ROWS + $(jq '.data | length' "$BODY")))
  done
}
percentile() { printf '%s\n' "${TIMES[@]}" | sort -n | awk -v q="$1" '{v[NR] = $1} END {i = int(NR * q + 0.999); if (i < 1) i = 1; printf "%.1f", v[i]}'; }
HTTP_ROWS=()
http_row() { HTTP_ROWS+=("$(printf '%-7s %-44s %8s %8s %8s %8s' "$STAGE" "$1" "${#TIMES[@]}" "$WALK_ROWS" \
  "$(percentile 0.5)" "$(percentile 0.95)")"); echo "  ${HTTP_ROWS[-1]}"; }

# The repositories' SQL, as the code builds it: the constants CONST... of FILE (text blocks `NAME = """ … """;`
# or string literals joined by +) in that order, every :param replaced by $1, $2, … in order of first use,
# as PREPARE NAME. Prints the parameters' names on stderr.
prepared() {
  perl -e '
    my ($file, $name, @consts) = @ARGV; open my $f, "<", $file or die; local $/; my $src = <$f>; my $sql = "";
    for my $c (@consts) {
      if ($src =~ /\b\Q$c\E = """\n(.*?)"""/s) { $sql .= $1; next; }
      $src =~ /\b\Q$c\E = ((?:"(?:[^"\\]|\\.)*"\s*\+?\s*)+);/s or die "no $c in $file";
      my $lits = $1; while ($lits =~ /"((?:[^"\\]|\\.)*)"/g) { (my $l = $1) =~ s/\\n/\n/g; $l =~ s/\\"/"/g; $sql .= $l; }
    }
    my %n; my @order;
    $sql =~ s/(?<![:\w]):(\w+)/exists $n{$1} ? "\$$n{$1}" : do { push @order, $1; $n{$1} = @order; "\$$n{$1}" }/ge;
    print STDERR join(",", @order), "\n"; print "PREPARE $name AS\n$sql;\n";' "$@"
}
SRC=src/main/java/com/trackagoat/compliance
# query NAME FILE PARAMS CONST...: checks the statement still takes PARAMS (comma-separated, in order).
query() {
  local name=$1 file=$2 want=$3 params
  shift 3
  params=$(prepared "$SRC/$file" "$name" "$@" 2>&1 >"$LOGS/storage-$name.sql")
  [ "$params" = "$want" ] || { echo "$file $* now takes ($params), not ($want): update bench/storage.sh" >&2; exit 1; }
}
H=api/history/HistoryRepository.java P=api/payout/PayoutRepository.java C=console/PayoutsRepository.java
query history $H project,rows COLUMNS FROM_PROJECT ORDER
query history_after $H project,afterAsOf,afterGoal,afterPhase,rows COLUMNS FROM_PROJECT AFTER ORDER
query history_goal $H goal,project,rows COLUMNS FROM_GOAL ORDER
query payouts $P project,rows SELECT ORDER
query payouts_after $P project,afterAsOf,afterGoal,rows SELECT AFTER ORDER
query console_payouts $C from,to,eligibility,rows PAGE_SELECT ELIGIBILITY PAGE_END
query console_payouts_after $C from,to,eligibility,afterAsOf,afterGoal,rows PAGE_SELECT ELIGIBILITY AFTER PAGE_END
query console_counts $C from,to COUNTS
query console_periods console/GoalRepository.java goal,rows PERIODS
query console_snapshots console/GoalRepository.java goal,periodEnd SNAPSHOTS

PLAN_ROWS=()
# explain LABEL QUERY ARGS: EXPLAIN (ANALYZE, BUFFERS) of EXECUTE QUERY(ARGS), custom plan then generic
# plan; the plans go to target/bench/explain-STAGE-LABEL-MODE.txt, a line each to the table.
explain() {
  local label=$1 q=$2 args=$3 mode file
  for mode in custom generic; do
    file="$LOGS/explain-$STAGE-$label-$mode.txt"
    { echo "SET plan_cache_mode = force_${mode}_plan;"; cat "$LOGS/storage-$q.sql"
      echo "EXECUTE $q($args);"  # once before: the cache as a running server has it
      echo "EXPLAIN (ANALYZE, BUFFERS) EXECUTE $q($args);"; } | psql -X -q -v ON_ERROR_STOP=1 -d "$DB" >"$file"
    # the top node's buffers; the rows partitions scanned (executed, not pruned) and through which access
    local buffers ms scans seq
    buffers=$(grep -m1 -o 'Buffers: shared [^ ]*\( [a-z]*=[0-9]*\)*' "$file" | sed 's/Buffers: shared //')
    ms=$(grep -o 'Execution Time: [0-9.]*' "$file" | awk '{printf "%.1f", $3}')
    scans=$(grep -E 'Scan.* on goal_compliance_(nightly|settled)_rows_y[0-9]{4}m[0-9]{2} ' "$file" \
      | grep -vc 'never executed' || true)
    seq=$(grep -E 'Seq Scan on goal_compliance_(nightly|settled)_rows_y[0-9]{4}m[0-9]{2} ' "$file" \
      | grep -vc 'never executed' || true)
    PLAN_ROWS+=("$(printf '%-7s %-30s %-8s %9s %6s %5s  %s' "$STAGE" "$label" "$mode" "$ms" "$scans" "$seq" "$buffers")")
    echo "  ${PLAN_ROWS[-1]}"
  done
}

# measure: the HTTP timings and the plans at the database's current size.
measure() {
  local rows last first mid week_from week_to goal period_end
  rows=$(value "SELECT count(*) FROM goal_compliance_snapshot_rows")
  STAGE="$(printf %.1f "$(echo "scale=3; $rows / 1000000" | bc)")M"
  last=$(value "SELECT to_char(max(as_of) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM goal_compliance_snapshot_rows")
  first=$(value "SELECT to_char(min(as_of) AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM goal_compliance_snapshot_rows")
  # the reference date of the as_of 3 days before the last (a snapshot ends the day before its midnight)
  mid=$(value "SELECT to_char(timestamptz '$last' - interval '4 days', 'YYYY-MM-DD')")
  echo "== $STAGE rows ($rows) in $(value "SELECT count(*) FROM pg_partition_tree('goal_compliance_snapshot_rows') WHERE isleaf") partitions, $first to ${last%T*}"

  walk "$WARMUP" goal-compliance/history "limit=1000" 40 # the JVM's warm-up and the connections' plans
  walk "$WARMUP" payout-eligibility "limit=1000" 40
  walk "$REQUESTS" goal-compliance/history "limit=1000"
  http_row "history, limit=1000, from the start"
  walk "$REQUESTS" goal-compliance/history "limit=1000&from=$mid" 10
  http_row "history, limit=1000, from=$mid"
  mapfile -t URLS < <(value "SELECT '$BASE/api/v1/projects/' || project_id || '/goal-compliance/history?limit=1000&goal_id='
                                    || goal_id FROM goal_compliance_goal_terms WHERE id % 1000 = 1 ORDER BY id")
  each "$REQUESTS" key "${URLS[@]}"
  http_row "history, limit=1000, one goal"
  walk "$REQUESTS" payout-eligibility "limit=1000"
  http_row "payout-eligibility, limit=1000"
  week_to=$last
  week_from=$(value "SELECT to_char((timestamptz '$last' - interval '7 days') AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")
  each "$REQUESTS" console "$BASE/console/payouts?from=$week_from&to=$week_to&limit=1000"
  http_row "console payouts, 7 days, limit=1000"
  mapfile -t URLS < <(value "SELECT '$BASE/console/goal?id=' || goal_id FROM goal_compliance_goal_terms
                             WHERE id % 1000 = 1 ORDER BY id")
  each "$REQUESTS" console "${URLS[@]}"
  http_row "console goal page"

  # the plans: a first page, a page 3 days before the end (by cursor), and the console's reads
  local p0="'${PROJECTS[0]}'" after="'$(value "SELECT timestamptz '$last' - interval '3 days'")'"
  goal=$(value "SELECT goal_id FROM goal_compliance_goal_terms WHERE project_id = ${p0} ORDER BY id LIMIT 1")
  period_end=$(value "SELECT max(period_end) FROM goal_compliance_snapshots WHERE goal_id = '$goal'")
  local zero="'00000000-0000-0000-0000-000000000000'" max="'ffffffff-ffff-ffff-ffff-ffffffffffff'"
  explain "history first page" history "$p0, 1001"
  explain "history page by cursor" history_after "$p0, $after, $zero, 'close', 1001"
  explain "history one goal" history_goal "'$goal', $p0, 1001"
  explain "payouts first page" payouts "$p0, 1001"
  explain "payouts page by cursor" payouts_after "$p0, $after, $zero, 1001"
  explain "console payouts page" console_payouts "'$week_from', '$week_to', 'needs_review', 1001"
  explain "console payouts by cursor" console_payouts_after "'$week_from', '$week_to', 'needs_review', $after, $max, 1001"
  explain "console payouts counts" console_counts "'$week_from', '$week_to'"
  explain "console goal periods" console_periods "'$goal', 24"
  explain "console goal snapshots" console_snapshots "'$goal', '$period_end'"
}

# generate DAY_TO: rows for the days up to DAY_TO, then VACUUM ANALYZE (as autovacuum would have).
GENERATED=0
generate() {
  local t0
  t0=$(now)
  psql_q -v day_from="$GENERATED" -v day_to="$1" -f bench/history-rows.sql >/dev/null
  psql_q -c "VACUUM ANALYZE"
  psql_q -c "CHECKPOINT"
  echo "generated days $GENERATED to $1 in $(printf %.0f "$(echo "$(now) - $t0" | bc)") s"
  GENERATED=$1
}
if [ "$HISTORY_REUSE" = true ]; then
  measure
else
  generate "$STAGE_DAYS"
  measure
  generate "$HISTORY_DAYS"
  measure
fi

echo
echo "latency over HTTP (curl time_total, ms; $WARMUP warm-up requests first; pages follow next_cursor, $PAGES a project)"
printf '%-7s %-44s %8s %8s %8s %8s\n' rows request requests "rows" p50 p95
printf '%s\n' "${HTTP_ROWS[@]}"
echo
echo "plans: EXPLAIN (ANALYZE, BUFFERS) of the repositories' SQL (ms; rows partitions scanned; of which seq scans; top buffers)"
printf '%-7s %-30s %-8s %9s %6s %5s  %s\n' rows query plan ms parts seq buffers
printf '%s\n' "${PLAN_ROWS[@]}"
echo "(plans in $LOGS/explain-*.txt; database ${MAIN_DB}_history kept for EXPLAIN)"
