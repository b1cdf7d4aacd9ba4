#!/usr/bin/env bash
# Times the run history (RunHistory.runs, what `status` and the admin API read) over a year of snapshot jobs
# in five zones: RunHistoryBench lays the year out in BATCH_* rows in a database of its own, then times the
# queries. PARTITIONS (default 4) worker steps per execution, ROUNDS (default 15) timed calls per figure;
# KEEP=true keeps the database (its name is printed) for EXPLAIN.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench
./mvnw -q -B -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=RunHistoryBench \
    -Dbench.partitions="${PARTITIONS:-4}" -Dbench.rounds="${ROUNDS:-15}" -Dbench.keep="${KEEP:-false}" \
    > target/bench/run-history.log 2>&1 || { tail -40 target/bench/run-history.log; exit 1; }
grep '^run-history bench: ' target/bench/run-history.log | sed 's/^run-history bench: //'
