#!/usr/bin/env bash
# Benchmark (not a test): how `cdk synth` of one site scales with the number of files in the build, for AstroAws (C#,
# tools/bench-synth) and the TypeScript original @astro-aws/constructs 2.0.0 (scripts/bench/ts), on the same folders.
#
#   bash scripts/bench-synth.sh
#
#   BENCH_SIZES    files outside client/_astro/ per generated site (default: "100 1000 10000 100000")
#   BENCH_RUNS     timed runs per side and size (default: 3); the table shows medians
#   BENCH_TIMEOUT  seconds one synth may take before it counts as failed (default: 3600)
#   CDK_VALIDATION=false  passed through: turns off the CloudFormation validation (a wasm engine) that aws-cdk-lib 2.2xx
#                  runs at every synth by default; it is most of the TS side's time on small sites. Amazon.CDK.Lib
#                  2.160.0 (the C# side) has no such step.
#   BENCH_CS_REV   build the C# side from this commit (e.g. HEAD) instead of the work tree: to compare before/after a
#                  change, or to bench while the work tree does not compile. tools/bench-synth comes from the work tree.
#
# Each site is the real sample build (scripts/build-sample.sh, ssr mode) with copies of one of its prerendered pages
# added as client/posts/post-NNNNNN/index.html. Each run is a fresh process with its own cdk.out and TMPDIR, removed
# right after (at 100,000 files each cdk.out is a full copy of the site). Runs alternate C#, TS, C#, TS, ... so that
# drift of the machine (page cache, thermal, neighbours) hits both sides alike.
#
# Writes the tables to .tmp/bench-synth.md and prints them; the full stderr of a failed synth goes to
# .tmp/bench-synth-logs/. A side that fails at a size is reported as failed there; the benchmark goes on.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
# shellcheck source=scripts/env.sh
source "$repo/scripts/env.sh"

read -ra sizes <<<"${BENCH_SIZES:-100 1000 10000 100000}"
runs="${BENCH_RUNS:-3}"
run_timeout="${BENCH_TIMEOUT:-3600}"
for n in "${sizes[@]}" "$runs" "$run_timeout"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "bench-synth: '$n' is not a positive integer (BENCH_SIZES, BENCH_RUNS, BENCH_TIMEOUT)" >&2; exit 2; }
done
[ "${#sizes[@]}" -gt 0 ] || { echo "bench-synth: BENCH_SIZES is empty" >&2; exit 2; }

report="$repo/.tmp/bench-synth.md"
logs="$repo/.tmp/bench-synth-logs"
# Under env.sh's TMPDIR, so that the generated sites and any cdk.out left by an interrupted run go away on exit.
scratch="$ASTRO_TMP/bench"
mkdir -p "$scratch"
rm -rf "$logs"

say() { printf '== %s\n' "$*"; }

# --- 1. the real sample build, in ssr mode whatever the caller's ASTRO_AWS_MODE says --------------------------------
say "sample build (samples/astro-site/dist, ssr)"
ASTRO_AWS_MODE=ssr "$repo/scripts/build-sample.sh"
dist="$repo/samples/astro-site/dist"
for part in metadata.json lambda client; do
  [ -e "$dist/$part" ] || { echo "bench-synth: $dist/$part is missing after the sample build" >&2; exit 1; }
