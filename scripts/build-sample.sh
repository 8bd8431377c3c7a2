#!/usr/bin/env bash
# Build samples/astro-site with Node >= 22.12 (see scripts/node22.sh).
#
#   scripts/build-sample.sh [--out-dir DIR] [--force]
#
#   ASTRO_AWS_MODE   adapter mode: ssr (default), ssr-stream, edge
#   --out-dir DIR    Astro outDir, relative to samples/astro-site (default: dist).
#                    It must stay inside samples/astro-site: the prerender step
#                    resolves packages from the output folder.
#   --force          rebuild even when the output is up to date
#
# Runs `npm ci` when node_modules is missing or package-lock.json changed since
# the last install, then `astro build` unless the output folder already holds a
# build of the same sources, mode and lock (stamp file <out-dir>/.build-stamp,
# which any `astro build` wipes). Idempotent; exits non-zero on failure.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/node22.sh
source "$repo/scripts/node22.sh"

site="$repo/samples/astro-site"
exec "$repo/scripts/lib/build-astro-site.sh" "$site" "$@"
