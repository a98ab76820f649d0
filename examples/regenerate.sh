#!/usr/bin/env bash
# Re-renders every committed example from its profile. The test suite fails when an example
# differs from what `strata render` produces (ExamplesTest), so run this after changing the
# catalog, a profile or a generator, and commit the result.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
for p in kind-lab kind-full talos-ambient cell home; do
  "$root/strata" init --profile "$p" --dir "$root/examples/$p" --force >/dev/null
  "$root/strata" render -f "$root/examples/$p/platform.yaml" >/dev/null
  echo "examples/$p: $(wc -l < "$root/examples/$p/.strata/rendered-files.txt") files"
done
