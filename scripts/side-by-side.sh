#!/usr/bin/env bash
# Side by side (run by hand, not part of the test command): the TypeScript original (@astro-aws/constructs 2.0.0,
# scripts/bench/ts) synthesized on the same sample build as ours, both assemblies served by `astroaws preview`, the
# same request classes sent to both by `astroaws smoke`, and one Markdown table from the two traces.
#
#   bash scripts/synth.sh            # once: the sample build (samples/astro-site/dist) and our cdk.out
#   bash scripts/side-by-side.sh     # prints the table and rewrites docs/side-by-side.md
#
#   SIDE_BY_SIDE_DOC=path  where the page goes (default docs/side-by-side.md; "-" only prints it)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
# shellcheck source=scripts/env.sh
source "$repo/scripts/env.sh"
# shellcheck source=scripts/node22.sh
source "$repo/scripts/node22.sh"

say() { printf '== %s\n' "$*"; }
dist="$repo/samples/astro-site/dist"
[ -s "$repo/cdk.out/AstroAwsSample.template.json" ] && [ -e "$dist/metadata.json" ] \
  || { echo "side-by-side: run 'bash scripts/synth.sh' first (it builds $dist and writes cdk.out/)" >&2; exit 1; }
work="$repo/.tmp/side-by-side"
rm -rf "$work"
mkdir -p "$work"
doc="${SIDE_BY_SIDE_DOC:-$repo/docs/side-by-side.md}"

# --- the original's assembly, on the same build ----------------------------------------------------------------------
ts_dir="$repo/scripts/bench/ts"
lock_sum="$(sha256sum "$ts_dir/package-lock.json" | cut -d' ' -f1)"
if [ "$(cat "$ts_dir/node_modules/.bench-lock" 2>/dev/null || true)" != "$lock_sum" ]; then
  say "npm ci in scripts/bench/ts"
  (cd "$ts_dir" && npm ci --no-audit --no-fund --loglevel=error) >"$work/ts-install.log" 2>&1 || { tail -30 "$work/ts-install.log" >&2; exit 1; }
  printf '%s\n' "$lock_sum" >"$ts_dir/node_modules/.bench-lock"
fi
say "synthesizing the original (@astro-aws/constructs $(node -p 'require(process.argv[1]).version' "$ts_dir/node_modules/@astro-aws/constructs/package.json")) on $dist"
node "$ts_dir/app.mjs" "$dist" "$work/original.out" >"$work/ts-synth.log" 2>&1 || { tail -30 "$work/ts-synth.log" >&2; exit 1; }

# --- the preview tool ------------------------------------------------------------------------------------------------
say "building astroaws (src/AstroAws.Preview)"
dotnet build "$repo/src/AstroAws.Preview" -nologo -v q >"$work/build.log" 2>&1 || { tail -30 "$work/build.log" >&2; exit 1; }
tool="$repo/src/AstroAws.Preview/bin/Debug/net10.0/AstroAws.Preview.dll"

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

# start NAME ASSEMBLY STACK: a preview in the background; prints its port once it says it is listening.
start() {
  local name="$1" assembly="$2" stack="$3" port i
  port="$(free_port)"
  dotnet "$tool" preview --assembly "$assembly" --stack "$stack" --port "$port" --trace "$work/$name.jsonl" >"$work/$name.log" 2>&1 &
  pids+=("$!")
  for ((i = 0; i < 600; i++)); do
    grep -q '^astroaws preview: listening on' "$work/$name.log" && { echo "$port"; return 0; }
    kill -0 "${pids[-1]}" 2>/dev/null || break
    sleep 0.1
  done
  echo "side-by-side: the preview of $stack did not start:" >&2
  cat "$work/$name.log" >&2
  return 1
}

say "previewing ours (cdk.out, AstroAwsSample) and the original's (Bench)"
ours_port="$(start ours "$repo/cdk.out" AstroAwsSample)"
theirs_port="$(start original "$work/original.out" Bench)"

say "the same request classes to both (astroaws smoke --json --insecure)"
# smoke exits 1 when a class misses its expectation: that is a finding here, not a failure of the script.
dotnet "$tool" smoke "https://127.0.0.1:$ours_port/" --json --insecure >"$work/ours.json" || true
dotnet "$tool" smoke "https://127.0.0.1:$theirs_port/" --json --insecure >"$work/original.json" || true
cleanup
pids=()

table="$(node "$repo/scripts/side-by-side/table.mjs" "$work/ours.json" "$work/ours.jsonl" "$work/original.json" "$work/original.jsonl")"
printf '%s\n' "$table"
[ "$doc" = "-" ] && exit 0

marker='<!-- findings: kept by scripts/side-by-side.sh -->'
findings=""
[ -f "$doc" ] && findings="$(awk -v m="$marker" 'found { print } $0 == m { found = 1 }' "$doc")"
[ -n "$findings" ] && findings="$findings"$'\n'
warnings="$(grep -h 'warning:' "$work/ours.log" "$work/original.log" | sed -e 's/^ *warning: /- /' -e 's# from /[^ ]*/node_modules##' | sort -u)"
{
  cat <<'HEAD'
# Side by side: AstroAws and the TypeScript original on the same build

The sample build (`samples/astro-site/dist`, ssr mode) deployed two ways, each served by `astroaws preview`
([local preview](local-preview.md)) and sent the same request classes by `astroaws smoke`: **AstroAws** (this repo's
`AstroAwsSample` stack in `cdk.out/`) and the **original**, `@astro-aws/constructs` 2.0.0 with aws-cdk-lib 2.276.0
(`scripts/bench/ts/app.mjs`, one `AstroAWS` construct with `outDir` set to the same build).

HEAD
  printf 'Made by this command, from the repository root after `bash scripts/synth.sh` (%s):\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
  printf '```bash\nbash scripts/side-by-side.sh\n```\n\n'
  cat <<'EXPLAIN'
Status: the answer, ✓ when it met the smoke expectation (`astroaws smoke`, [local preview](local-preview.md#smoke)),
✗ with what was wrong. Origin fetches: from the preview's trace, in order (S3, the Lambda function URL). What reached the
function: the path, the query string, the cookie names and the viewer headers the behavior's cache and origin request
policies let through (CloudFront's own `Via`, `X-Amz-Cf-Id`, `X-Forwarded-For` and `Host` left out).

EXPLAIN
  printf '%s\n' "$table"
  printf '\nWhat the preview said it does not emulate for these two assemblies:\n\n%s\n' "$warnings"
  # What a person wrote about the table (after the marker line) survives a regeneration.
  printf '\n%s\n' "$marker"
  printf '%s' "$findings"
} >"$doc.new"
mv "$doc.new" "$doc"
say "wrote ${doc#"$repo/"}"
