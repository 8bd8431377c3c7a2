#!/usr/bin/env bash
# The AWS rules check (docs/aws-rules.md) on every template of a cloud assembly: what CloudFormation's schema accepts
# but a deploy, or the deployed site, would not (tools/aws-rules, the same rules the C# tests run on every template
# they synthesize).
#
#   bash scripts/aws-rules.sh [CDK_OUT ...]      (default: cdk.out, written by scripts/synth.sh)
#
# Ends with one "N passed, N failed" line (one check per template); exits non-zero on any violation.
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/env.sh
source "$repo/scripts/env.sh"
if ! dotnet build "$repo/tools/aws-rules" -nologo -v q >"$ASTRO_TMP/aws-rules-build.log" 2>&1; then
  tail -30 "$ASTRO_TMP/aws-rules-build.log" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
dotnet run --no-build --project "$repo/tools/aws-rules" -- "${@:-$repo/cdk.out}"
