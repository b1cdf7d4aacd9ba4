#!/usr/bin/env bash
# Benchmark of the snapshot jobs against one set-based SQL statement (see bench/README.md).
#
#   bench/run.sh [GOALS]          default 200000 goals (on GOALS/2 creators)
#
# On a fresh database: generates the dataset, then, in ROUNDS rounds, runs the close job for
# 2026-06-01T05:00:00Z as users run it (java -jar, JVM start included, product defaults) and right after it the set-based
# reference for the same close rows, each round in its own copy of the fresh database; the table shows the
# median of each, the rounds are listed below it. Checks the job and the reference agree row for row and
# every round wrote the same rows, then runs nightly (2026-06-02T05:00:00Z) and final (2026-06-03T05:00:00Z),
# and prints a table. Each round also measures the restart cost right after its full close and statement (in
# a further copy, the close killed at half-way and resumed; the median resume against the median full
# close). Each copy is made (file_copy) just before its run from the generated database, gc_bench_fresh,
# which no job touches. Exits 1 when a job fails, the job and the SQL disagree on any row, or two runs wrote
# different rows.
#
# Environment: ROUNDS (default 3), PARTITIONS (goal-compliance.partitions; unset: the product default, the
# machine's processors), JAVA_OPTS (default -Xmx512m), BENCH_DB (default gc_bench), PGHOST/PGPORT/PGUSER
# (default 127.0.0.1/5432/postgres). Not run by CI.
set -euo pipefail
cd "$(dirname "$0")/.."

GOALS=${1:-200000}
ROUNDS=${ROUNDS:-3}
PARTITIONS=${PARTITIONS:-}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
# the jobs' settings beyond the database: none unless PARTITIONS is set
JOB_ARGS=()
[ -z "$PARTITIONS" ] || JOB_ARGS=(--goal-compliance.partitions="$PARTITIONS")
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
MAIN_DB=${BENCH_DB:-gc_bench}
FRESH_DB=${MAIN_DB}_fresh # the generated dataset, which no job touches: every measured run gets a copy
# use_db NAME: the database that the helpers below and run_job work on.
use_db() { DB=$1; URL="jdbc:postgresql://${PGHOST}:${PGPORT}/$1"; }
use_db "$FRESH_DB"
JAR=target/goal-compliance.jar
LOGS=target/bench
CLOSE_AT=2026-06-01T05:00:00Z
NIGHTLY_AT=2026-06-02T05:00:00Z
FINAL_AT=2026-06-03T05:00:00Z

[ -f "$JAR" ] || ./mvnw -q -DskipTests package
mkdir -p "$LOGS"
now() { date +%s.%N; }
psql_q() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
# settle: before each measured run, the dirty pages of what ran before (the copies, the other side's rows)
# written out, so that neither the job nor the statement pays for the other's writes.
settle() { psql_q -c "CHECKPOINT"; sync; }
value() { psql -X -A -t -v ON_ERROR_STOP=1 -d "$DB" -c "$1"; }
close_rows() { value "SELECT count(*) FROM goal_compliance_snapshots WHERE phase = 'close' AND as_of = '$CLOSE_AT'"; }
# The close rows' digest: every column the job computes (not evaluated_at or job_execution_id).
close_digest() { value "SELECT md5(string_agg(concat_ws('|', goal_id, org_id, project_id, creator_id, metric, period,
    target, actual, percentage, status, period_start, period_end, has_advisory, advisory), ',' ORDER BY goal_id))
  FROM goal_compliance_snapshots WHERE phase = 'close' AND as_of = '$CLOSE_AT'"; }

echo "== fresh database $DB (copied for each measured run), $GOALS goals, partitions=${PARTITIONS:-default}, JAVA_OPTS=$JAVA_OPTS, $(nproc) cores"
dropdb --if-exists "$DB"
createdb "$DB"
java -jar "$JAR" migrate --spring.datasource.url="$URL" >"$LOGS/migrate.log" 2>&1
t0=$(now)
psql_q -v goals="$GOALS" -f bench/dataset.sql
psql_q -f bench/functions.sql
psql_q -c "VACUUM ANALYZE" # as after a day of autovacuum: visibility map set, statistics fresh
psql_q -c "CHECKPOINT" # the generated gigabytes flushed now, not while the first job runs
echo "dataset generated in $(echo "$(now) - $t0" | bc) s:" \
  "$(value "SELECT count(*) FROM creator_goals") goals," \
  "$(value "SELECT count(*) FROM videos") videos," \
  "$(value "SELECT count(*) FROM creator_scrapes") scrapes"

