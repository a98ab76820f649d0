#!/usr/bin/env bash
# End-to-end proof of the live path on a machine with Docker and kind:
#   strata init → strata up → strata verify (JUnit XML) → strata down, each phase timed.
# Needs: a running Docker engine, kind on PATH (or STRATA_INSTALL_TOOLS=1), JDK 21+, ~8 GiB free memory.
# Environment:
#   PROFILE   profile to bring up (default kind-lab)
#   WORK      directory for the spec and its rendered tree (default: a new temporary directory)
#   KEEP=1    leave the cluster running at the end (default: strata down --yes, also after a failure)
#   TIMEOUT   strata up's wait for healthy Applications (default 25m)
#   STRATA_INSTALL_TOOLS=1   let strata fetch the pinned kind (checksum-verified) when it is missing
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PROFILE=${PROFILE:-kind-lab}
WORK=${WORK:-$(mktemp -d -t strata-e2e-XXXXXX)}
TIMEOUT=${TIMEOUT:-25m}
REPORTS=${REPORTS:-$ROOT/e2e/reports}
declare -a PHASES=()

phase() { # name, command...
  local name=$1; shift
  local start end
  start=$(date +%s)
  echo "=== $name: $*"
  if "$@"; then
    end=$(date +%s); PHASES+=("$name $((end - start))s ok")
  else
    local rc=$?
    end=$(date +%s); PHASES+=("$name $((end - start))s FAILED (exit $rc)")
    return $rc
  fi
}

summary() {
  echo
  echo "=== timing (profile $PROFILE, work dir $WORK)"
  printf '  %s\n' "${PHASES[@]}"
}

teardown() {
  local rc=$?
  if [[ "${KEEP:-0}" != 1 && -f "$WORK/platform.yaml" ]]; then
    phase down "${STRATA[@]}" down -f "$WORK/platform.yaml" --yes || true
  fi
  summary
  exit $rc
}

cd "$ROOT"
STRATA=(./strata)
trap teardown EXIT

# The README's main job, word for word but for the profile and the directory (ReadmeTest holds them together):
#   ./strata init --profile kind-lab --dir ~/strata-lab && ./strata up -f ~/strata-lab/platform.yaml
phase init ./strata init --profile "$PROFILE" --dir "$WORK"
phase doctor ./strata doctor -f "$WORK/platform.yaml"
UP_ARGS=(--timeout "$TIMEOUT")
[[ "${STRATA_INSTALL_TOOLS:-0}" == 1 ]] && UP_ARGS+=(--install-tools)
phase up ./strata up -f "$WORK"/platform.yaml "${UP_ARGS[@]}"
phase up-again "${STRATA[@]}" up -f "$WORK/platform.yaml" --timeout 5m   # idempotent: every step unchanged
phase status "${STRATA[@]}" status -f "$WORK/platform.yaml"
mkdir -p "$REPORTS"
phase verify bash -c '"$@" > "'"$REPORTS"'/verify.xml"' _ "${STRATA[@]}" verify -f "$WORK/platform.yaml" -o junit
"${STRATA[@]}" verify -f "$WORK/platform.yaml" || true   # the same checks, readable, for the log
