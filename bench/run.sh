#!/usr/bin/env bash
# Benchmark of the delivery tracker: status-callback ingestion, the same transaction in pgbench, and
# the send path. Not a test and not part of CI. See docs/benchmarks.md for what every figure means.
#
# Usage (from anywhere; it works in the repository root):
#
#   bench/run.sh [--messages N] [--concurrency C] [--duration SECONDS]
#                [--jdbc-url URL --db-user U --db-password P] [--skip-build]
#
#   --messages N          messages seeded, each with its callback sequence (default 20000)
#   --concurrency C       concurrent callback / API workers, and pgbench clients (default 64)
#   --duration SECONDS    longest measured callback phase, after the warm-up (default 60); it ends
#                         earlier when every callback is sent. pgbench runs as long as it lasted.
#   --warmup SECONDS      callbacks sent before the measured window (default 5; verified, not timed)
#   --adopt-messages A    messages another application sent: callbacks for SIDs the service never saw,
#                         adopted as messages of origin external, measured after pgbench (default:
#                         a quarter of --messages, at least 500; 0 skips the phase)
#   --notify-messages N   messages of the notification phase: their callbacks with one subscription
#                         receiving every change, on a receiver in the generator (default: as adoption)
#   --send-duration S     seconds of POST /api/v1/messages load (default 15; 0 skips the send path)
#   --send-messages M     stop the send load after M messages (default: no limit)
#   --send-warmup S       seconds of unmeasured API load first, then until the outbox is empty, so the
#                         measured send path runs more compiled code (default 0: none)
#   --jdbc-url URL        run on this PostgreSQL instead of the embedded one (the service gets it as
#   --db-user U           DATABASE_URL / DATABASE_USER / DATABASE_PASSWORD; the database must hold
#   --db-password P       no other service's callbacks in flight)
#   --skip-build          do not run Maven's install (the jar and test classes must exist)
#   --jar PATH            run this service jar instead of bootstrap/target/delivery-tracker.jar
#                         (e.g. one built from an older commit, to measure before/after)
#   --port P              HTTP port of the service (default 18080)
#   --db-port P           port of the embedded PostgreSQL (default 55433)
#   --dispatch-batch-size B   tracker.dispatch.batch-size of the service (default 50)
#   --sim-port P          port of the embedded Twilio simulator's control API (default 18099)
#   --create-delay-ms D   after the send path, dispatch is timed twice, with the simulator answering
#                         creates at once and after D ms (default 200, Twilio's 100 to 300 ms)
#   --dispatch-messages N messages in each of those two backlogs (default 3000; 0 skips them)
#   --seed S              seed of the callback mix (default: the time)
#   --client jdk|raw      the generator's HTTP client: java.net.http.HttpClient (default), or raw
#                         keep-alive sockets, which need several times less CPU per request and so
#                         leave more of the machine to the service (use it above ~3,000 callbacks/s)
#
# What it does:
#   1. ./mvnw -B -q -DskipTests install (unless --skip-build), then resolves bootstrap's test classpath;
#   2. installs pgbench when it is missing (Debian: apt-get install -y postgresql-15);
#   3. starts the service as its own process:
#        java -Xmx512m -Xms512m -jar <the jar, unpacked as bootstrap/target/app>/delivery-tracker.jar
#      on the embedded PostgreSQL (fresh data directory in a temp dir, port --db-port, synchronous_commit
#      on) with the embedded Twilio simulator, TRACKER_API_KEY set to a benchmark key, PORT --port;
#   4. waits for /actuator/health to say UP (prints how long the start took);
#   5. runs the load generator in a separate JVM (dev.deliverytracker.benchmark.CallbackBenchmark in
#      bootstrap's test sources): seeds messages by JDBC, fires signed callbacks, verifies the database,
#      runs pgbench with the equivalent one-event transaction, measures the send path;
#   6. prints the report (markdown) and writes it to bench/results/<timestamp>.md; stops the service.
#
# Exit status: 0 when verification passed, 1 when it failed, 2 when the benchmark could not run.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

