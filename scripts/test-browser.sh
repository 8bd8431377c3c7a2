#!/usr/bin/env bash
# The browser suite (test/browser, docs/browser-tests.md): the synthesized sample (cdk.out, stack AstroAwsSample) served
# by the preview tool (src/AstroAws.Preview) and driven in Debian's headless Chromium by playwright-core.
#
#   scripts/test-browser.sh [extra node --test args]
#
#   ASTRO_BROWSER_BASE_URL  test this https:// server instead of starting the preview (ASTRO_BROWSER_TRACE: its trace)
#   ASTRO_BROWSER_ARTIFACTS screenshots and the preview's trace (default test/browser/artifacts)
#
# Installs what it needs: Debian's chromium (scripts/chromium.sh, apt) and test/browser's npm packages (`npm ci`, when
# package-lock.json changed since the last install); no tool downloads a browser of its own. Needs cdk.out from
# scripts/synth.sh. Prints how long each part took and ends with a "N passed, N failed, N skipped" line; a test the
# runner cancelled counts as failed.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
suite="$repo/test/browser"
# shellcheck source=scripts/node22.sh
source "$repo/scripts/node22.sh"

started=$SECONDS
# shellcheck source=scripts/chromium.sh
source "$repo/scripts/chromium.sh" || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
chromium_s=$((SECONDS - started))

started=$SECONDS
stamp="$suite/node_modules/.astro-aws-lock"
lock_sum="$(sha256sum "$suite/package-lock.json" | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$lock_sum" ]; then
  if ! (cd "$suite" && npm ci --no-audit --no-fund --loglevel=error); then
    echo "test-browser.sh: npm ci in test/browser failed"
    echo "0 passed, 1 failed, 0 skipped"
    exit 1
  fi
  echo "$lock_sum" >"$stamp"
fi
npm_s=$((SECONDS - started))

# The preview's own build, ahead of the suite, so that a build error reads as one and `dotnet run` starts at once.
started=$SECONDS
if [ -z "${ASTRO_BROWSER_BASE_URL:-}" ] && [ -d "$repo/src/AstroAws.Preview" ]; then
  if ! dotnet build "$repo/src/AstroAws.Preview" -v q -nologo; then
    echo "test-browser.sh: dotnet build src/AstroAws.Preview failed"
    echo "0 passed, 1 failed, 0 skipped"
    exit 1
  fi
fi
build_s=$((SECONDS - started))

cd "$suite"
out="$(mktemp "${TMPDIR:-/tmp}/astro-aws-browser-tests.XXXXXX")"
trap 'rm -f "$out"' EXIT
started=$SECONDS
rc=0
node --test --test-reporter=spec "$@" site.spec.mjs 2>&1 | tee "$out" || rc=$?
suite_s=$((SECONDS - started))
echo "browser: chromium install/check ${chromium_s} s, npm ci ${npm_s} s, preview build ${build_s} s, suite ${suite_s} s; screenshots in ${ASTRO_BROWSER_ARTIFACTS:-$suite/artifacts}"
count() { sed -n "s/^ℹ $1 \([0-9]*\)$/\1/p" "$out" | tail -1; }
pass="$(count pass || true)"
fail="$(count fail || true)"
cancelled="$(count cancelled || true)"
skipped="$(count skipped || true)"
if [ -z "$pass" ] && [ -z "$fail" ]; then
  echo "test-browser.sh: node --test printed no summary"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi
echo "${pass:-0} passed, $(( ${fail:-0} + ${cancelled:-0} )) failed, ${skipped:-0} skipped"
exit "$rc"
