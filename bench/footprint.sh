#!/usr/bin/env bash
# Prints the per-profile footprint table (requests of Strata's components and apps, Kubernetes'
# own pods apart, and whether everything fits) from `strata plan -o json`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "| profile | nodes | components | pods | components CPU / memory | apps CPU / memory | Kubernetes CPU / memory | fits |"
echo "|---|---|---|---|---|---|---|---|"
for p in kind-lab kind-full talos-ambient cell home; do
  "$root/strata" init --profile "$p" --dir "$work/$p" >/dev/null
  "$root/strata" plan -f "$work/$p/platform.yaml" -o json > "$work/$p.json" || true
  python3 - "$p" "$work/$p.json" <<'PY'
import json, sys
p, f = sys.argv[1], sys.argv[2]
d = json.load(open(f))
c = d["capacity"]; t = c["totals"]
fmt = lambda r: "%dm / %dMi" % (r["cpuMillicores"], round(r["memoryBytes"] / 2**20))
print("| %s | %d | %d | %d | %s | %s | %s | %s |" % (p, len(c["nodes"]), len(d["components"]), c["pods"],
      fmt(t["components"]), fmt(t["apps"]), fmt(t["kubernetes"]), "yes" if c["fits"] else "NO"))
PY
done
