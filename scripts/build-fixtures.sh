#!/usr/bin/env bash
# Regenerate test/AstroAws.Tests/Fixtures/<mode>/dist from real Astro builds of
# the tiny site in test/fixtures/site (Astro + @astro-aws/adapter, versions from
# its package-lock.json), one build per mode: ssr, ssr-stream, edge, static.
#
#   scripts/build-fixtures.sh [mode...]      (default: all four)
#
# Server modes keep metadata.json and client/ verbatim and replace lambda/ by a
# one-line lambda/entry.mjs (the real ~0.7 MB bundle is exercised by
# scripts/test-handler.sh); dist/server is dropped. "static" builds with
# output: "static" and no adapter; its dist/ is copied verbatim.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/node22.sh
source "$repo/scripts/node22.sh"

site="$repo/test/fixtures/site"
fixtures="$repo/test/AstroAws.Tests/Fixtures"
modes=("$@")
[ ${#modes[@]} -gt 0 ] || modes=(ssr ssr-stream edge static)

for mode in "${modes[@]}"; do
  case "$mode" in ssr | ssr-stream | edge | static) ;; *) echo "unknown mode: $mode" >&2; exit 2 ;; esac
  ASTRO_AWS_MODE="$mode" "$repo/scripts/lib/build-astro-site.sh" "$site"
  src="$site/dist"
  dest="$fixtures/$mode/dist"
  rm -rf "$dest"
  mkdir -p "$dest"
  if [ "$mode" = static ]; then
    [ ! -e "$src/metadata.json" ] || { echo "static build unexpectedly wrote metadata.json" >&2; exit 1; }
    cp -R "$src/." "$dest/"
    rm -f "$dest/.build-stamp"
  else
    [ -f "$src/metadata.json" ] && [ -f "$src/lambda/entry.mjs" ] || {
      echo "$mode build lacks metadata.json or lambda/entry.mjs" >&2; exit 1; }
    cp "$src/metadata.json" "$dest/metadata.json"
    cp -R "$src/client" "$dest/client"
    mkdir -p "$dest/lambda"
    printf '%s\n' "// Fixture stand-in: the real lambda/entry.mjs (a ~0.7 MB esbuild bundle exporting handler) is trimmed here; the real bundle is exercised by test/handler (scripts/test-handler.sh) on the samples/astro-site build." \
      >"$dest/lambda/entry.mjs"
  fi
  printf 'fixtures: %s -> %s (%s files, %s)\n' "$mode" "${dest#"$repo/"}" \
    "$(find "$dest" -type f | wc -l)" "$(du -sh "$dest" | cut -f1)"
done
