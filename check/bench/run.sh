#!/usr/bin/env bash
# Benchmarks the full rule set of strata check, as a whole process (JVM included), on a generated
# corpus of 5,000 manifests: one multi-document file, and 5,000 files. Prints the median wall time
# and CPU time and the max RSS over RUNS runs (GNU time): default JVM flags, then the flags a
# launcher should use for a short-lived check (C1 only, serial GC), then the same with an AppCDS
# archive trained by one run.
#
# usage: check/bench/run.sh [N=5000] [RUNS=5]      (from the repository root)
set -euo pipefail
N=${1:-5000}
RUNS=${2:-5}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JAVA_HOME/bin/java
WORK=${BENCH_DIR:-/tmp/strata-check-bench}
mkdir -p "$WORK"

./mvnw -B -q -pl check package -DskipTests
./mvnw -B -q -pl check dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=runtime >/dev/null
CP="check/target/strata-check-0.1.0-SNAPSHOT.jar:$(cat "$WORK/cp.txt")"
python3 check/bench/gen-corpus.py "$WORK/corpus" "$N"

JSA="$WORK/strata-check.jsa"
rm -f "$JSA"
# One training run writes the AppCDS archive (classes loaded by a real check).
"$JAVA" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$JSA" \
  -cp "$CP" dev.strata.check.bench.CheckMain --quiet "$WORK/corpus/single" >/dev/null 2>&1 || true

measure() { # label, java options..., then corpus dir last
  local label=$1; shift
  local dir=${*: -1}
  local opts=("${@:1:$#-1}")
  local times=() rss=() cpus=()
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M %U %S" -o "$WORK/time.txt" "$JAVA" "${opts[@]}" -cp "$CP" \
      dev.strata.check.bench.CheckMain --quiet "$dir" >"$WORK/out.txt" 2>/dev/null || true
    read -r t m u s <"$WORK/time.txt"
    times+=("$t"); rss+=("$m"); cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}')")
  done
  local med
  med=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  local cpu
  cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  local maxrss
  maxrss=$(printf '%s\n' "${rss[@]}" | sort -n | tail -1)
  printf '%-30s wall median %5.2f s  cpu median %5.2f s  max RSS %3d MiB  (wall runs: %s)\n' "$label" "$med" "$cpu" \
    $((maxrss / 1024)) "${times[*]}"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
for corpus in single many; do
  measure "$corpus, default JVM" "$WORK/corpus/$corpus"
  measure "$corpus, C1 + SerialGC" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "$WORK/corpus/$corpus"
  measure "$corpus, C1 + SerialGC + AppCDS" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -XX:SharedArchiveFile="$JSA" "$WORK/corpus/$corpus"
done
echo "last summary: $(tail -1 "$WORK/out.txt")"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
