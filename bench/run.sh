#!/usr/bin/env bash
# bench/run.sh [options] N... — sangkien vs Hugo (+ Pagefind) on the same generated banks.
#
#   bench/run.sh 1000 10000 100000
#
# For each N: generates a bank of N entries and the same entries as a Hugo site
# (examples/gen-bank.rs) into bench/out/N/, then measures with /usr/bin/time -v,
# median of 3 runs (wall time and peak RSS):
#   sangkien build (full site and search) · sangkien check · hugo · pagefind on
#   Hugo's output · Hugo + Pagefind · a one-entry rebuild
# plus output sizes (bytes, files) and the bytes a first and a second search query
# download (gzip). Writes the tables into BENCHMARKS.md between the result markers,
# and the raw figures to bench/out/results.tsv. See BENCHMARKS.md.
#
# Options:
#   --runs R          runs per measurement (default 3; the median is reported)
#   --seed S          generator seed (default 1)
#   --sangkien-only   skip Hugo and Pagefind (no installs needed); the cheap CI guard
#   --no-rebuild      skip the one-entry rebuild (today a second full build; saves time at 100k)
#   --no-report       do not touch BENCHMARKS.md (figures still go to bench/out/)
# Each timed run writes into a folder of its own; deletions wait until an N is done,
# then the disk is left to settle (BENCH_SETTLE seconds, default 65) before the next
# timed run: see "Fresh output folders" below for why.
# Environment: CARGO_TARGET_DIR (default ./target), BENCH_OUT (default bench/out),
#   BENCH_Q1 / BENCH_Q2 (the two search queries), BENCH_TIMEOUT (seconds per timed
#   command; a command killed by it is recorded as failed with exit 124).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${BENCH_OUT:-$ROOT/bench/out}
RUNS=3
SEED=1
SK_ONLY=0
REBUILD=1
REPORT=1
# Communes per province in the generated unit tree: empty is gen-bank's realistic default
# (8 + N/1200, up to 98: ~5,000 units at 100k; units.yaml may be up to 16 MiB,
# MAX_VOCABULARY_BYTES in src/content/frontmatter.rs). BENCH_COMMUNES=8 gives the
# smaller tree of the first measurements.
COMMUNES=${BENCH_COMMUNES-}
Q1=${BENCH_Q1:-"một cửa"}
Q2=${BENCH_Q2:-"hộ tịch"}
NS=()
CMDLINE="bench/run.sh $*"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --sangkien-only) SK_ONLY=1; shift ;;
    --no-rebuild) REBUILD=0; shift ;;
    --no-report) REPORT=0; shift ;;
    -h|--help) sed -n '2,28p' "$0"; exit 0 ;;
    *[!0-9_]*) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
    *) NS+=("${1//_/}"); shift ;;
  esac
