#!/bin/sh
# Creates DIR/goal-compliance.jsa, a class-data-sharing (AppCDS) archive for the extracted jar in DIR
# (java -Djarmode=tools -jar goal-compliance.jar extract). Starts that use it with
# -XX:SharedArchiveFile=DIR/goal-compliance.jsa map the archived classes instead of loading and verifying
# them: about 0.7 s less per start (bench/README.md). Without the archive, or with one made by another JVM
# build, the JVM starts as usual.
#
# The training start needs no database: it runs until the application first asks for one (the Spring Batch
# job repository reads the database type) and fails there, as meant; the classes loaded by then are
# archived when the JVM exits. Run it with the java that will run the application (the Dockerfile's JRE).
#
#   deploy/class-data-archive.sh DIR
set -eu
cd "$1"
rm -f goal-compliance.jsa
java -XX:ArchiveClassesAtExit=goal-compliance.jsa -jar "$(pwd)/goal-compliance.jar" migrate \
  --spring.flyway.enabled=false --goal-compliance.create-database=false \
  --spring.datasource.url=jdbc:postgresql://127.0.0.1:1/no-database-when-training >/dev/null 2>&1 || true
test -s goal-compliance.jsa || { echo "class-data-archive: no archive was written in $1" >&2; exit 1; }
