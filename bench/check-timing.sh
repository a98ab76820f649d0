#!/usr/bin/env bash
# Times `strata check` through the CLI launcher (JVM start, class-data sharing and all), with the
# full rule set, on a generated corpus of N manifests (Deployments, Services, ConfigMaps with
# cross references): as one multi-document file and as N files. Prints hyperfine's table and the
# maximum resident memory (GNU time). Corpus generator: check/bench/gen-corpus.py.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
N=${1:-5000}
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$root/check/bench/gen-corpus.py" "$work/corpus" "$N" >/dev/null
"$root/strata" check "$work/corpus/single" -o json >/dev/null || true   # builds the jar and its start-up class data
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
hyperfine -N -i --warmup 2 --runs "${RUNS:-10}" --export-markdown "$work/check.md" \
  "$root/strata check $work/corpus/single -o json" "$root/strata check $work/corpus/many -o json" >/dev/null
sed "s#$root/##g; s#$work/##g" "$work/check.md"
for c in single many; do
  /usr/bin/time -f "%M" -o "$work/rss" "$root/strata" check "$work/corpus/$c" -o json >"$work/out.json" 2>/dev/null || true
  echo "$c: max RSS $(( $(cat "$work/rss") / 1024 )) MiB; $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"])' "$work/out.json")"
done