done
# The page the generated posts copy: a real prerendered page of the build (any index.html outside _astro/).
page="$(find "$dist/client" -name index.html -not -path "$dist/client/_astro/*" | sort | head -n 1)"
[ -n "$page" ] || { echo "bench-synth: no prerendered index.html in $dist/client" >&2; exit 1; }

# --- 2. both synth programs, built/installed before any timing so that no run pays for it ----------------------------
cs_root="$repo"
cs_label="work tree"
if [ -n "${BENCH_CS_REV:-}" ]; then
  # A plain export (no worktree): it leaves .git untouched and goes away with the scratch folder.
  cs_rev="$(git rev-parse --short "${BENCH_CS_REV}^{commit}")"
  cs_root="$scratch/cs-src"
  cs_label="commit $cs_rev"
  mkdir -p "$cs_root"
  git archive "$cs_rev" | tar -x -C "$cs_root"
  rm -rf "$cs_root/tools/bench-synth"
  mkdir -p "$cs_root/tools/bench-synth"
  cp "$repo/tools/bench-synth/BenchSynth.csproj" "$repo/tools/bench-synth/Program.cs" "$cs_root/tools/bench-synth/"
fi
say "building tools/bench-synth (Release, AstroAws from the $cs_label)"
if ! dotnet build "$cs_root/tools/bench-synth" -c Release -nologo -v q >"$scratch/cs-build.log" 2>&1; then
  tail -30 "$scratch/cs-build.log" >&2
  exit 1
fi
cs_dll="$cs_root/tools/bench-synth/bin/Release/net10.0/BenchSynth.dll"
[ -f "$cs_dll" ] || { echo "bench-synth: $cs_dll was not built" >&2; exit 1; }

ts_dir="$repo/scripts/bench/ts"
# npm ci only when the lock changed since the last install: a no-op install still costs seconds of registry round trips.
lock_sum="$(sha256sum "$ts_dir/package-lock.json" | cut -d' ' -f1)"
if [ "$(cat "$ts_dir/node_modules/.bench-lock" 2>/dev/null || true)" != "$lock_sum" ]; then
  say "npm ci in scripts/bench/ts"
  if ! (cd "$ts_dir" && npm ci --no-audit --no-fund --loglevel=error) >"$scratch/ts-install.log" 2>&1; then
    tail -30 "$scratch/ts-install.log" >&2
    exit 1
  fi
  printf '%s\n' "$lock_sum" >"$ts_dir/node_modules/.bench-lock"
fi
ts_cdk="$(node -p 'require(process.argv[1]).version' "$ts_dir/node_modules/aws-cdk-lib/package.json")"
cs_cdk="$(sed -n 's/.*"Amazon.CDK.Lib" Version="\([^"]*\)".*/\1/p' "$cs_root/Directory.Packages.props")"

# --- helpers -----------------------------------------------------------------------------------------------------------

# gen_site N DIR: DIR becomes dist's metadata.json, lambda/ and client/, with posts added until client/ holds N files
# outside _astro/.
gen_site() {
  local n="$1" dir="$2" have need content i file
  rm -rf "$dir"
  mkdir -p "$dir"
  cp -R "$dist/metadata.json" "$dist/lambda" "$dist/client" "$dir/"
  have="$(find "$dir/client" -type f -not -path "$dir/client/_astro/*" | wc -l)"
  need=$((n - have))
  [ "$need" -ge 0 ] || { echo "bench-synth: the sample already has $have files outside _astro/, more than $n" >&2; return 1; }
  [ "$need" -gt 0 ] || return 0
  # One mkdir for many folders (xargs batches), then the page written by the shell itself: one cp per file would fork
  # 100,000 processes.
  seq -f "$dir/client/posts/post-%06g" 1 "$need" | xargs mkdir -p
  IFS= read -r -d '' content <"$page" || true
  for ((i = 1; i <= need; i++)); do
    printf -v file '%s/client/posts/post-%06d/index.html' "$dir" "$i"
    printf '%s' "$content" >"$file"
  done
  have="$(find "$dir/client" -type f -not -path "$dir/client/_astro/*" | wc -l)"
  [ "$have" -eq "$n" ] || { echo "bench-synth: generated $have files outside _astro/ instead of $n" >&2; return 1; }
}

# tree_rss_kb PID: the summed RSS of PID and all its descendants. /usr/bin/time's %M is the peak of the single largest
# process, and the C# side is two (dotnet plus the node process jsii runs), so it alone would understate it.
tree_rss_kb() {
  ps -e -o pid=,ppid=,rss= | awk -v root="$1" '
    { parent[$1] = $2; rss[$1] = $3 }
    END {
      for (p in parent) {
        q = p
        while (q != root && q in parent && q > 1) q = parent[q]
        if (q == root) total += rss[p]
      }
      print total + 0
    }'
}

# median NUMBER...: the middle value (mean of the two middle ones for an even count).
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# first_error FILE: the line of a failed synth's stderr that says what went wrong, shortened and safe in a table cell.
first_error() {
  local line
  line="$(grep -m 1 -iE 'error|exception|fail|limit' "$1" || true)"
  [ -n "$line" ] || line="$(grep -m 1 -v '^[[:space:]]*$' "$1" || true)"
  [ -n "$line" ] || line="no output"
  line="${line//|/\/}"
  line="$(printf '%s' "$line" | tr -s '[:space:]' ' ' | sed -e 's/^ //' -e 's/^Unhandled exception\. //')"
  printf '%.200s' "$line"
}

declare -A times=() peaks=() trees=() out_mb=() asset_files=() failed=()

# run_one SIDE SIZE RUN SITE: one timed synth; appends to the result arrays, or records the failure.
run_one() {
  local side="$1" size="$2" run="$3" site="$4" key="$1:$2"
  local out="$scratch/cdk.out.$side.$size.$run" tmp="$scratch/tmp.$side.$size.$run" tf="$scratch/time.txt"
  local err="$scratch/stderr.txt" pid rc=0 peak_tree=0 s wall rss a files best=0
  local -a cmd
  case "$side" in
    cs) cmd=(dotnet "$cs_dll" "$site" "$out") ;;
    ts) cmd=(node "$ts_dir/app.mjs" "$site" "$out") ;;
  esac
  rm -rf "$out" "$tmp"
  mkdir -p "$tmp"
  # Own TMPDIR per run: jsii unpacks ~64 MB into it in every C# process, and a run must not find the last one's.
  TMPDIR="$tmp" /usr/bin/time -o "$tf" -f '%e %M' \
    timeout -k 10 "$run_timeout" "${cmd[@]}" >"$scratch/stdout.txt" 2>"$err" &
  pid=$!
  # Sampled every 0.2 s on both sides alike; bash reaps the job as it ends, so kill -0 then fails and the loop stops.
  while kill -0 "$pid" 2>/dev/null; do
    s="$(tree_rss_kb "$pid")"
    [ "$s" -le "$peak_tree" ] || peak_tree="$s"
    sleep 0.2
  done
  wait "$pid" || rc=$?
  # On failure time writes "Command exited with non-zero status N" first; the measurement is the last line.
  wall="" rss=""
  read -r wall rss < <(tail -n 1 "$tf" 2>/dev/null) || true
  [[ "$wall" =~ ^[0-9.]+$ && "$rss" =~ ^[0-9]+$ ]] || { wall=0 rss=0; [ "$rc" -ne 0 ] || rc=1; }
  if [ "$rc" -eq 0 ] && [ -s "$out/Bench.template.json" ]; then
    times[$key]+="$wall "
    peaks[$key]+="$((rss / 1024)) "
    trees[$key]+="$((peak_tree / 1024)) "
    out_mb[$key]="$(du -sm "$out" | cut -f1)"
    for a in "$out"/asset.*/; do
      [ -d "$a" ] || continue
      files="$(find "$a" -type f | wc -l)"
      [ "$files" -le "$best" ] || best="$files"
    done
    asset_files[$key]="$best"
    printf '   %-2s %6s files  run %s/%s: %6.1f s  peak %5d MB  tree %5d MB  cdk.out %s MB\n' \
      "$side" "$size" "$run" "$runs" "$wall" "$((rss / 1024))" "$((peak_tree / 1024))" "${out_mb[$key]}"
  else
    if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
      failed[$key]="timed out after ${run_timeout} s"
    else
      failed[$key]="$(first_error "$err")"
    fi
    mkdir -p "$logs"
    cp "$err" "$logs/$side-$size.log"
    printf '   %-2s %6s files  run %s/%s: FAILED (exit %s): %s\n' "$side" "$size" "$run" "$runs" "$rc" "${failed[$key]}"
  fi
  rm -rf "$out" "$tmp"
}

