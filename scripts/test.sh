#!/usr/bin/env bash
# Runs every test: the C# suite (templates, routing model, snapshots, bad input, the AWS rules on every template it
# synthesizes, the real sample build), the Node suite that invokes the real adapter handler, the browser suite (the
# synthesized sample through the preview tool in headless Chromium), the main job itself (real
# Astro build + real `cdk synth`), the offline security gate on the templates the main job wrote (cdk-nag + CloudFormation
# validator, with self-tests), and the AWS rules (docs/aws-rules.md) on those templates.
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
# Adds the last "N passed, N failed" line of a step's log to the totals; a step that printed none counts as one failure.
add_counts() {
  local counts
  counts="$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -1)"
  if [ -z "$counts" ]; then add 0 1; else add "$(echo "$counts" | sed -E 's/^([0-9]+) passed.*/\1/')" "$(echo "$counts" | sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/')"; fi
}

echo "== main job: build the sample and cdk synth (scripts/synth.sh)"
if "$repo/scripts/synth.sh"; then add 1 0; else echo "FAILED: scripts/synth.sh"; add 0 1; fi

# The sample app once more, as a newcomer's app would build it: the feature flags `cdk init` writes (partition literals
# among them) and a concrete account and region. The gate's suppressions must match the ARNs CDK writes then.
echo "== the sample app with cdk init's feature flags -> $ASTRO_TMP/cdk.out.cdk-init"
cdk_init_out="$ASTRO_TMP/cdk.out.cdk-init"
CDK_OUTDIR="$cdk_init_out" CDK_DEFAULT_ACCOUNT=123456789012 CDK_DEFAULT_REGION=us-east-1 \
  CDK_CONTEXT_JSON="$(cat "$repo/test/AstroAws.Tests/Fixtures/cdk-init-context.json")" \
  dotnet "$repo/samples/AstroAws.Sample/bin/Debug/net10.0/AstroAws.Sample.dll" >"$ASTRO_TMP/cdk-init-synth.log" 2>&1 \
  || { echo "FAILED: the sample app with cdk init's feature flags"; tail -30 "$ASTRO_TMP/cdk-init-synth.log"; add 0 1; }

# Right after the main job, on the cdk.out it wrote (and the cdk init variant): the gate's self-tests plus one check per
# template (docs/security.md).
echo "== security gate: cdk-nag + CloudFormation validator on cdk.out (scripts/security-gate.sh)"
"$repo/scripts/security-gate.sh" "$repo/cdk.out" "$cdk_init_out" 2>&1 | tee "$log"
add_counts "$log"

# Beside the gate, on the same templates: the AWS rules (docs/aws-rules.md), one check per template.
echo "== AWS rules on cdk.out (scripts/aws-rules.sh)"
"$repo/scripts/aws-rules.sh" "$repo/cdk.out" "$cdk_init_out" 2>&1 | tee "$log"
add_counts "$log"

echo "== Node: the real adapter handler (scripts/test-handler.sh)"
"$repo/scripts/test-handler.sh" 2>&1 | tee "$log"
add_counts "$log"

# The synthesized sample through the preview tool in Debian's headless Chromium (docs/browser-tests.md); installs
# chromium (apt) and test/browser's npm packages itself, and prints how long that and the suite took.
echo "== browser: the sample site in headless Chromium through the preview (scripts/test-browser.sh)"
"$repo/scripts/test-browser.sh" 2>&1 | tee "$log"
add_counts "$log"

echo "== C#: dotnet test"
dotnet test "$repo/AstroAws.sln" 2>&1 | tee "$log"
dotnet_rc=${PIPESTATUS[0]}
summary="$(grep -E '(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+' "$log" | tail -1)"
if [ -z "$summary" ]; then
  echo "FAILED: dotnet test printed no summary (build error?)"
  add 0 1
else
  dotnet_failed="$(echo "$summary" | sed -E 's/.*Failed: +([0-9]+),.*/\1/')"
  add "$(echo "$summary" | sed -E 's/.*Passed: +([0-9]+).*/\1/')" "$dotnet_failed"
  # A non-zero exit with no failed test (a crash after the summary, a second test project) is still a failure.
  if [ "$dotnet_rc" -ne 0 ] && [ "$dotnet_failed" -eq 0 ]; then echo "FAILED: dotnet test exited $dotnet_rc"; add 0 1; fi
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
