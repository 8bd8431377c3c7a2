#!/usr/bin/env bash
# Shared by build-sample.sh and build-fixtures.sh; expects node22.sh to be sourced.
#
#   build-astro-site.sh SITE_DIR [--out-dir DIR] [--force]
#
# Installs SITE_DIR's dependencies when node_modules is missing or the lock
# changed since the last install, then runs `astro build` with ASTRO_AWS_MODE
# (default ssr) unless DIR (default dist) already holds the same build.
set -euo pipefail

site="${1:?usage: build-astro-site.sh SITE_DIR [--out-dir DIR] [--force]}"
shift
out_dir="dist"
force=0
while [ $# -gt 0 ]; do
  case "$1" in
    --out-dir) out_dir="${2:?--out-dir needs a value}"; shift 2 ;;
    --out-dir=*) out_dir="${1#*=}"; shift ;;
    --force) force=1; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

mode="${ASTRO_AWS_MODE:-ssr}"
export ASTRO_AWS_MODE="$mode"
export ASTRO_TELEMETRY_DISABLED=1
name="$(basename "$site")"
say() { printf '%s: %s\n' "$name" "$*"; }

[ -n "${ASTRO_NODE:-}" ] || { echo "source scripts/node22.sh first" >&2; exit 1; }
cd "$site"

work="$(mktemp -d "${TMPDIR:-/tmp}/astro-aws-build.XXXXXX")"
trap 'rc=$?; rm -rf "$work"; [ "$rc" -eq 0 ] || say "FAILED (exit $rc)" >&2' EXIT

quiet_log() { grep -v 'Unknown user config "nodedir"' "$1" | tail -40 >&2; }

run_logged() { # run_logged LABEL CMD... : quiet on success, log tail on failure
  local label="$1" start rc=0
  shift
  start=$SECONDS
  "$@" >"$work/$label.log" 2>&1 || rc=$?
  if [ "$rc" -ne 0 ]; then
    say "$label FAILED (exit $rc); last lines:" >&2
    quiet_log "$work/$label.log"
    exit "$rc"
  fi
  say "$label done in $((SECONDS - start))s"
}

sha() { sha256sum | cut -c1-64; }

# 1. dependencies
lock_stamp="node_modules/.astro-aws-lock.sha256"
if [ -f package-lock.json ]; then
  lock_hash="$(sha <package-lock.json)"
  if [ ! -d node_modules ] || [ "$(cat "$lock_stamp" 2>/dev/null)" != "$lock_hash" ]; then
    say "installing dependencies (node $("$ASTRO_NODE" --version), npm $(npm --version 2>/dev/null))"
    start=$SECONDS
    if npm ci --no-audit --no-fund >"$work/npm-ci.log" 2>&1; then
      say "npm ci done in $((SECONDS - start))s"
    elif grep -q 'are in sync' "$work/npm-ci.log"; then
      # The registry reachable here does not serve every platform build of the
      # optional @astrojs/compiler-binding-* packages, so the committed lock lacks
      # them and npm 11's `npm ci` rejects it as "not in sync" (EUSAGE, <1 s).
      # `npm install` honours the same lock (exact versions + integrity) and
      # skips the unavailable optionals; the committed lock is kept as is.
      say "npm ci refused the lock (unlocked optional platform packages); falling back to npm install"
      cp package-lock.json "$work/lock.bak"
      run_logged "npm-install" npm install --no-audit --no-fund
      if ! cmp -s package-lock.json "$work/lock.bak"; then
        say "warning: npm install changed package-lock.json; restored the committed lock" >&2
        cp "$work/lock.bak" package-lock.json
      fi
    else
      say "npm ci FAILED; last lines:" >&2
      quiet_log "$work/npm-ci.log"
      exit 1
    fi
    printf '%s\n' "$lock_hash" >"$lock_stamp"
  fi
elif [ ! -d node_modules ]; then
  say "no package-lock.json: npm install"
  run_logged "npm-install" npm install --no-audit --no-fund
fi

# 2. build, unless the output already holds this exact build
inputs=()
for p in src public astro.config.mjs astro.config.ts package.json package-lock.json tsconfig.json; do
  [ -e "$p" ] && inputs+=("$p")
done
fingerprint="$(
  {
    printf 'mode=%s\nout=%s\nnode=%s\n' "$mode" "$out_dir" "$("$ASTRO_NODE" --version)"
    find "${inputs[@]}" -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
  } | sha
)"
stamp="$out_dir/.build-stamp"
if [ "$force" -eq 0 ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$fingerprint" ]; then
  say "$out_dir is up to date (mode $mode)"
  exit 0
fi
say "astro build (mode $mode) -> $out_dir"
run_logged "astro-build" npx --no-install astro build --outDir "$out_dir"
printf '%s\n' "$fingerprint" >"$stamp"
