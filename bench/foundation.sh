#!/usr/bin/env bash
# Foundation benchmark (issue 3): start-up time to ready and resident memory on SQLite and PostgreSQL, and the
# latency of a logged-in page against /actuator/health measured in the same run. Loopback only, bounded.
#   bench/foundation.sh [requests-per-endpoint]   (default 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-2000}"
./lagebild build -q >/dev/null 2>&1
jar=$(ls target/lagebild-*.jar | grep -v original | head -n 1)
JAVA_HOME=$(./lagebild java-home)
out=bench/results; mkdir -p "$out"
port=18080

run_one() {
  local name="$1" url="$2" user="$3"
  local dir; dir=$(mktemp -d)
  local t0; t0=$(date +%s%N)
  LAGEBILD_DEMO=true SERVER_PORT=$port LAGEBILD_DB_URL="$url" LAGEBILD_DB_USER="$user" \
    LAGEBILD_LOG_FILE="$dir/log.txt" "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$jar" \
    > "$dir/stdout.txt" 2>&1 &
  local pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null; do
    kill -0 $pid 2>/dev/null || { echo "app died"; cat "$dir/stdout.txt"; exit 1; }
    sleep 0.05
  done
  local t1; t1=$(date +%s%N)
  local startup_ms=$(( (t1 - t0) / 1000000 ))
  local rss_start; rss_start=$(awk '/VmRSS/{print $2}' /proc/$pid/status)
  python3 bench/latency.py "http://127.0.0.1:$port" "$N" > "$dir/latency.txt"
  local rss_after; rss_after=$(awk '/VmRSS/{print $2}' /proc/$pid/status || { tail -30 "$dir/stdout.txt" >&2; cat "$dir/latency.txt" >&2; echo 0; })
  kill $pid; wait $pid 2>/dev/null || true
  echo "== $name"
  echo "startup_to_ready_ms=$startup_ms"
  echo "rss_after_start_mib=$(( rss_start / 1024 ))"
  echo "rss_after_load_mib=$(( rss_after / 1024 ))"
  cat "$dir/latency.txt"
}

{
  echo "date=$(date -Iseconds) jdk=$("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1) cores=$(nproc)"
  run_one sqlite "jdbc:sqlite:$(mktemp -d)/bench.db" ""
  if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    db="lagebild_bench_$$"
    psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $db" >/dev/null
    run_one postgres "jdbc:postgresql://127.0.0.1:5432/$db" postgres
    psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database $db" >/dev/null
  else
    echo "== postgres: not reachable, skipped"
  fi
} | tee "$out/foundation-$(date +%Y%m%d-%H%M%S).txt"
