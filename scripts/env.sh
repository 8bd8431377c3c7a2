# shellcheck shell=bash
# Source this file (do not execute it): the environment every script of this repo runs in.
#   - TMPDIR points at a fresh folder under .tmp/ that is removed on exit: jsii extracts ~64 MB per process there
#     and every CDK App() leaves a cdk.out* folder behind.
#   - jsii's end-of-life banner for Node 20 is silenced, and nothing probes the EC2 metadata address for credentials.
__astro_repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$__astro_repo/.tmp"
ASTRO_TMP="$(mktemp -d "$__astro_repo/.tmp/run.XXXXXX")"
export TMPDIR="$ASTRO_TMP"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
export AWS_EC2_METADATA_DISABLED=true
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
trap 'rm -rf "$ASTRO_TMP"' EXIT
