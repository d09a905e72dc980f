#!/usr/bin/env bash
# bench/compare.sh REV1 REV2 [N] — the regression guard: cold `sangkien build` wall time
# and peak memory on the same generated bank (default N=1000) for two commits.
#
#   bench/compare.sh main HEAD          # is HEAD slower than main?
#   bench/compare.sh HEAD WORKTREE      # uncommitted changes against HEAD
#
# Each revision is built in release in a temporary git worktree (WORKTREE means the
# current checkout as it is, uncommitted changes included), into a target folder of
# its own under bench/out/compare/, so the checkout's own build is untouched. The
# bank is generated once by the current checkout's examples/gen-bank.rs, so both
# revisions build the same corpus. Runs alternate REV1, REV2 (BENCH_RUNS, default 5)
# and the medians are compared: exit status 1 when REV2's median wall time exceeds
# REV1's by more than BENCH_TOLERANCE (default 1.15, i.e. 15 %), 0 otherwise.
set -euo pipefail

[ $# -ge 2 ] || { sed -n '2,16p' "$0"; exit 2; }
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REV1=$1
REV2=$2
N=${3:-1000}
RUNS=${BENCH_RUNS:-5}
TOL=${BENCH_TOLERANCE:-1.15}
WORK=${BENCH_OUT:-$ROOT/bench/out}/compare
mkdir -p "$WORK"
log() { printf '[compare %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

# The corpus, from the current checkout's generator.
log "generating a bank of $N entries"
(cd "$ROOT" && CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target} cargo build --release --quiet --example gen-bank)
"${CARGO_TARGET_DIR:-$ROOT/target}/release/examples/gen-bank" --entries "$N" --out "$WORK/bank" --seed 1 2>/dev/null

build_rev() { # rev -> path of its sangkien binary
  local rev=$1 name src
  if [ "$rev" = WORKTREE ]; then
    name=worktree
    src=$ROOT
  else
    local sha
    sha=$(git -C "$ROOT" rev-parse --verify "$rev^{commit}")
    name=${sha:0:12}
    src=$WORK/wt-$name
    [ -d "$src" ] || git -C "$ROOT" worktree add --detach --force "$src" "$sha" >/dev/null 2>&1
  fi
  log "building $rev ($name)"
  (cd "$src" && CARGO_TARGET_DIR="$WORK/target" cargo build --release --quiet --bin sangkien) >&2
  cp "$WORK/target/release/sangkien" "$WORK/sangkien-$name"
  if [ "$rev" != WORKTREE ]; then git -C "$ROOT" worktree remove --force "$src" >/dev/null 2>&1 || true; fi
  echo "$WORK/sangkien-$name"
}
BIN1=$(build_rev "$REV1")
BIN2=$(build_rev "$REV2")

# Builds are cold (`--no-cache`): with the user's share-image cache, the first run of
# REV1 would render every image and every later run of either revision reuse them.
# Each build writes into a folder of its own, deleted only once every run is done: on a
# journal-less ext4 a build right after a big deletion is slowed by the kernel (see
# "Fresh output folders" in BENCHMARKS.md).
RUNS_DIR=$WORK/runs
rm -rf "$RUNS_DIR"
mkdir -p "$RUNS_DIR"
time_run() { # bin out -> "wall_s rss_kb"
  /usr/bin/time -v -o "$WORK/time.txt" "$1" build --no-cache --content "$WORK/bank" --out "$2" >/dev/null 2>"$WORK/build.err" \
    || { echo "build failed with $1, see $WORK/build.err" >&2; exit 2; }
  awk '/Elapsed \(wall clock\)/ { n = split($NF, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i] }
       /Maximum resident set size/ { r = $NF } END { printf "%.3f %d\n", s, r }' "$WORK/time.txt"
}

W1=(); R1=(); W2=(); R2=()
for r in $(seq 1 "$RUNS"); do
  read -r w m <<<"$(time_run "$BIN1" "$RUNS_DIR/$r.1")"; W1+=("$w"); R1+=("$m")
  read -r w m <<<"$(time_run "$BIN2" "$RUNS_DIR/$r.2")"; W2+=("$w"); R2+=("$m")
  log "run $r: $REV1 ${W1[-1]} s, $REV2 ${W2[-1]} s"
done
rm -rf "$RUNS_DIR"
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
m1=$(median "${W1[@]}"); m2=$(median "${W2[@]}")
k1=$(median "${R1[@]}"); k2=$(median "${R2[@]}")
ratio=$(awk -v a="$m1" -v b="$m2" 'BEGIN { printf "%.3f", b / a }')
echo
echo "sangkien build, N=$N, median of $RUNS (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "| revision | wall s | peak RSS MB |"
echo "|---|---:|---:|"
printf '| %s | %.2f | %.0f |\n' "$REV1" "$m1" "$(awk -v k="$k1" 'BEGIN { print k / 1024 }')"
printf '| %s | %.2f | %.0f |\n' "$REV2" "$m2" "$(awk -v k="$k2" 'BEGIN { print k / 1024 }')"
echo
echo "$REV2 / $REV1 wall time: × $ratio (tolerance × $TOL)"
if awk -v r="$ratio" -v t="$TOL" 'BEGIN { exit !(r > t) }'; then
  echo "REGRESSION: $REV2 is slower than $REV1 beyond the tolerance" >&2
  exit 1
fi