# --- 3. the runs -------------------------------------------------------------------------------------------------------
bench_start=$SECONDS
for size in "${sizes[@]}"; do
  site="$scratch/site-$size"
  say "site of $size files"
  gen_start=$SECONDS
  gen_site "$size" "$site"
  printf '   generated in %d s (%s MB)\n' "$((SECONDS - gen_start))" "$(du -sm "$site" | cut -f1)"
  for ((run = 1; run <= runs; run++)); do
    for side in cs ts; do
      # A failure is deterministic (a limit, a bad build): repeating it would only cost minutes at 100,000 files.
      [ -z "${failed[$side:$size]:-}" ] || continue
      run_one "$side" "$size" "$run" "$site"
    done
  done
  # One size at a time on disk: the site at 100,000 files is ~800 MB before its cdk.out copy.
  rm -rf "$site"
done
bench_secs=$((SECONDS - bench_start))

# --- 4. the tables -----------------------------------------------------------------------------------------------------
declare -A med=()
cell() { # cell SIDE SIZE ARRAY: the median of a side's values, or "failed" (with the error in the wall-time column)
  local key="$1:$2"
  local -n values="$3"
  if [ -n "${failed[$key]:-}" ]; then
    if [ "$3" = times ]; then printf 'failed: %s' "${failed[$key]}"; else printf 'failed'; fi
  else
    # shellcheck disable=SC2086 # the values are space-separated numbers
    median ${values[$key]}
  fi
}

