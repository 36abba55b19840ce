#!/usr/bin/env bash
# Benchmark of the insights queries at 10 million messages and 40 million delivery-log rows. Not a
# test and not part of CI. See docs/queries.md for the figures and docs/queries/plans/ for the plans.
#
# Usage (from anywhere; it works in the repository root):
#
#   bench/queries.sh [--messages N] [--runs R] [--regenerate] [--load-only]
#                    [--jdbc-url URL --db-user U --db-password P] [--skip-build]
#
#   --messages N          messages generated (default 10000000; 4 delivery-log rows each)
#   --runs R              timed calls per query, after one warm-up call (default 7)
#   --regenerate          load the data again even if the database already holds it
#   --load-only           load (and migrate) without measuring
#   --load-workers W      connections loading in parallel (default 2)
#   --load-at-version V   schema version the data is loaded into (default 7); later migrations then
#                         run over the loaded tables, and their time is printed
#   --jdbc-url URL        run on this PostgreSQL instead of the embedded one; its public schema is
#   --db-user U           dropped and recreated when the data is (re)generated
#   --db-password P
#   --data-dir DIR        data directory of the embedded PostgreSQL (default bench/target/querybench/pgdata;
#                         kept between runs, so a second run measures without loading again)
#   --db-port P           port of the embedded PostgreSQL (default 55434)
#   --label L             appended to the report's file name
#   --first-sql FILE      run this SQL file first (e.g. to undo a migration being worked on)
#   --skip-build          do not compile (the classes must exist)
#
# QUERYBENCH_JAVA_OPTS adds JVM options, e.g. -Dquerybench.prepareThreshold=0 (PgJDBC never prepares
# statements on the server, so PostgreSQL plans each call with its values).
#
# What it does:
#   1. compiles adapters-persistence and what it needs (./mvnw -o -pl adapters-persistence -am
#      -DskipTests package; no install) and resolves its test classpath;
#   2. runs dev.deliverytracker.adapter.persistence.QueryBenchmark (adapters-persistence test sources)
#      from a copy of the classes: it starts the embedded PostgreSQL (the zonky binaries the tests
#      use), and when the data is not there yet: Flyway to --load-at-version, drops the secondary
#      indexes, runs bench/queries-data.sql (INSERT ... SELECT generate_series, two workers),
#      builds the indexes again, VACUUM ANALYZE; then Flyway to the latest version;
#   3. calls each list, timeline, failures and statistics query the API makes, through the
#      application services and JdbcMessageQueries (so the SQL measured is the service's own): one
#      warm-up, then R timed calls; min / median / max;
#   4. runs EXPLAIN (ANALYZE, BUFFERS) of every statement each call prepared, with the same
#      parameters, into docs/queries/plans/NN-*.txt, and writes the table to
#      bench/results/queries-<timestamp>.md.
#
# Loading 10M messages takes about a quarter of an hour on 2 cores and ~20 GB of disk.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
SKIP_BUILD=false
ARGS=()
for arg in "$@"; do
  case "$arg" in
    --skip-build) SKIP_BUILD=true ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 2 ;;
    *) ARGS+=("$arg") ;;
  esac
done

say() { echo "[queries] $*" >&2; }

CLASSPATH_FILE=$ROOT/adapters-persistence/target/querybench-classpath.txt
if [[ $SKIP_BUILD == false ]]; then
  say "building: ./mvnw -B -q -o -pl adapters-persistence -am -DskipTests package dependency:build-classpath"
  ./mvnw -B -q -o -pl adapters-persistence -am -DskipTests package dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$CLASSPATH_FILE" >&2
fi
[[ -s $CLASSPATH_FILE ]] || { say "no classpath at $CLASSPATH_FILE (run without --skip-build)"; exit 2; }

# Run copies: a build running meanwhile rewrites target/ under the JVM.
WORK=$(mktemp -d "${TMPDIR:-/tmp}/querybench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
for module in domain application adapters-persistence; do
  mkdir -p "$WORK/$module"
  cp -r "$module/target/classes" "$WORK/$module/classes"
  [[ -d $module/target/test-classes ]] && cp -r "$module/target/test-classes" "$WORK/$module/test-classes"
done
CP="$WORK/adapters-persistence/test-classes:$WORK/adapters-persistence/classes:$WORK/application/test-classes"
CP="$CP:$WORK/application/classes:$WORK/domain/classes:$(cat "$CLASSPATH_FILE")"

say "load average before: $(cat /proc/loadavg)"
java -Xmx1g ${QUERYBENCH_JAVA_OPTS:-} -cp "$CP" dev.deliverytracker.adapter.persistence.QueryBenchmark "${ARGS[@]}"