done
[ ${#NS[@]} -gt 0 ] || NS=(1000 10000)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
mkdir -p "$OUT"
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
trap 'log "failed at line $LINENO (exit $?)"' ERR

# ── Tools ────────────────────────────────────────────────────────────────────
apt_updated=0
need_apt() { # package, command
  if ! command -v "$2" >/dev/null 2>&1; then
    log "installing $1 (apt-get)"
    if [ $apt_updated = 0 ]; then apt-get update -qq; apt_updated=1; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
  fi
}
[ -x /usr/bin/time ] || { apt_updated=0; need_apt time /usr/bin/time; }
PAGEFIND=""
if [ $SK_ONLY = 0 ]; then
  need_apt hugo hugo
  if ! python3 -c 'import pagefind_bin' 2>/dev/null; then
    log "installing pagefind-bin (pip)"
    python3 -m pip install -q pagefind-bin
  fi
  # Call the binary itself, not the Python wrapper, so Python's start-up is not timed.
  PAGEFIND=$(python3 -c 'import pagefind_bin; print(pagefind_bin.get_executable())')
fi

log "building sangkien and gen-bank (release, $CARGO_TARGET_DIR)"
(cd "$ROOT" && cargo build --release --quiet --bin sangkien --example gen-bank)
SK=$CARGO_TARGET_DIR/release/sangkien
GEN=$CARGO_TARGET_DIR/release/examples/gen-bank

# ── Measuring ────────────────────────────────────────────────────────────────
RESULTS=$OUT/results.tsv
: >"$RESULTS.new"

# time_run LOGBASE cmd... : runs cmd under /usr/bin/time -v; prints
# "wall_s rss_kb status cpu_s" (cpu = user + system: less sensitive than wall time to
# other processes sharing the machine).
time_run() {
  local base=$1; shift
  local status=0
  local limit=()
  [ -z "${BENCH_TIMEOUT:-}" ] || limit=(timeout --kill-after=10 "$BENCH_TIMEOUT")
  # time(1) outside timeout(1): the rusage it reports covers timeout's child.
  /usr/bin/time -v -o "$base.time" "${limit[@]}" "$@" >"$base.out" 2>"$base.err" || status=$?
  awk -v st="$status" '
    /Elapsed \(wall clock\)/ { n = split($NF, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i] }
    /Maximum resident set size/ { r = $NF }
    /User time \(seconds\)|System time \(seconds\)/ { c += $NF }
    END { printf "%.3f %d %d %.2f\n", s, r, st, c }' "$base.time"
}

# record N STEP RUN A B STATUS [CPU]
record() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$6" "${7:-}" >>"$RESULTS.new"; }

# ── Fresh output folders ─────────────────────────────────────────────────────
# This machine's disk is ext4 without a journal, where the kernel will not reuse an
# inode deleted in the last 60 s (300 s more while its inode table block is unwritten):
# every file created after a big deletion first walks past all those inodes
# (`recently_deleted` and `find_inode_bit` in a kernel profile). A 10k build run right
# after deleting the previous run's 100,000 files took 32.8 s wall and 36 s of system
# CPU; the same build into a folder made after the disk settled, 17.5 s and 4.8 s.
# So no timed run follows a deletion: each run writes into a folder of its own,
# run folders are deleted together (`discard`), and `settle` then syncs and waits
# out the window. Every tool gets the same treatment.
SETTLE=${BENCH_SETTLE:-65}
LAST_DELETE=0
discard() { # paths... : delete them now; the next timed run waits for the disk to settle
  local p
  for p in "$@"; do
    if [ -e "$p" ]; then
      rm -rf "$p" 2>/dev/null || true
      LAST_DELETE=$(date +%s)
    fi
  done
}
settle() {
  [ "$LAST_DELETE" != 0 ] || return 0
  sync
  local wait=$((LAST_DELETE + SETTLE - $(date +%s)))
  if [ "$wait" -gt 0 ]; then log "  waiting ${wait} s for deleted inodes to settle (see run.sh)"; sleep "$wait"; fi
  LAST_DELETE=0
}
# make_room NEED_BYTES: when the disk lacks room for another run's output, delete the
# finished runs' folders first (then settle).
make_room() {
  local free
  free=$(df -PB1 "$OUT" | awk 'NR == 2 { print $4 }')
  if [ "$free" -lt "$1" ] && [ -d "$D/runs" ]; then
    log "  $(($1 / 1000000)) MB needed, $((free / 1000000)) MB free: deleting earlier runs' output"
    discard "$D/runs"
    mkdir -p "$D/runs"
  fi
}

# measure N STEP PREP_FN cmd... : RUNS runs, PREP_FN (may be :) before each. In the
# command, {run} stands for the run number (for an output folder of the run's own).
measure() {
  local n=$1 step=$2 prep=$3; shift 3
  local r res a args
  for r in $(seq 1 "$RUNS"); do
    args=()
    for a in "$@"; do args+=("${a//\{run\}/$r}"); done
    $prep
    settle
    res=$(time_run "$LOGS/$step.$r" "${args[@]}")
    # shellcheck disable=SC2086
    record "$n" "$step" "$r" $res
    log "  $step run $r: $(echo "$res" | awk '{printf "%.2f s wall, %.2f s CPU, %.0f MB, exit %d", $1, $4, $2/1024, $3}')"
  done
}

size_of() { # path -> "bytes files"
  if [ -e "$1" ]; then
    printf '%s %s' "$(du -sb "$1" | cut -f1)" "$(find "$1" -type f | wc -l)"
  else
    printf '0 0'
  fi
}

for N in "${NS[@]}"; do
  D=$OUT/$N
  LOGS=$D/logs
  mkdir -p "$D"
  rm -rf "$LOGS"; mkdir -p "$LOGS"
  # Output of an earlier bench run, deleted before anything is timed.
  discard "$D/site" "$D/hugo-public" "$D/runs" "$D"/.site.sangkien-*
  mkdir -p "$D/runs"
  log "N=$N: load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  record "$N" load_before 0 "$(cut -d' ' -f1 /proc/loadavg)" 0 0

  # 1. Generate (timed once).
  GEN_ARGS=()
  [ $SK_ONLY = 1 ] || GEN_ARGS=(--hugo "$D/hugo")
  [ -z "$COMMUNES" ] || GEN_ARGS+=(--communes "$COMMUNES")
  had_bank=0; [ ! -d "$D/bank" ] || had_bank=1
  res=$(time_run "$LOGS/generate.1" "$GEN" --entries "$N" --out "$D/bank" --seed "$SEED" "${GEN_ARGS[@]}")
  # shellcheck disable=SC2086
  record "$N" generate 1 $res
  log "  generate: $res — $(tail -1 "$LOGS/generate.1.err")"
  # gen-bank deletes an earlier bank (and Hugo site) before writing: a deletion too.
  [ "$had_bank" = 0 ] || LAST_DELETE=$(date +%s)

  # 2. sangkien build: a clean build each run, into a folder of its own.
  RUN=$D/runs
  #    Cold: --no-cache, every share image rendered (a first build, or CI without a cache).
  # Before each run: room for one more site, judged by the newest output so far.
  room_for_site() {
    local newest
    newest=$(ls -td "$RUN"/*/ "$D/site" 2>/dev/null | head -1 || true)
    make_room $(( $( [ -z "$newest" ] && echo 0 || du -sb "$newest" | cut -f1) * 3 / 2 + 1000000000 ))
  }
  measure "$N" sangkien_build room_for_site "$SK" build --no-cache --content "$D/bank" --out "$RUN/build.{run}"
  cp "$LOGS/sangkien_build.$RUNS.err" "$LOGS/sangkien-steps.txt" 2>/dev/null || true
  mv "$RUN/build.$RUNS" "$D/site"   # the reference output: sizes and search bytes
  #    Warm: the share-image cache kept from an earlier build (a rebuild after a commit,
  #    or CI with the cache folder restored). One untimed build fills the cache.
  CACHE=$D/cache
  discard "$CACHE"
  room_for_site
  SANGKIEN_CACHE_DIR=$CACHE "$SK" build --content "$D/bank" --out "$RUN/fill" >/dev/null 2>&1 || true
  measure "$N" sangkien_build_warm room_for_site env SANGKIEN_CACHE_DIR="$CACHE" "$SK" build --content "$D/bank" --out "$RUN/warm.{run}"
  cp "$LOGS/sangkien_build_warm.$RUNS.err" "$LOGS/sangkien-steps-warm.txt" 2>/dev/null || true

  # 3. sangkien check.
  measure "$N" sangkien_check : "$SK" check --content "$D/bank"

  # 4. One entry edited, then a full `sangkien build` into the existing site with the
  #    warm cache: what CI does after a commit. (`sangkien serve`'s quick path for the
  #    same edit is measured by `cargo test --release --test serve -- --ignored`,
  #    bench_one_entry_rebuild_in_a_10k_bank; see BENCHMARKS.md.)
  if [ $REBUILD = 1 ]; then
    ENTRIES=("$D"/bank/sang-kien/*.md)   # sorted; no pipe (pipefail + head would kill the run)
    ENTRY_FILE=${ENTRIES[0]}
    unset ENTRIES
    cp "$ENTRY_FILE" "$LOGS/entry.orig"
    edit_entry() { cp "$LOGS/entry.orig" "$ENTRY_FILE"; printf '\nĐoạn văn thêm để đo thời gian dựng lại %s.\n' "$RANDOM" >>"$ENTRY_FILE"; }
    # Each rebuild replaces the previous site and deletes it, as a real one does: on
    # this disk the next run then pays for those deletions (see `discard`).
    measure "$N" sangkien_rebuild_one edit_entry env SANGKIEN_CACHE_DIR="$CACHE" "$SK" build --content "$D/bank" --out "$D/site"
    cp "$LOGS/entry.orig" "$ENTRY_FILE"
  fi

  read -r b f <<<"$(size_of "$D/site")"; record "$N" size_sangkien 0 "$b" "$f" 0
  read -r b f <<<"$(size_of "$D/site/search")"; record "$N" size_sangkien_search 0 "$b" "$f" 0

  # 5. Search bytes for sangkien: tests/js/bench.mjs runs the real client
  #    (themes/default/static/search.js) over the real export and counts gzip -6
  #    bytes per fetched file: the cold bytes of q1 alone (client included), then
  #    the later bytes of q2 typed after q1 in the same session.
  if [ -d "$D/site/search" ] && command -v node >/dev/null; then
    python3 -c 'import json,sys; print(json.dumps([{"text": sys.argv[1]}], ensure_ascii=False))' "$Q1" >"$LOGS/q1.json"
    python3 -c 'import json,sys; print(json.dumps([{"text": q} for q in sys.argv[1:]], ensure_ascii=False))' "$Q1" "$Q2" >"$LOGS/q12.json"
    if node "$ROOT/tests/js/bench.mjs" "$D/site" "$LOGS/q1.json" >"$LOGS/search-bench-q1.json" 2>"$LOGS/search-bytes.err" \
      && node "$ROOT/tests/js/bench.mjs" "$D/site" "$LOGS/q12.json" >"$LOGS/search-bench-q12.json" 2>>"$LOGS/search-bytes.err"; then
      python3 - "$LOGS/search-bench-q1.json" "$LOGS/search-bench-q12.json" "$N" >>"$RESULTS.new" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
b = json.load(open(sys.argv[2]))
first = a["coldKB"]["median"] * 1000
second = b["laterKB"]["median"] * 1000
print(f"{sys.argv[3]}\tsearch_sangkien\t0\t{first:.0f}\t{second:.0f}\t0")
PY
    else
      log "  tests/js/bench.mjs failed, see $LOGS/search-bytes.err"
    fi
  fi

  if [ $SK_ONLY = 0 ]; then
    # 6. Hugo, into a folder of its own each run.
    measure "$N" hugo : hugo --quiet -s "$D/hugo" -d "$RUN/hugo.{run}"
    # 7. Pagefind on Hugo's output: run k indexes Hugo run k's site.
    measure "$N" pagefind : "$PAGEFIND" --site "$RUN/hugo.{run}"
    mv "$RUN/hugo.$RUNS" "$D/hugo-public"
    read -r b f <<<"$(size_of "$D/hugo-public")"; read -r pb pf <<<"$(size_of "$D/hugo-public/pagefind")"
    record "$N" size_hugo 0 $((b - pb)) $((f - pf)) 0
    record "$N" size_pagefind 0 "$pb" "$pf" 0
    if python3 "$ROOT/bench/lib/pagefind_bytes.py" "$D/hugo-public/pagefind" "$Q1" "$Q2" >"$LOGS/pagefind-bytes.json" 2>"$LOGS/pagefind-bytes.err"; then
      python3 - "$LOGS/pagefind-bytes.json" "$N" >>"$RESULTS.new" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
print(f"{sys.argv[2]}\tsearch_pagefind\t0\t{j['first_gz']}\t{j['second_gz']}\t0")
PY
    else
      log "  pagefind_bytes.py failed, see $LOGS/pagefind-bytes.err"
    fi
  fi
  discard "$RUN"
  record "$N" load_after 0 "$(cut -d' ' -f1 /proc/loadavg)" 0 0
  log "N=$N done; load after: $(cut -d' ' -f1-3 /proc/loadavg)"
done

# Keep earlier Ns' figures when a run measured other Ns.
if [ -f "$RESULTS" ]; then
  awk -F'\t' 'NR == FNR { seen[$1] = 1; next } !($1 in seen)' "$RESULTS.new" "$RESULTS" >>"$RESULTS.new"
fi
mv "$RESULTS.new" "$RESULTS"

# ── Report ───────────────────────────────────────────────────────────────────
hugo_v=$( [ $SK_ONLY = 1 ] || hugo version 2>/dev/null | head -1 )
pf_v=$( [ -z "$PAGEFIND" ] || "$PAGEFIND" --version 2>/dev/null | head -1 )
rev=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$ROOT" diff --quiet HEAD -- src Cargo.toml Cargo.lock themes 2>/dev/null || rev="$rev+uncommitted changes"
REPORT_ARGS=()
[ $REPORT = 0 ] || REPORT_ARGS=(--benchmarks "$ROOT/BENCHMARKS.md")
python3 "$ROOT/bench/lib/report.py" \
  --results "$RESULTS" --out-dir "$OUT" \
  --command "$CMDLINE" --runs "$RUNS" --seed "$SEED" \
  --sangkien "$rev" --hugo "${hugo_v:-not measured}" --pagefind "${pf_v:-not measured}" \
  --rustc "$(rustc --version 2>/dev/null)" --q1 "$Q1" --q2 "$Q2" \
  "${REPORT_ARGS[@]}" >"$OUT/report.md"
cat "$OUT/report.md"
