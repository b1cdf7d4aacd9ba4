#!/bin/sh
# Creates DIR/goal-compliance.jsa, a class-data-sharing (AppCDS) archive for the extracted jar in DIR
# (java -Djarmode=tools -jar goal-compliance.jar extract). Starts that use it with
# -XX:SharedArchiveFile=DIR/goal-compliance.jsa map the archived classes instead of loading and verifying
# them (bench/README.md has the figures). Without the archive, or with one made by another JVM build, the
# JVM starts as usual.
#
#   deploy/class-data-archive.sh DIR [JDBC_URL]
#
# The archive holds the classes that training starts loaded (-XX:DumpLoadedClassList), dumped together
# once they have all run (-Xshare:dump), so that both ways the application starts are covered:
# - with JDBC_URL, a database that the training may fill (new, or empty: the app creates it if missing,
#   and it is left behind, with the demo's rows): `demo` (the ordinary start, as `serve` starts, and the
#   three snapshot jobs on the demo data), then `rerun` of the demo's latest close (the ahead-of-time start
#   of `run`, `rerun` and `catch-up`, and a job's chunks on that path). About 9,400 of a close's 9,800
#   classes come from the archive, and a 200k-goal close starts about 0.3 s sooner than with the
#   database-less training below;
# - without it, one start that runs until the application first asks for a database and fails there, as
#   meant: about 6,900 of the 9,800.
# Run it with the java that will run the application (the Dockerfile's JRE), on the DIR it will run from:
# the archive records the jars' paths.
set -eu
cd "$1"
dir=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f goal-compliance.jsa
# train NAME COMMAND...: one start of the extracted jar, its loaded classes listed in NAME.classlist.
train() {
  name=$1
  shift
  java -XX:DumpLoadedClassList="$work/$name.classlist" -XX:TieredStopAtLevel=1 -jar "$dir/goal-compliance.jar" \
    "$@" >"$work/$name.log" 2>&1
}
# fail WHAT LOG: WHAT went wrong, with the last lines of LOG, on stderr.
fail() {
  echo "class-data-archive: $1:" >&2
  tail -n 20 "$2" >&2
  exit 1
}
if [ $# -ge 2 ]; then
  url=$2
  train demo demo --spring.datasource.url="$url" || fail "the training demo failed" "$work/demo.log"
  # The demo's organization is in America/Chicago (DemoData.ZONE): its last close is today's midnight there.
  midnight=$(TZ=America/Chicago date -d 'today 00:00' +%s)
  train rerun rerun --phase=close --as-of="$(date -u -d "@$midnight" +%Y-%m-%dT%H:%M:%SZ)" \
    --spring.datasource.url="$url" || fail "the training rerun failed" "$work/rerun.log"
else
  train start migrate --spring.flyway.enabled=false --goal-compliance.create-database=false \
    --spring.datasource.url=jdbc:postgresql://127.0.0.1:1/no-database-when-training || true
fi
# The lists in the order the classes were first loaded, each line once (a class after its super types).
cat "$work"/*.classlist | awk '!seen[$0]++' >"$work/classes"
java -Xshare:dump -XX:SharedClassListFile="$work/classes" -XX:SharedArchiveFile="$dir/goal-compliance.jsa" \
  -cp "$dir/goal-compliance.jar" >"$work/dump.log" 2>&1 || true
test -s goal-compliance.jsa || fail "no archive was written in $dir" "$work/dump.log"
