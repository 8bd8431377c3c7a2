# shellcheck shell=bash
# Source this file (do not execute it): installs the pinned AWS CDK CLI once into .tools/cdk-cli and exports
#   CDK  absolute path of its `cdk` command.
# aws-cdk 2.1148.1 synthesizes an aws-cdk-lib 2.160 app offline, without AWS credentials.
__astro_cdk_version="${ASTRO_CDK_CLI_VERSION:-2.1148.1}"
__astro_cdk_tools="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.tools/cdk-cli"
if [ ! -x "$__astro_cdk_tools/node_modules/.bin/cdk" ] \
  || [ "$(cat "$__astro_cdk_tools/.version" 2>/dev/null)" != "$__astro_cdk_version" ]; then
  echo "installing aws-cdk@$__astro_cdk_version into .tools/cdk-cli" >&2
  mkdir -p "$__astro_cdk_tools"
  if ! npm install --prefix "$__astro_cdk_tools" --no-audit --no-fund --loglevel=error "aws-cdk@$__astro_cdk_version" >&2; then
    echo "error: could not install aws-cdk@$__astro_cdk_version from the npm registry" >&2
    return 1
  fi
  echo "$__astro_cdk_version" > "$__astro_cdk_tools/.version"
fi
export CDK="$__astro_cdk_tools/node_modules/.bin/cdk"
