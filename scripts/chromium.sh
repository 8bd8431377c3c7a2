# shellcheck shell=bash
# Source this file (do not execute it):   source scripts/chromium.sh
#
# Makes sure Debian's `chromium` package is installed and exports
#   ASTRO_CHROMIUM                    absolute path of the browser binary (/usr/bin/chromium unless already set)
#   PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1  no test tool may download a browser of its own: the suite drives this one
#
# When the binary is missing it runs `apt-get install -y --no-install-recommends chromium` (non-interactive; CI runs as
# root with Debian's registry reachable), after `apt-get update` when the package lists hold no candidate for it.
# Prints how long the install took. Idempotent and silent when Chromium is already there; returns non-zero with the apt
# log on failure.

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

__astro_chromium() {
  local bin="${ASTRO_CHROMIUM:-/usr/bin/chromium}" log sudo="" start
  if [ -x "$bin" ]; then
    export ASTRO_CHROMIUM="$bin"
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
      echo "chromium.sh: $bin is missing and installing Debian's chromium needs root (or passwordless sudo)" >&2
      return 1
    fi
  fi
  log="$(mktemp "${TMPDIR:-/tmp}/astro-aws-chromium.XXXXXX")"
  start=$SECONDS
  # A fresh machine ships empty package lists: without an update apt knows no candidate for chromium.
  if ! apt-cache policy chromium 2>/dev/null | grep -qE 'Candidate: [0-9]'; then
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >>"$log" 2>&1 \
      || { echo "chromium.sh: apt-get update failed:" >&2; cat "$log" >&2; rm -f "$log"; return 1; }
  fi
  if ! $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >>"$log" 2>&1 \
     || [ ! -x /usr/bin/chromium ]; then
    echo "chromium.sh: apt-get install chromium failed:" >&2
    cat "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
  export ASTRO_CHROMIUM=/usr/bin/chromium
  echo "chromium.sh: installed $("$ASTRO_CHROMIUM" --version 2>/dev/null) in $((SECONDS - start)) s"
}

__astro_chromium
__astro_chromium_rc=$?
unset -f __astro_chromium
if [ "$__astro_chromium_rc" -ne 0 ]; then
  unset __astro_chromium_rc
  # shellcheck disable=SC2317
  return 1 2>/dev/null || exit 1
fi
unset __astro_chromium_rc