MESSAGES=20000
CONCURRENCY=64
DURATION=60
WARMUP=5
SEND_DURATION=15
ADOPT_MESSAGES=""
NOTIFY_MESSAGES=""
SEND_MESSAGES=0
SEND_WARMUP=0
JDBC_URL=""
DB_USER=postgres
DB_PASSWORD=postgres
SKIP_BUILD=false
JAR=bootstrap/target/delivery-tracker.jar
PORT=18080
DB_PORT=55433
DISPATCH_BATCH_SIZE=50
SIM_PORT=18099
CREATE_DELAY_MS=200
DISPATCH_MESSAGES=3000
SEED=""
CLIENT=jdk
API_KEY="dt_benchmark_key_0123456789abcdef"

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 2; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --messages) MESSAGES=$2; shift 2 ;;
    --concurrency) CONCURRENCY=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --send-duration) SEND_DURATION=$2; shift 2 ;;
    --adopt-messages) ADOPT_MESSAGES=$2; shift 2 ;;
    --notify-messages) NOTIFY_MESSAGES=$2; shift 2 ;;
    --send-messages) SEND_MESSAGES=$2; shift 2 ;;
    --send-warmup) SEND_WARMUP=$2; shift 2 ;;
    --jdbc-url) JDBC_URL=$2; shift 2 ;;
    --db-user) DB_USER=$2; shift 2 ;;
    --db-password) DB_PASSWORD=$2; shift 2 ;;
    --skip-build) SKIP_BUILD=true; shift ;;
    --jar) JAR=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --db-port) DB_PORT=$2; shift 2 ;;
    --dispatch-batch-size) DISPATCH_BATCH_SIZE=$2; shift 2 ;;
    --sim-port) SIM_PORT=$2; shift 2 ;;
    --create-delay-ms) CREATE_DELAY_MS=$2; shift 2 ;;
    --dispatch-messages) DISPATCH_MESSAGES=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --client) CLIENT=$2; shift 2 ;;
    -h|--help) usage ;;
    *) echo "unknown argument: $1" >&2; usage ;;
  esac
done

say() { echo "[bench] $*" >&2; }
die() { say "$*"; exit 2; }

# --- build --------------------------------------------------------------------------------------
CLASSPATH_FILE=bootstrap/target/bench-classpath.txt
if [[ $SKIP_BUILD == false ]]; then
  say "building: ./mvnw -B -q -DskipTests install"
  ./mvnw -B -q -DskipTests install
  rm -f "$CLASSPATH_FILE"
fi
[[ -f $JAR ]] || die "no service jar at $JAR (run without --skip-build)"
[[ -f bootstrap/target/test-classes/dev/deliverytracker/benchmark/CallbackBenchmark.class ]] \
  || die "the load generator is not compiled (run without --skip-build)"
if [[ ! -s $CLASSPATH_FILE ]]; then
  say "resolving bootstrap's test classpath"
  ./mvnw -B -q -pl bootstrap dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$ROOT/$CLASSPATH_FILE" >&2
fi
GENERATOR_CP="bootstrap/target/test-classes:bootstrap/target/classes:$(cat "$CLASSPATH_FILE")"

