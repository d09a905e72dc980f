#!/usr/bin/env bash
# Runs the browser tests: serves the sample bank with sangkien, then runs
# the node test files against it in Debian's Chromium.
#   bash tests/e2e/run.sh            (uses target/debug/sangkien, building it if needed)
#   SANGKIEN_BIN=… bash tests/e2e/run.sh
# Screenshots land in tests/e2e/screenshots/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
bin="${SANGKIEN_BIN:-}"
if [ -z "$bin" ]; then
  (cd "$repo" && cargo build --quiet)
  bin="$repo/target/debug/sangkien"
fi
[ -d "$here/node_modules" ] || (cd "$here" && npm ci --no-audit --no-fund)
out="$(mktemp -d)"
port=$(( 20000 + RANDOM % 20000 ))
log="$out/serve.log"
"$bin" serve --content "$repo/content" --out "$out/public" --port "$port" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$out"' EXIT
url=""
for _ in $(seq 1 300); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$log" | head -1 || true)
  [ -n "$url" ] && break
  kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "sangkien serve did not start"; cat "$log"; exit 1; }
cd "$here"
# Every test has its own time limit and the whole run has one, so a hung
# browser or a never-ending response fails the run instead of stalling CI.
SANGKIEN_URL="$url" SANGKIEN_OUT="$out/public" \
  timeout --kill-after=10 "${E2E_TIMEOUT:-900}" \
  node --test --test-concurrency=1 --test-timeout="${E2E_TEST_TIMEOUT:-180000}" ./*.test.mjs
