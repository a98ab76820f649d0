#!/usr/bin/env bash
# Times `strata plan` and `strata render` for every bundled profile as whole processes (JVM start
# included), with hyperfine (Debian package; installed when missing). Prints hyperfine's tables.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/strata" --version >/dev/null   # builds the jar and the class-data-sharing archive once
cmds=()
renders=()
for p in kind-lab kind-full talos-ambient cell home; do
  "$root/strata" init --profile "$p" --dir "$work/$p" >/dev/null
  cmds+=("$root/strata plan -f $work/$p/platform.yaml")
  renders+=("$root/strata render -f $work/$p/platform.yaml")
done
hyperfine -N --warmup 3 --runs "${RUNS:-20}" --export-markdown "$work/plan.md" "${cmds[@]}" >/dev/null
hyperfine -N --warmup 3 --runs "${RUNS:-20}" --export-markdown "$work/render.md" "${renders[@]}" >/dev/null
sed "s#$root/##g; s#$work/##g" "$work/plan.md" "$work/render.md"