# fresh_copy NAME: NAME made now from the generated dataset (file_copy) and used. Made just before its run,
# not all at the start, so that every measured run starts the same way whatever the page cache holds (at 1M
# goals 2 x ROUNDS copies outgrow it), with at most three databases on disk at a time.
fresh_copy() {
  dropdb --if-exists "$1"
  createdb --strategy=file_copy --template="$FRESH_DB" "$1"
  use_db "$1"
}

ROWS=()
row() { ROWS+=("$(printf '%-12s %9s %9s %9s %10s %9s' "$@")"); }

# run_job PHASE AS_OF [LOG]: the jar as users run it (java -jar); wall time from exec to exit.
run_job() {
  local phase=$1 as_of=$2 log="$LOGS/${3:-$1}.log" start end goals heap
  start=$(now)
  if ! java $JAVA_OPTS -jar "$JAR" run --phase="$phase" --as-of="$as_of" --spring.datasource.url="$URL" \
      "${JOB_ARGS[@]}" >"$log" 2>&1; then
    echo "the $phase job failed; see $log" >&2
    exit 1
  fi
  end=$(now)
  JOB_SECONDS=$(echo "$end - $start" | bc)
  goals=$(value "SELECT (SELECT count(*) FROM goal_compliance_snapshots WHERE phase = '$phase' AND as_of = '$as_of')
                      + (SELECT count(*) FROM goal_compliance_rejects WHERE phase = '$phase' AND as_of = '$as_of')")
  heap=$(grep -o 'peak heap [0-9]* MB' "$log" | awk '{print $3}' | sort -n | tail -1)
  JOB_ROW=("$phase job" "$goals" "$(printf %.1f "$JOB_SECONDS")" "$(echo "$goals / $JOB_SECONDS" | bc)" "${heap} MB")
}

# Restart cost, measured in every round right after the round's full close and statement, so that the
# machine's drift within a run (bench/README.md) falls on both alike: in a fresh copy, the close is started from
# the same state as the full run, killed with SIGKILL once half of its rows are committed, then resumed by
# `run` as an operator would. One resume is as noisy as one full run, so the median resume is set against the
# median full close (and each round's resume against its own full close); every round's resumed rows must
# equal the full run's.
# Committed rows, as the chunks' own checkpoints count them (committed with the rows): a small table to read,
# so the poll is quick and the kill lands close to half-way (a count of the snapshots overshot by up to 5 %).
committed() { value "SELECT coalesce(sum(WRITE_COUNT), 0) FROM BATCH_STEP_EXECUTION"; }
# restart_round R: round R's kill and resume, in its own copy (dropped after).
restart_round() {
  local r=$1 full=${JOB_TIMES[$(($1 - 1))]} killed at_kill after_resume
  fresh_copy "${MAIN_DB}_restart$r"
  settle # as before the full run; the resume follows the kill at once, as a restarted process would
  java $JAVA_OPTS -jar "$JAR" run --phase=close --as-of="$CLOSE_AT" --spring.datasource.url="$URL" \
    "${JOB_ARGS[@]}" >"$LOGS/close-killed$r.log" 2>&1 &
  killed=$!
  until [ "$(committed)" -ge $((full_rows / 2)) ]; do
    kill -0 "$killed" 2>/dev/null || { echo "the close ended before half-way; see $LOGS/close-killed$r.log" >&2; exit 1; }
    sleep 0.01
  done
  kill -9 "$killed"
  wait "$killed" 2>/dev/null || true
  at_kill=$(close_rows)
  run_job close "$CLOSE_AT" "close-resume$r"
  RESUME_TIMES+=("$JOB_SECONDS")
  RESUMES+=("$(printf '%.1f s after %s rows (%.0f %% of the round'"'"'s %.1f s)' "$JOB_SECONDS" "$at_kill" \
    "$(echo "scale=4; 100 * $JOB_SECONDS / $full" | bc)" "$full")")
  after_resume=$(close_rows)
  RESUMED+=("$((after_resume - at_kill))")
  resume_heap=${JOB_ROW[4]}
  if [ "$after_resume" != "$full_rows" ] || [ "$(close_digest)" != "$full_digest" ]; then
    echo "FAIL: round $r's resumed close differs from the uninterrupted one ($after_resume rows)" >&2
    exit 1
  fi
  dropdb "$DB"
}

# Each round: the close job, then the set-based statement for the same rows (the job runs first: no cache
# favours it), in the round's copy of the fresh database (round 1 in the main one, which goes on below); then
# the round's restart.
for r in $(seq 1 "$ROUNDS"); do
  if [ "$r" = 1 ]; then fresh_copy "$MAIN_DB"; else fresh_copy "${MAIN_DB}_round$r"; fi
  settle
  run_job close "$CLOSE_AT" "close-round$r"
  JOB_TIMES+=("$JOB_SECONDS")
  digest=$(close_digest)
  if [ "$r" = 1 ]; then
    CLOSE_ROW=("${JOB_ROW[@]}") full_rows=$(close_rows) full_digest=$digest
  elif [ "$digest" != "$full_digest" ]; then
    echo "FAIL: round $r's close rows differ from round 1's" >&2
    exit 1
  fi
  settle
  start=$(now)
  psql_q -v as_of="$CLOSE_AT" -f bench/close-reference.sql
  SQL_TIMES+=("$(echo "$(now) - $start" | bc)")
  sql_goals=$(value "SELECT count(*) FROM bench_sql_close")
  [ "$r" = 1 ] || dropdb "$DB"
  restart_round "$r"
done
use_db "$MAIN_DB"
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
CLOSE_SECONDS=$(median "${JOB_TIMES[@]}")
SQL_SECONDS=$(median "${SQL_TIMES[@]}")
RATIO=$(printf %.2f "$(echo "scale=4; $CLOSE_SECONDS / $SQL_SECONDS" | bc)")
row "close job" "${CLOSE_ROW[1]}" "$(printf %.1f "$CLOSE_SECONDS")" "$(echo "${CLOSE_ROW[1]} / $CLOSE_SECONDS" | bc)" \
  "${CLOSE_ROW[4]}" "$RATIO"
row "close SQL" "$sql_goals" "$(printf %.1f "$SQL_SECONDS")" "$(echo "$sql_goals / $SQL_SECONDS" | bc)" "-" "1.00"
read -r mismatches compared examples < <(psql -X -A -t -F ' ' -v as_of="$CLOSE_AT" -d "$DB" -f bench/compare.sql \
  | awk 'NR==1 {print $2, $4}')
settle
run_job nightly "$NIGHTLY_AT"
row "${JOB_ROW[@]}" "-"
settle
run_job final "$FINAL_AT"
row "${JOB_ROW[@]}" "-"

dropdb "$FRESH_DB"
RESUME_SECONDS=$(median "${RESUME_TIMES[@]}")
resumed=$(median "${RESUMED[@]}")
row "close resume" "$resumed" "$(printf %.1f "$RESUME_SECONDS")" "$(echo "$resumed / $RESUME_SECONDS" | bc)" \
  "$resume_heap" "-"
use_db "$MAIN_DB"

echo
printf '%-12s %9s %9s %9s %10s %9s\n' phase goals "wall s" "goals/s" "peak heap" "job/SQL"
printf '%s\n' "${ROWS[@]}"
echo
echo "close: the median of $ROUNDS rounds, each the job then the SQL on a fresh copy (job/SQL s):" \
  "$(for i in "${!JOB_TIMES[@]}"; do printf '%.1f/%.1f ' "${JOB_TIMES[$i]}" "${SQL_TIMES[$i]}"; done | sed 's/ $//');" \
  "every round wrote the same $full_rows rows (md5)"
echo "close: job and SQL compared on $compared rows (actual, status, percentage, window, terms, advisory): $mismatches mismatches"
echo "restart: the median of $ROUNDS resumes after a SIGKILL at half-way took $(printf %.1f "$RESUME_SECONDS") s," \
  "$(printf %.0f "$(echo "scale=4; 100 * $RESUME_SECONDS / $CLOSE_SECONDS" | bc)") % of the full close job" \
  "($(printf %.1f "$CLOSE_SECONDS") s); rounds: $(IFS=';'; echo "${RESUMES[*]}" | sed 's/;/, /g');" \
  "every resume's $full_rows rows identical to the full run's (md5)"
if [ "$mismatches" != "0" ]; then
  psql -X -A -t -v as_of="$CLOSE_AT" -d "$DB" -f bench/compare.sql >&2
  echo "FAIL: the job and the set-based SQL disagree" >&2
  exit 1
fi
