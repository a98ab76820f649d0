#!/usr/bin/env bash
# Benchmarks the Java sample API against the seed-style Flask baseline, on loopback only.
#
#   sample-api/bench/run.sh            (from the repository root or anywhere)
#
# Builds the jar, starts the Java service (metrics ON, tracing ON: every request sampled and
# exported over OTLP/HTTP to a dummy collector on 127.0.0.1, JSON access logs ON to a file),
# starts the Flask baseline (gunicorn, 4 workers), runs `wrk -t2 -c64 -d15s` against
# GET /status and POST /echo on each (servers take turns, two rounds, best of each kept), and
# prints req/s and p99 side by side, the Java start-up time to the first ready response, and its RSS after the load with
# the heap sized for a 512 MiB container (-XX:MaxRAM=512m plus the chart's JVM options), and
# the start-up time again with an AppCDS archive made by a previous run.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
baseline=${FLASK_BASELINE:-$root/../shared/bench/flask-baseline}
[ -d "$baseline" ] || baseline=/work/shared/bench/flask-baseline
java_port=${JAVA_PORT:-18080}
flask_port=${FLASK_PORT:-18081}
otlp_port=${OTLP_PORT:-18082}
duration=${DURATION:-15s}
# The chart's defaults (values.yaml: jvm.*), with MaxRAM standing in for the container limit.
jvm_options=${JVM_OPTIONS:--XX:MaxRAM=512m -XX:MaxRAMPercentage=60 -XX:+UseSerialGC -Xmn32m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:+ExitOnOutOfMemoryError}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
work=$(mktemp -d)

if [ -z "${JAVA_HOME:-}" ]; then
  for jdk in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    [ -x "$jdk/bin/java" ] && export JAVA_HOME=$jdk && break
  done
fi
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)"
  (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null
fi

echo "building sample-api.jar"
(cd "$root" && ./mvnw -B -q -pl sample-api package -DskipTests)

wait_for() { # url timeout-seconds
  local deadline=$(( $(date +%s) + $2 ))
  until curl -fs -o /dev/null "$1"; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "timed out waiting for $1" >&2; return 1; }
    sleep 0.005
  done
}

bench() { # name url [wrk args...] -> "req/s p99"
  local out
  out=$(wrk -t2 -c64 -d"$duration" --latency "${@:2}" "$1")
  echo "$out" >> "$work/wrk-$(echo "$1" | tr -c 'a-z0-9' '_').txt"
  local rps p99
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  echo "$rps $p99"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
python3 "$here/otlp_sink.py" "$otlp_port" > "$work/otlp.txt" 2>&1 &
pids+=($!); otlp_pid=$!

start_java() { # extra JVM options...; sets java_pid and startup_ms
  local start_ns
  start_ns=$(date +%s%N)
  # shellcheck disable=SC2086 # jvm_options is a list of options
  HOST=127.0.0.1 PORT=$java_port OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$otlp_port \
    OTEL_TRACES_SAMPLER_ARG=1.0 LOG_ACCESS=true \
    "$java_bin" $jvm_options "$@" -jar "$root/sample-api/target/sample-api.jar" >> "$work/java.log" 2>&1 &
  java_pid=$!; pids+=($java_pid)
  wait_for "http://127.0.0.1:$java_port/ready" 30
  startup_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
}

echo "starting the Java service on 127.0.0.1:$java_port"
start_java
cold_startup_ms=$startup_ms

echo "start-up with an AppCDS archive: one run writes it at exit, the next one uses it"
kill "$java_pid"; wait "$java_pid" 2>/dev/null || true
start_java -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$work/sample-api.jsa"
curl -fs -o /dev/null "http://127.0.0.1:$java_port/status"
kill "$java_pid"; wait "$java_pid" 2>/dev/null || true
start_java -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$work/sample-api.jsa"
cds_startup_ms=$startup_ms
kill "$java_pid"; wait "$java_pid" 2>/dev/null || true

echo "starting the Java service again (no archive) for the load runs"
start_java

echo "starting the Flask baseline on 127.0.0.1:$flask_port (installs its Debian packages when missing)"
bash "$baseline/run.sh" "$flask_port" > "$work/flask.log" 2>&1 &
flask_pid=$!; pids+=($flask_pid)
wait_for "http://127.0.0.1:$flask_port/status" 600

echo "warming up both (5 s per endpoint each, not measured; the JVM's JIT needs it)"
for port in "$java_port" "$flask_port"; do
  wrk -t2 -c64 -d5s "http://127.0.0.1:$port/status" >/dev/null
  wrk -t2 -c64 -d5s -s "$here/echo.lua" "http://127.0.0.1:$port/echo" >/dev/null
done

# The machine is shared: the servers take turns, twice, and for each side the best req/s and
# the best p99 of the two rounds are kept (all rounds are printed), so a burst of someone
# else's load does not land on one side only.
best() { # "rps p99" lines on stdin -> the highest rps and the lowest p99
  awk '{ if ($1 > rps) rps = $1; v = $2; ms = v + 0; if (v ~ /us$/) ms /= 1000; if (v ~ /[0-9]s$/ && v !~ /ms$/ && v !~ /us$/) ms *= 1000;
         if (best == "" || ms < best) { best = ms; p99 = v } } END { print rps, p99 }'
}
: > "$work/java-status.txt"; : > "$work/flask-status.txt"; : > "$work/java-echo.txt"; : > "$work/flask-echo.txt"
for round in 1 2; do
  echo "round $round: GET /status and POST /echo, Java then Flask ($duration each)"
  bench "http://127.0.0.1:$java_port/status" >> "$work/java-status.txt"
  bench "http://127.0.0.1:$flask_port/status" >> "$work/flask-status.txt"
  bench "http://127.0.0.1:$java_port/echo" -s "$here/echo.lua" >> "$work/java-echo.txt"
  bench "http://127.0.0.1:$flask_port/echo" -s "$here/echo.lua" >> "$work/flask-echo.txt"
