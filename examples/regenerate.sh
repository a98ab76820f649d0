#!/usr/bin/env bash
# Re-renders every committed example from its profile. The test suite fails when an example
# differs from what `strata render` produces (ExamplesTest), so run this after changing the
# catalog, a profile or a generator, and commit the result.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# init never writes into the Strata checkout (a lab needs a directory of its own): the profile is
# written elsewhere and copied in; render writes the tree next to it.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
for p in kind-lab kind-full talos-ambient cell home; do
  "$root/strata" init --profile "$p" --dir "$scratch/$p" >/dev/null
  mkdir -p "$root/examples/$p"
  cp "$scratch/$p/platform.yaml" "$scratch/$p/platform.schema.json" "$root/examples/$p/"
  "$root/strata" render -f "$root/examples/$p/platform.yaml" >/dev/null
  echo "examples/$p: $(wc -l < "$root/examples/$p/.strata/rendered-files.txt") files"
done