{
  printf '# Synth benchmark: AstroAws (C#) vs @astro-aws/constructs 2.0.0 (TS)\n\n'
  printf '%s; %s cores, %s GiB; node %s; dotnet %s; C# AstroAws from the %s, Amazon.CDK.Lib %s; TS aws-cdk-lib %s; CDK_VALIDATION=%s; %s run(s) per side and size, medians; %d s in all.\n\n' \
    "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(nproc)" "$(awk '/MemTotal/ { printf "%d", $2 / 1048576 }' /proc/meminfo)" \
    "$(node --version)" "$(dotnet --version)" "$cs_label" "$cs_cdk" "$ts_cdk" "${CDK_VALIDATION:-unset}" "$runs" "$bench_secs"
  # shellcheck disable=SC2016 # the backticks are markdown, not command substitution
  printf 'Files: outside `client/_astro/` (sample build plus `posts/post-NNNNNN/index.html`). Wall and peak: `/usr/bin/time -f "%%e %%M"` of the whole process; peak is the largest single process, tree is the sampled sum of the process and its children (the C# side runs dotnet plus node). Largest asset: files in the biggest `asset.*` folder of cdk.out.\n\n'
  printf '| files | C# wall s | TS wall s | C#/TS | C# peak MB | TS peak MB | C# tree MB | TS tree MB | C# cdk.out MB | TS cdk.out MB | C# largest asset | TS largest asset |\n'
  printf '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
  for size in "${sizes[@]}"; do
    cs_wall="$(cell cs "$size" times)"
    ts_wall="$(cell ts "$size" times)"
    med[cs:$size]="$cs_wall"
    med[ts:$size]="$ts_wall"
    ratio="-"
    if [ -z "${failed[cs:$size]:-}" ] && [ -z "${failed[ts:$size]:-}" ]; then
      ratio="$(awk -v a="$cs_wall" -v b="$ts_wall" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
    fi
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$size" "$cs_wall" "$ts_wall" "$ratio" \
      "$(cell cs "$size" peaks)" "$(cell ts "$size" peaks)" "$(cell cs "$size" trees)" "$(cell ts "$size" trees)" \
      "${out_mb[cs:$size]:--}" "${out_mb[ts:$size]:--}" "${asset_files[cs:$size]:--}" "${asset_files[ts:$size]:--}"
  done

  # Growth: s per 1,000 files overall hides the fixed start-up cost (a few seconds of jsii/node), so the marginal
  # cost between consecutive sizes is what tells linear from worse. Linear: the last step's marginal cost is within
  # 2x of the step before it.
  printf '\n## Growth (s per 1,000 files)\n\n'
  printf '| side | files | median wall s | s per 1,000 files | marginal s per 1,000 files since previous size |\n'
  printf '|---|---:|---:|---:|---:|\n'
  verdicts=()
  for side in cs ts; do
    label="C#"
    [ "$side" = cs ] || label="TS"
    prev_n="" prev_t="" slopes=()
    for size in "${sizes[@]}"; do
      if [ -n "${failed[$side:$size]:-}" ]; then
        printf '| %s | %s | failed | - | - |\n' "$label" "$size"
        prev_n="" prev_t=""
        continue
      fi
      t="${med[$side:$size]}"
      per="$(awk -v t="$t" -v n="$size" 'BEGIN { printf "%.3f", t / n * 1000 }')"
      marg="-"
      if [ -n "$prev_n" ] && [ "$size" -gt "$prev_n" ]; then
        marg="$(awk -v t="$t" -v pt="$prev_t" -v n="$size" -v pn="$prev_n" 'BEGIN { printf "%.3f", (t - pt) / (n - pn) * 1000 }')"
        slopes+=("$marg")
      fi
      printf '| %s | %s | %s | %s | %s |\n' "$label" "$size" "$t" "$per" "$marg"
      prev_n="$size" prev_t="$t"
    done
    if [ "${#slopes[@]}" -ge 2 ]; then
      verdicts+=("$label: $(awk -v a="${slopes[-2]}" -v b="${slopes[-1]}" 'BEGIN {
        if (a <= 0) print "the earlier step is within noise (" a " s per 1,000), last step " b " s per 1,000"
        else if (b / a <= 2 && b / a >= 0.5) printf "linear (last step %.2fx the one before)\n", b / a
        else if (b / a > 2) printf "worse than linear (last step %.2fx the one before)\n", b / a
        else printf "sublinear (last step %.2fx the one before: fixed costs still dominate)\n", b / a }')")
    else
      verdicts+=("$label: needs 3 successful sizes to judge")
    fi
  done
  printf '\n'
  printf -- '- %s\n' "${verdicts[@]}"
  if [ "${#failed[@]}" -gt 0 ]; then
    # shellcheck disable=SC2016 # markdown backticks
    printf '\nFull stderr of each failed synth: `.tmp/bench-synth-logs/`.\n'
  fi
} >"$report"

say "results (.tmp/bench-synth.md)"
cat "$report"