# --- pgbench ------------------------------------------------------------------------------------
PGBENCH=""
for candidate in /usr/lib/postgresql/*/bin/pgbench "$(command -v pgbench || true)"; do
  if [[ -n $candidate && -x $candidate ]] && "$candidate" --version >/dev/null 2>&1; then PGBENCH=$candidate; break; fi
done
if [[ -z $PGBENCH ]]; then
  say "pgbench missing: installing postgresql-15 (Debian)"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
  $SUDO apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql-15 >&2 \
    || die "could not install pgbench; install PostgreSQL's pgbench and retry"
  PGBENCH=/usr/lib/postgresql/15/bin/pgbench
fi
say "pgbench: $PGBENCH ($("$PGBENCH" --version))"

# --- service ------------------------------------------------------------------------------------
for p in "$PORT" "$SIM_PORT" $([[ -z $JDBC_URL ]] && echo "$DB_PORT"); do
  if ss -ltn "( sport = :$p )" 2>/dev/null | grep -q LISTEN; then
    die "port $p is in use (another service or benchmark?); choose another with --port / --db-port"
  fi
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/tracker-bench.XXXXXX")
SERVICE_LOG=$WORK/service.log
# The jobs that would change statuses on their own (retries of the 5% failures, polling, alerts) are
# off: the verification compares each message's status with the callbacks it was sent, nothing else.
# The send path measures the service's own throughput: its send budgets and its pacing toward Twilio
# (docs/sending.md#rate-limits-and-pacing) would only measure their own settings.
SERVICE_ARGS=(--tracker.simulator.min-delay=0ms --tracker.simulator.max-delay=50ms
  --tracker.rate-limits.enabled=false --tracker.pacing.enabled=false
  --tracker.dispatch.batch-size="$DISPATCH_BATCH_SIZE" --tracker.simulator.port="$SIM_PORT"
  --tracker.retry.enabled=false --tracker.reconcile.enabled=false --tracker.alerts.enabled=false
  --tracker.notifications.allow-http-loopback=true
  ${BENCH_SERVICE_ARGS:-})
SERVICE_ENV=(PORT="$PORT" TRACKER_API_KEY="$API_KEY")
DATA_DIR=""
if [[ -z $JDBC_URL ]]; then
  DATA_DIR=$WORK/postgres
  SERVICE_ENV+=(TRACKER_DATA_DIR="$DATA_DIR" TRACKER_EMBEDDED_DB_PORT="$DB_PORT")
  JDBC_URL="jdbc:postgresql://localhost:$DB_PORT/postgres"
  DB_USER=postgres; DB_PASSWORD=postgres
else
  SERVICE_ENV+=(DATABASE_URL="$JDBC_URL" DATABASE_USER="$DB_USER" DATABASE_PASSWORD="$DB_PASSWORD")
fi
# Run copies: a build running meanwhile (another shell, an IDE) rewrites bootstrap/target, and a JVM
# whose jar is replaced under it fails with NoClassDefFoundError on the next class it loads.
cp "$JAR" "$WORK/service.jar"
# Unpacked, as the README's start command runs it (bootstrap/target/app): classes load faster from
# plain jars than from jars nested in one, which is most of the start time's difference.
java -Djarmode=tools -jar "$WORK/service.jar" extract --destination "$WORK/service" >/dev/null \
  || die "could not unpack $JAR (java -Djarmode=tools ... extract)"
mkdir -p "$WORK/generator/dev/deliverytracker"
cp -r bootstrap/target/test-classes/dev/deliverytracker/benchmark "$WORK/generator/dev/deliverytracker/"
GENERATOR_CP="$WORK/generator:$GENERATOR_CP"
# BENCH_SERVICE_ARGS adds service settings, e.g. --tracker.ingest.group-commit=false for the baseline.
# BENCH_SERVICE_JVM_OPTS adds JVM options, e.g. a JFR recording: -XX:StartFlightRecording=filename=/tmp/x.jfr
SERVICE_CMD=(java -Xmx512m -Xms512m ${BENCH_SERVICE_JVM_OPTS:-} -jar "$WORK/service/service.jar" "${SERVICE_ARGS[@]}")

SERVICE_PID=""
stop_service() {
  if [[ -n $SERVICE_PID ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    say "stopping the service (pid $SERVICE_PID)"
    kill -TERM "$SERVICE_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$SERVICE_PID" 2>/dev/null && kill -KILL "$SERVICE_PID" 2>/dev/null || true
  fi
  # The embedded PostgreSQL normally stops with the service; make sure it did.
  if [[ -n $DATA_DIR && -f $DATA_DIR/postmaster.pid ]]; then
    local pm; pm=$(head -1 "$DATA_DIR/postmaster.pid")
    [[ -n $pm ]] && kill -TERM "$pm" 2>/dev/null || true
    sleep 1
  fi
  [[ -n $DATA_DIR ]] && rm -rf "$DATA_DIR"
  rm -rf "$WORK/service.jar" "$WORK/service" "$WORK/generator"
  say "service log kept in $SERVICE_LOG"
}
trap stop_service EXIT
trap 'exit 130' INT TERM

say "starting: ${SERVICE_ENV[*]} ${SERVICE_CMD[*]}"
START=$(date +%s.%N)
env -u DATABASE_URL -u DATABASE_USER -u DATABASE_PASSWORD "${SERVICE_ENV[@]}" "${SERVICE_CMD[@]}" >"$SERVICE_LOG" 2>&1 &
SERVICE_PID=$!
HEALTHY=""
for _ in $(seq 1 600); do
  if ! kill -0 "$SERVICE_PID" 2>/dev/null; then
    tail -50 "$SERVICE_LOG" >&2; die "the service stopped during start (log: $SERVICE_LOG)"
  fi
  if curl -sf "http://localhost:$PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
    HEALTHY=$(date +%s.%N); break
  fi
  sleep 0.2
done
[[ -n $HEALTHY ]] || { tail -50 "$SERVICE_LOG" >&2; die "the service was not healthy after 120 s"; }
STARTUP=$(awk -v a="$START" -v b="$HEALTHY" 'BEGIN { printf "%.1f", b - a }')
say "service healthy after ${STARTUP} s (pid $SERVICE_PID, log $SERVICE_LOG)"

if [[ -n $DATA_DIR ]]; then
  SYNC=$(PGPASSWORD=postgres psql -h localhost -p "$DB_PORT" -U postgres -d postgres -Atc 'show synchronous_commit' 2>/dev/null || echo "?")
  say "embedded PostgreSQL on port $DB_PORT: synchronous_commit = $SYNC"
fi

COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
git diff --quiet HEAD -- . ':!bench/results' 2>/dev/null || COMMIT="$COMMIT (with uncommitted changes)"
[[ $JAR != bootstrap/target/delivery-tracker.jar ]] && COMMIT="$COMMIT; service jar $JAR"

set +e
java -Xmx2g -Xms2g -XX:+UseParallelGC -cp "$GENERATOR_CP" dev.deliverytracker.benchmark.CallbackBenchmark \
  --base-url "http://localhost:$PORT" \
  --jdbc-url "$JDBC_URL" --db-user "$DB_USER" --db-password "$DB_PASSWORD" \
  --messages "$MESSAGES" --concurrency "$CONCURRENCY" --duration "$DURATION" --warmup "$WARMUP" \
  --send-duration "$SEND_DURATION" --send-messages "$SEND_MESSAGES" --send-warmup "$SEND_WARMUP" \
  --service-pid "$SERVICE_PID" --clk-tck "$(getconf CLK_TCK)" \
  ${DATA_DIR:+--db-data-dir "$DATA_DIR"} \
  --pgbench "$PGBENCH" --api-key "$API_KEY" --client "$CLIENT" \
  --simulator-url "http://127.0.0.1:$SIM_PORT" --create-delay-ms "$CREATE_DELAY_MS" \
  --dispatch-messages "$DISPATCH_MESSAGES" \
  ${SEED:+--seed "$SEED"} \
  ${ADOPT_MESSAGES:+--adopt-messages "$ADOPT_MESSAGES"} \
  ${NOTIFY_MESSAGES:+--notify-messages "$NOTIFY_MESSAGES"} \
  --startup-seconds "$STARTUP" \
  --git-commit "$COMMIT" \
  --service-command "java -Xmx512m -Xms512m -jar $JAR (unpacked) ${SERVICE_ARGS[*]}" \
  --results-dir bench/results
STATUS=$?
set -e
WARNS=$(grep -cE '^\S+\s+WARN ' "$SERVICE_LOG" || true)
ERRORS=$(grep -cE '^\S+\s+ERROR ' "$SERVICE_LOG" || true)
THREAD_DEATHS=$(grep -c '^Exception in thread' "$SERVICE_LOG" || true)
say "service log: $WARNS WARN and $ERRORS ERROR lines, $THREAD_DEATHS uncaught exceptions; the most frequent:"
grep '^Exception in thread' "$SERVICE_LOG" | sed -E 's/"[^"]*"/"..."/' | sort | uniq -c | sort -rn | head -3 >&2 || true
grep -E '^\S+\s+(WARN|ERROR) ' "$SERVICE_LOG" | sed -E 's/^\S+\s+(WARN|ERROR) [0-9]+ --- (\[[^]]*\] )*/\1 /' \
  | cut -c1-200 | sort | uniq -c | sort -rn | head -5 >&2 || true
exit $STATUS
