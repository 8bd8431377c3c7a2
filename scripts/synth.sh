#!/usr/bin/env bash
# The main job: install what is needed (npm packages, Node 22 when the machine's node is older, the AWS CDK CLI),
# build the real Astro sample with @astro-aws/adapter, and `cdk synth` the sample app into cdk.out/.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
# shellcheck source=scripts/env.sh
source "$repo/scripts/env.sh"
# shellcheck source=scripts/node22.sh
source "$repo/scripts/node22.sh"
# shellcheck source=scripts/cdk-cli.sh
source "$repo/scripts/cdk-cli.sh"

echo "== building the Astro sample (samples/astro-site, mode ${ASTRO_AWS_MODE:-ssr})"
"$repo/scripts/build-sample.sh"
echo "== building the sample in ssr-stream and edge mode too (one stack each)"
ASTRO_AWS_MODE=ssr-stream "$repo/scripts/build-sample.sh" --out-dir dist-ssr-stream
ASTRO_AWS_MODE=edge "$repo/scripts/build-sample.sh" --out-dir dist-edge

echo "== cdk synth -> cdk.out/"
rm -rf "$repo/cdk.out"
"$CDK" synth --quiet
for stack in AstroAwsSample AstroAwsSampleCustomPolicies AstroAwsSampleHttpApi AstroAwsSampleWebSocket AstroAwsSampleSsrStream AstroAwsSampleEdge AstroAwsSampleStatic AstroAwsSampleHardened; do
  test -s "cdk.out/$stack.template.json" || { echo "error: cdk.out/$stack.template.json was not written" >&2; exit 1; }
done
echo "synthesized: $(cd cdk.out && ls ./*.template.json | tr '\n' ' ')"
