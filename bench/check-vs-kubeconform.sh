#!/usr/bin/env bash
# strata check and kubeconform side by side, in one run, on the same generated corpus of N manifests
# (ConfigMaps, Deployments and Services: check/bench/gen-corpus.py), as one multi-document file and as
# N files. Whole processes, paired runs (A B A B ...), so that the machine's drift hits both alike.
#
# usage: bench/check-vs-kubeconform.sh KUBECONFORM_BIN SCHEMA_DIR
#   KUBECONFORM_BIN  a kubeconform binary (the README's figures: v0.6.3, built from its source)
#   SCHEMA_DIR       schemas in the yannh/kubernetes-json-schema layout, holding at least
#                    v$KUBE_VERSION-standalone-strict/{deployment-apps-v1,service-v1,configmap-v1}.json;
#                    kubeconform runs offline against them with -strict (nothing is downloaded)
# environment: N (default 5000), RUNS (default 15), KUBE_VERSION (default 1.34.0),
#              STRATA (the launcher, default ./strata: a copy of it beside a copy of cli/target keeps a
#              source edit during the run from rebuilding the jar mid-measurement)
# timing: farm-bench when it is on PATH (medians of paired runs, peak memory), else hyperfine + GNU time.
set -euo pipefail
[ $# -eq 2 ] || { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
cd "$(dirname "$0")/.."
kc="$(readlink -f "$1")"
schemas="$(readlink -f "$2")"
N=${N:-5000}; RUNS=${RUNS:-15}; KUBE_VERSION=${KUBE_VERSION:-1.34.0}; strata="$(readlink -f "${STRATA:-./strata}")"
[ -x "$kc" ] || { echo "not an executable: $kc" >&2; exit 2; }
for s in deployment-apps-v1 service-v1 configmap-v1; do
  [ -f "$schemas/v$KUBE_VERSION-standalone-strict/$s.json" ] || { echo "missing schema: $schemas/v$KUBE_VERSION-standalone-strict/$s.json" >&2; exit 2; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 check/bench/gen-corpus.py "$work/corpus" "$N" >/dev/null
location="$schemas/{{.NormalizedKubernetesVersion}}-standalone-strict/{{.ResourceKind}}{{.KindSuffix}}.json"
kc_cmd="$kc -schema-location $location -strict -kubernetes-version $KUBE_VERSION -summary"

# kubeconform must really validate against these schemas: an invalid manifest has to fail.
printf 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: bad}\nspec:\n  replicas: "two"\n' >"$work/invalid.yaml"
if $kc_cmd "$work/invalid.yaml" >/dev/null 2>&1; then
  echo "kubeconform accepted an invalid manifest: its schemas are not being used" >&2; exit 1
fi
"$strata" --version >/dev/null   # builds the jar and its start-up class data outside the timing

echo "strata: $("$strata" --version | head -1); kubeconform: $($kc -v); $N manifests; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
for c in single many; do
  echo
  echo "## $c: $([ $c = single ] && echo "1 file of $N manifests" || echo "$N files")   (A = strata check -o json, B = kubeconform -strict)"
  if command -v farm-bench >/dev/null; then
    farm-bench -n "$RUNS" --warmup 2 --timeout 900 --vs "$kc_cmd $work/corpus/$c" -- "$strata" check "$work/corpus/$c" -o json
  else
    hyperfine -N -i --warmup 2 --runs "$RUNS" -n strata "$strata check $work/corpus/$c -o json" -n kubeconform "$kc_cmd $work/corpus/$c"
    for cmd in "$strata check $work/corpus/$c -o json" "$kc_cmd $work/corpus/$c"; do
      /usr/bin/time -f "%M KiB max RSS: ${cmd%% *}" $cmd >/dev/null 2>"$work/rss" || true; tail -1 "$work/rss"
    done
  fi
  echo "verdicts: strata $("$strata" check "$work/corpus/$c" | tail -1); kubeconform $($kc_cmd "$work/corpus/$c" | tail -1)"
done
