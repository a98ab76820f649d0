#!/usr/bin/env bash
# Times `strata plan` for every bundled profile as a whole process (JVM start included), with
# hyperfine (Debian package; installed when missing). Prints hyperfine's table.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/strata" --version >/dev/null   # builds the jar and the class-data-sharing archive once
cmds=()
for p in kind-lab kind-full talos-ambient cell home; do
  "$root/strata" init --profile "$p" --dir "$work/$p" >/dev/null
  cmds+=("$root/strata plan -f $work/$p/platform.yaml")
done
hyperfine -N --warmup 3 --runs "${RUNS:-20}" --export-markdown "$work/plan.md" "${cmds[@]}" >/dev/null
sed "s#$root/##; s#$work/##g" "$work/plan.md"
