#!/usr/bin/env bash
# The README's test command (`npm test`): installs the system packages the tests need when they
# are missing (redis-server, chromium), bundles the knowledge base and the page bundles, then runs
# the whole vitest suite, browser tests included.
set -euo pipefail
cd "$(dirname "$0")/.."

install_packages() {
  local runner=()
  [ "$(id -u)" -eq 0 ] || runner=(sudo)
  echo "installing system packages: $*" >&2
  "${runner[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${runner[@]}" apt-get install -y -qq "$@" >/dev/null
}

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
# The browser tests drive Debian's Chromium through playwright-core (no browser download).
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then install_packages "${missing[@]}"; fi

[ -d node_modules ] || npm ci
npx tsx scripts/bundle-kb.ts >/dev/null
npx tsx scripts/build-ui.ts >/dev/null
# Types are part of the test: a type error fails the run before any test does.
npx tsc --noEmit -p .
exec npx vitest run "$@"
