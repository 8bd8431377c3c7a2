#!/usr/bin/env bash
# Runs every test: the C# suite (templates, routing model, snapshots, bad input, the real sample build), the Node
# suite that invokes the real adapter handler, the main job itself (real Astro build + real `cdk synth`), and the
# offline security gate on the templates the main job wrote (cdk-nag + CloudFormation validator, with self-tests).
# Ends with one "N passed, N failed" line; exits non-zero on any failure.
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
# shellcheck source=scripts/env.sh
source "$repo/scripts/env.sh"
# shellcheck source=scripts/node22.sh
source "$repo/scripts/node22.sh" || { echo "0 passed, 1 failed"; exit 1; }

passed=0
failed=0
add() { passed=$((passed + ${1:-0})); failed=$((failed + ${2:-0})); }
log="$ASTRO_TMP/step.log"

echo "== main job: build the sample and cdk synth (scripts/synth.sh)"
if "$repo/scripts/synth.sh"; then add 1 0; else echo "FAILED: scripts/synth.sh"; add 0 1; fi

# Right after the main job, on the cdk.out it wrote: the gate's self-tests plus one check per template (docs/security.md).
echo "== security gate: cdk-nag + CloudFormation validator on cdk.out (scripts/security-gate.sh)"
"$repo/scripts/security-gate.sh" "$repo/cdk.out" 2>&1 | tee "$log"
line="$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)"
if [ -z "$line" ]; then add 0 1; else add "$(echo "$line" | sed -E 's/^([0-9]+) passed.*/\1/')" "$(echo "$line" | sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/')"; fi

echo "== Node: the real adapter handler (scripts/test-handler.sh)"
"$repo/scripts/test-handler.sh" 2>&1 | tee "$log"
line="$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)"
if [ -z "$line" ]; then add 0 1; else add "$(echo "$line" | sed -E 's/^([0-9]+) passed.*/\1/')" "$(echo "$line" | sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/')"; fi

echo "== C#: dotnet test"
dotnet test "$repo/AstroAws.sln" 2>&1 | tee "$log"
summary="$(grep -E '(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+' "$log" | tail -1)"
if [ -z "$summary" ]; then
  echo "FAILED: dotnet test printed no summary (build error?)"
  add 0 1
else
  add "$(echo "$summary" | sed -E 's/.*Passed: +([0-9]+).*/\1/')" "$(echo "$summary" | sed -E 's/.*Failed: +([0-9]+),.*/\1/')"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
