#!/usr/bin/env bash
# Run the Node tests in test/handler/ against the real @astro-aws/adapter Lambda
# bundles of samples/astro-site, under Node >= 22.12.
#
#   scripts/test-handler.sh [extra node --test args]
#
# Builds (if not up to date) samples/astro-site/dist (mode ssr), dist-ssr-stream
# (mode ssr-stream) and dist-edge (mode edge), ~2 s each when needed, then
# runs `node --test`, and ends with a "N passed, N failed, N skipped" line.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/node22.sh
source "$repo/scripts/node22.sh"

ASTRO_AWS_MODE=ssr "$repo/scripts/build-sample.sh"
ASTRO_AWS_MODE=ssr-stream "$repo/scripts/build-sample.sh" --out-dir dist-ssr-stream
ASTRO_AWS_MODE=edge "$repo/scripts/build-sample.sh" --out-dir dist-edge

cd "$repo"
out="$(mktemp "${TMPDIR:-/tmp}/astro-aws-handler-tests.XXXXXX")"
trap 'rm -f "$out"' EXIT
rc=0
node --test --test-reporter=spec "$@" 'test/handler/*.test.mjs' 2>&1 | tee "$out" || rc=$?
count() { sed -n "s/^ℹ $1 \([0-9]*\)$/\1/p" "$out" | tail -1; }
echo "$(count pass || true) passed, $(count fail || true) failed, $(count skipped || true) skipped"
exit "$rc"