done
read -r j_status_rps j_status_p99 < <(best < "$work/java-status.txt")
read -r f_status_rps f_status_p99 < <(best < "$work/flask-status.txt")
read -r j_echo_rps j_echo_p99 < <(best < "$work/java-echo.txt")
read -r f_echo_rps f_echo_p99 < <(best < "$work/flask-echo.txt")
java_rss_kib=$(ps -o rss= -p "$java_pid" | tr -d ' ')
flask_rss_kib=$(ps -o rss= --ppid "$flask_pid" -p "$flask_pid" | awk '{s += $1} END {print s}')
java_requests=$(curl -fs "http://127.0.0.1:$java_port/metrics" \
  | awk '/^http_server_requests_seconds_count/ {sum += $NF} END {printf "%.0f", sum}')
kill "$java_pid" "$flask_pid"; wait "$java_pid" "$flask_pid" 2>/dev/null || true

kill "$otlp_pid"; wait "$otlp_pid" 2>/dev/null || true
otlp=$(tail -n 1 "$work/otlp.txt")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1fx", a / b}'; }
echo
echo "wrk -t2 -c64 -d$duration, loopback, $(nproc) cores, load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Java: $("$java_bin" -version 2>&1 | head -n 1); JVM options: $jvm_options; MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX"
printf '%-14s %14s %12s %14s %12s %8s\n' endpoint "java req/s" "java p99" "flask req/s" "flask p99" speedup
printf '%-14s %14s %12s %14s %12s %8s\n' "GET /status" "$j_status_rps" "$j_status_p99" "$f_status_rps" "$f_status_p99" "$(ratio "$j_status_rps" "$f_status_rps")"
printf '%-14s %14s %12s %14s %12s %8s\n' "POST /echo" "$j_echo_rps" "$j_echo_p99" "$f_echo_rps" "$f_echo_p99" "$(ratio "$j_echo_rps" "$f_echo_rps")"
echo "java start-up to first ready response: ${cold_startup_ms} ms cold, ${cds_startup_ms} ms with the AppCDS archive"
for side in java-status flask-status java-echo flask-echo; do echo "  rounds $side: $(tr '\n' ';' < "$work/$side.txt")"; done
echo "java RSS after load (heap sized for a 512 MiB container): $(( java_rss_kib / 1024 )) MiB"
echo "flask RSS after load (gunicorn master + 4 workers): $(( flask_rss_kib / 1024 )) MiB"
echo "java requests counted by its own metrics: $java_requests; OTLP collector received: $otlp"
echo "raw wrk output and logs: $work"
