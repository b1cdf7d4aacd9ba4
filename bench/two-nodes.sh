#!/usr/bin/env bash
# One close on one serve node against the same close on two (remote partitioning, see bench/README.md).
#
#   bench/two-nodes.sh [GOALS]        default 100000 goals
#
# Generates the bench dataset once (bench/dataset.sql), then for each case runs the close of
# 2026-06-01T05:00:00Z in a fresh copy of it (file_copy), with a `run` process that manages the job and takes
# no partition itself (goal-compliance.remote.worker=false), so that the serve nodes do all the evaluating:
#   local     `run` alone, its own worker (what a node does without any serve), PARTITIONS partitions;
#   one-node  one serve node (worker threads = its processors), PARTITIONS partitions;
#   two-nodes two serve nodes on this machine, 2 x PARTITIONS partitions.
# For each: the job's wall time (BATCH_JOB_EXECUTION), the goals each node evaluated (its Prometheus counter),
# and the CPU seconds the JVMs and PostgreSQL spent during it (from /proc), as a table. Checks that every case
# wrote the same close rows. Environment: PARTITIONS (default: processors), JAVA_OPTS (default -Xmx512m),
# BENCH_DB (default gc_bench_nodes), PGHOST/PGPORT/PGUSER (default 127.0.0.1/5432/postgres). Not run by CI.
set -euo pipefail
cd "$(dirname "$0")/.."

GOALS=${1:-100000}
PARTITIONS=${PARTITIONS:-$(nproc)}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
FRESH_DB=${BENCH_DB:-gc_bench_nodes}_fresh
JAR=target/goal-compliance.jar
LOGS=target/bench-nodes
CLOSE_AT=2026-06-01T05:00:00Z
[ -f "$JAR" ] || ./mvnw -q -DskipTests package
mkdir -p "$LOGS"

url() { echo "jdbc:postgresql://${PGHOST}:${PGPORT}/$1"; }
value() { psql -X -A -t -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
# cpu_of PID...: user+system CPU seconds of these processes so far (0 for one that is gone).
cpu_of() {
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "scale=1; $total / $(getconf CLK_TCK)" | bc
}
postgres_pids() { pgrep -u postgres -x postgres || pgrep -x postgres; }
counted() { curl -s "localhost:$1/actuator/prometheus" \
  | awk '/^goal_compliance_goals_evaluated_total\{.*phase="close"/ {s += $NF} END {printf "%d", s}'; }

echo "== $GOALS goals, partitions per node=$PARTITIONS, JAVA_OPTS=$JAVA_OPTS, $(nproc) cores"
dropdb --if-exists "$FRESH_DB"
createdb "$FRESH_DB"
java -jar "$JAR" migrate --spring.datasource.url="$(url "$FRESH_DB")" >"$LOGS/migrate.log" 2>&1
psql -X -q -v ON_ERROR_STOP=1 -d "$FRESH_DB" -v goals="$GOALS" -f bench/dataset.sql

ROWS=()
DIGESTS=()
printf '\n| case | partitions | job wall time | goals/s | goals evaluated per node | CPU s: JVMs / PostgreSQL |\n|---|---|---|---|---|---|\n' \
  >"$LOGS/table.md"
# run_case NAME NODES PARTITIONS: NODES serve workers (0: the run process works itself).
run_case() {
  local name=$1 nodes=$2 partitions=$3 db="${FRESH_DB%_fresh}_$1" pids=() ports=() i
  dropdb --if-exists "$db"
  createdb --strategy=file_copy --template="$FRESH_DB" "$db"
  for ((i = 0; i < nodes; i++)); do
    ports+=($((18181 + 2 * i)))
    java $JAVA_OPTS -jar "$JAR" serve --spring.datasource.url="$(url "$db")" --server.port=$((18180 + 2 * i)) \
      --management.server.port="${ports[$i]}" --goal-compliance.catch-up.look-back=PT1S \
      >"$LOGS/$name-node$i.log" 2>&1 &
    pids+=($!)
  done
  for port in "${ports[@]}"; do
    until curl -sf "localhost:$port/actuator/health/liveness" >/dev/null; do sleep 0.5; done
  done
  local worker=true
  [ "$nodes" -eq 0 ] || worker=false
  psql -X -q -d "$db" -c CHECKPOINT
  local pg0 jvm0 run_pid
  pg0=$(cpu_of $(postgres_pids))
  jvm0=$(cpu_of "${pids[@]}")
  java $JAVA_OPTS -jar "$JAR" run --phase=close --as-of="$CLOSE_AT" --spring.datasource.url="$(url "$db")" \
    --goal-compliance.partitions="$partitions" --goal-compliance.remote.worker=$worker \
    >"$LOGS/$name-run.log" 2>&1 &
  run_pid=$!
  local run_cpu=0
  while kill -0 "$run_pid" 2>/dev/null; do run_cpu=$(cpu_of "$run_pid"); sleep 0.2; done
  wait "$run_pid" || { echo "$name: the close failed (see $LOGS/$name-run.log)"; exit 1; }
  local pg1 jvm1
  pg1=$(cpu_of $(postgres_pids))
  jvm1=$(cpu_of "${pids[@]}")
  local per_node="" port
  for port in "${ports[@]}"; do per_node+="$(counted "$port") "; done
  [ -n "$per_node" ] || per_node="$(value "$db" "SELECT count(*) FROM goal_compliance_snapshots") (the run)"
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
  local seconds rows
  seconds=$(value "$db" "SELECT round(extract(epoch FROM END_TIME - START_TIME)::numeric, 1) FROM BATCH_JOB_EXECUTION")
  rows=$(value "$db" "SELECT (SELECT count(*) FROM goal_compliance_snapshots) + (SELECT count(*) FROM goal_compliance_rejects)")
  ROWS+=("$rows")
  DIGESTS+=("$(value "$db" "SELECT md5(string_agg(concat_ws('|', goal_id, status, actual, advisory), ',' ORDER BY goal_id))
    FROM goal_compliance_snapshots")")
  printf '| %s | %s | %s s | %s | %s | %s (run %s) / %s |\n' "$name" "$partitions" "$seconds" \
    "$(echo "$rows / $seconds" | bc)" "$per_node" "$(echo "$jvm1 - $jvm0 + $run_cpu" | bc)" "$run_cpu" \
    "$(echo "$pg1 - $pg0" | bc)" >>"$LOGS/table.md"
  dropdb "$db"
}

run_case local 0 "$PARTITIONS"
run_case one-node 1 "$PARTITIONS"
run_case two-nodes 2 $((2 * PARTITIONS))
cat "$LOGS/table.md"
[ "$(printf '%s\n' "${DIGESTS[@]}" | sort -u | wc -l)" -eq 1 ] || { echo "the cases wrote different rows"; exit 1; }
echo "every case wrote the same ${ROWS[0]} rows"
dropdb "$FRESH_DB"
