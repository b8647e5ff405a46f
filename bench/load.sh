#!/usr/bin/env bash
# Load test (issue 20): two instances of the jar (-Xmx256m each) on one PostgreSQL database behind HAProxy from
# Debian, sessions in the database, demo data; Gatling (src/load/java) runs citizens, coordinators and contributors
# against the proxy; the heap of both instances is sampled every 30 s. Not part of the suite.
#   bench/load.sh [seconds] [citizens] [coordinators] [contributors]   (default 600 60 20 20)
# Needs: PostgreSQL on 127.0.0.1:5432 (user postgres, trust), haproxy (apt-get install haproxy).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_RUN="${1:-600}"; CITIZENS="${2:-60}"; COORDINATORS="${3:-20}"; CONTRIBUTORS="${4:-20}"
JAVA_HOME=$(./lagebild java-home); export JAVA_HOME
[ -f target/lagebild-0.1.0-SNAPSHOT.jar ] || ./lagebild build -q >/dev/null
jar=$(ls target/lagebild-*.jar | grep -v original | head -n 1)
out=target/load; rm -rf "$out"; mkdir -p "$out"
db=lagebild_load
psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $db" -c "create database $db"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

start() { # name port demo
  LAGEBILD_DEMO="$3" SERVER_PORT="$2" LAGEBILD_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" LAGEBILD_DB_USER=postgres \
    LAGEBILD_SESSION_STORE=database LAGEBILD_RATE_LIMIT_ANONYMOUS_PER_MINUTE=0 LAGEBILD_LOG_FILE="$out/$1.log" \
    "$JAVA_HOME/bin/java" -Xmx256m --enable-native-access=ALL-UNNAMED -jar "$jar" > "$out/$1.out" 2>&1 &
  local pid=$!
  pids+=($pid); last_pid=$pid
  until curl -sf "http://127.0.0.1:$2/actuator/health/readiness" >/dev/null; do
    kill -0 $pid 2>/dev/null || { echo "instance $1 died"; tail -30 "$out/$1.out"; exit 1; }
    sleep 0.2
  done
}
start a 8091 true; pid_a=$last_pid
start b 8092 false; pid_b=$last_pid
cat > "$out/haproxy.cfg" <<EOF
global
    maxconn 1000
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    retries 3
    option redispatch
    option http-keep-alive
frontend web
    bind 127.0.0.1:8090
    default_backend lagebild
backend lagebild
    balance roundrobin
    option httpchk GET /actuator/health/readiness
    server a 127.0.0.1:8091 check inter 2s fall 2 rise 2
    server b 127.0.0.1:8092 check inter 2s fall 2 rise 2
EOF
/usr/sbin/haproxy -db -f "$out/haproxy.cfg" > "$out/haproxy.out" 2>&1 &
pids+=($!)
until curl -sf http://127.0.0.1:8090/actuator/health/readiness >/dev/null; do sleep 0.2; done

# heap: old generation and whole heap in use (KiB) of both instances every 30 s (jstat), and after a full GC at the
# start and at the end (jcmd GC.run, then GC.heap_info)
heap_after_gc() { "$JAVA_HOME/bin/jcmd" "$1" GC.run >/dev/null; "$JAVA_HOME/bin/jcmd" "$1" GC.heap_info | awk '/total/ {print $0; exit}'; }
echo "a start: $(heap_after_gc "$pid_a")" > "$out/heap-gc.txt"
echo "b start: $(heap_after_gc "$pid_b")" >> "$out/heap-gc.txt"
(
  echo "seconds instance heap_used_kib old_used_kib"
  t=0
  while true; do
    for i in a b; do
      p=$pid_a; [ "$i" = b ] && p=$pid_b
      "$JAVA_HOME/bin/jstat" -gc "$p" | awk -v t=$t -v i=$i 'NR==2 {printf "%d %s %.0f %.0f\n", t, i, $3+$4+$6+$8, $8}'
    done
    sleep 30; t=$((t + 30))
  done
) > "$out/heap.txt" 2>/dev/null &
pids+=($!)

# Statistics: a production PostgreSQL analyses changed tables by itself (autovacuum, on by default). This machine's
# test cluster runs with autovacuum off (conf.d/90-ci.conf), where the planner would see tables that were never
# analysed (a nested loop over every review of the tenant for each assessment of a round: 16 ms of database CPU per
# dashboard instead of 3) – so when autovacuum is off, ANALYZE runs once after the demo load and every 60 s.
if [ "$(psql -h 127.0.0.1 -U postgres -d "$db" -Atc 'show autovacuum')" = off ]; then
  echo "autovacuum is off on this server: ANALYZE after the demo load and every 60 s (as autovacuum would)"
  psql -h 127.0.0.1 -U postgres -d "$db" -qc analyze
  ( while true; do sleep 60; psql -h 127.0.0.1 -U postgres -d "$db" -qc analyze; done ) >/dev/null 2>&1 &
  pids+=($!)
fi

# CPU time of each part during the run (utime + stime from /proc, in seconds): both instances, PostgreSQL (all
# its processes), HAProxy, and the rest of the machine (Gatling, the shell, the system)
cpu_snapshot() {
  python3 bench/cpu.py "$pid_a" "$pid_b" "$1"
}
cpu_snapshot start > "$out/cpu.txt"

./lagebild mvn -B -q -Pload test-compile gatling:test -Dspotless.check.skip=true \
  -Dlagebild.base=http://127.0.0.1:8090 -Dlagebild.seconds="$SECONDS_RUN" -Dlagebild.citizens="$CITIZENS" \
  -Dlagebild.coordinators="$COORDINATORS" -Dlagebild.contributors="$CONTRIBUTORS" > "$out/gatling.txt" 2>&1 \
  && echo "Gatling: assertions held" || echo "Gatling: assertions failed (see $out/gatling.txt)"
cpu_snapshot end >> "$out/cpu.txt"
echo "a end: $(heap_after_gc "$pid_a")" >> "$out/heap-gc.txt"
echo "b end: $(heap_after_gc "$pid_b")" >> "$out/heap-gc.txt"

python3 - <<'EOF'
import glob, os, re, html
runs = sorted(glob.glob("target/gatling/*/index.html"), key=os.path.getmtime)
if not runs:
    print("no Gatling results"); raise SystemExit(1)
page = open(runs[-1], encoding="utf-8").read()
print("| request | count | errors | req/s | p50 ms | p95 ms | p99 ms | mean ms |")
print("|---|---|---|---|---|---|---|---|")
for row in re.findall(r'<tr id="[^"]*"[^>]*>(.*?)</tr>', page, re.S):
    name = re.search(r'class="ellipsed-name">([^<]*)<', row)
    cells = dict(re.findall(r'<td class="value [a-z]+ col-(\d+)">([^<]*)</td>', row))
    if not name or "2" not in cells:
        continue
    print("| %s | %s | %s | %s | %s | %s | %s | %s |" % (html.unescape(name.group(1)), cells["2"], cells["4"],
          cells["6"], cells["8"], cells["10"], cells["11"], cells["13"]))
print("\n(Gatling report: %s)" % runs[-1])
EOF
python3 bench/cpu.py --report "$out/cpu.txt"
echo; cat "$out/heap-gc.txt"; echo; cat "$out/heap.txt"
