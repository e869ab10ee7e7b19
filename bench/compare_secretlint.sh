#!/usr/bin/env bash
# Side-by-side: Token Guard's CLI against secretlint 13 (recommended preset), whole process
# against whole process, on the same generated corpus in the same run; then Token Guard's peak
# memory (RSS high-water mark) on a 5 MB and a 500 MB single file.
#
#   bash bench/compare_secretlint.sh            # 21 MB corpus, 5 runs each, best time kept
#   SIZE=50MB RUNS=5 BIG=1GB DUMP=20MB bash bench/compare_secretlint.sh
#
# secretlint is installed from bench/.tools/package-lock.json into bench/.tools/node_modules
# (gitignored). Corpora go to a temporary folder and are deleted at the end.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SIZE="${SIZE:-21MB}"
RUNS="${RUNS:-5}"
BIG="${BIG:-500MB}"
DUMP="${DUMP:-5MB}"
DENO="${DENO:-$ROOT/node_modules/deno/deno}"
CONFIG="${CONFIG:-offline.jsonc}"
TOOLS="$ROOT/bench/.tools"
WORK="$(mktemp -d /tmp/token-guard-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

if [ ! -x "$TOOLS/node_modules/.bin/secretlint" ]; then
  echo "installing secretlint into bench/.tools ..." >&2
  (cd "$TOOLS" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
SECRETLINT="$TOOLS/node_modules/.bin/secretlint"
# The same command line as `deno task scan` (deno.jsonc), V8 heap flags included.
TG=("$DENO" run --quiet --config "$ROOT/$CONFIG" --allow-read --allow-env
  --v8-flags=--max-old-space-size=128,--max-semi-space-size=4,--no-regexp-tier-up "$ROOT/cli/main.ts"
  --format json --no-progress)

now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.3f\", $* }"; }

# Peak RSS in KB of a command: /usr/bin/time when present, else polling VmHWM in /proc.
peak_kb() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%M" -o "$WORK/time.out" "$@" >/dev/null 2>&1 || true
    tail -1 "$WORK/time.out"
  else
    "$@" >/dev/null 2>&1 &
    local pid=$! hwm=0 v
    while kill -0 "$pid" 2>/dev/null; do
      v=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
      [ -n "$v" ] && hwm=$v
      sleep 0.05
    done
    wait "$pid" || true
    echo "$hwm"
  fi
}

# Best wall time in seconds of RUNS runs (exit status 1 means "found", which is expected).
best_time() {
  local best="" t0 t1 t
  for _ in $(seq "$RUNS"); do
    t0=$(now)
    "$@" >/dev/null 2>&1 || [ $? -eq 1 ]
    t1=$(now)
    t=$(calc "$t1 - $t0")
    if [ -z "$best" ] || [ "$(calc "$t < $best")" = "1.000" ]; then best=$t; fi
  done
  echo "$best"
}

mbps() { awk "BEGIN { printf \"%.1f\", $1 / 1000000 / $2 }"; }

run_pair() {
  local label=$1 dir=$2 bytes
  bytes=$(du -sb "$dir" | cut -f1)
  local tg sl
  tg=$(best_time "${TG[@]}" "$dir")
  sl=$(best_time "$SECRETLINT" --secretlintrc "$TOOLS/.secretlintrc.json" "$dir/**/*")
  local tgr slr
  tgr=$(mbps "$bytes" "$tg")
  slr=$(mbps "$bytes" "$sl")
  LAST_SL=$sl
  printf "%-28s %6.1f MB  token-guard %6.2f s %7s MB/s   secretlint %6.2f s %7s MB/s   ratio %5.1fx\n" \
    "$label" "$(calc "$bytes / 1000000")" "$tg" "$tgr" "$sl" "$slr" "$(calc "$sl / $tg")"
}

echo "Token Guard vs secretlint $("$SECRETLINT" --version) (preset-recommend), best of $RUNS, $(nproc) cores"
"$DENO" run --quiet --config "$CONFIG" --allow-write bench/corpus.ts --out "$WORK/chat" --size "$SIZE" >/dev/null
"$DENO" run --quiet --config "$CONFIG" --allow-write bench/corpus.ts --export "$WORK/export" --size "$SIZE" >/dev/null
"$DENO" run --quiet --config "$CONFIG" --allow-write bench/corpus.ts --out "$WORK/small" --size "$SIZE" \
  --file-size 5KB >/dev/null
mkdir -p "$WORK/dump"
"$DENO" run --quiet --config "$CONFIG" --allow-write bench/corpus.ts --dump "$WORK/dump/dump.log" --size "$DUMP" >/dev/null
run_pair "chat logs ($SIZE, 1 MB files)" "$WORK/chat"
# The floor under any ratio on this corpus: the same files cut to the lines around their
# findings (bench/floor.ts), which wake the same rules for the first time. 10x needs the whole
# run within a tenth of secretlint's time; this much of it does not depend on the size.
"${TG[@]}" "$WORK/chat" >"$WORK/chat.jsonl" || true
"$DENO" run --quiet --config "$CONFIG" --allow-read --allow-write bench/floor.ts "$WORK/floor" \
  <"$WORK/chat.jsonl" >/dev/null
floor=$(best_time "${TG[@]}" "$WORK/floor")
floor_found=$("${TG[@]}" "$WORK/floor" | wc -l || true)
printf "  floor: its %s findings' lines alone (%s KB, %s found) in %.2f s; 10x needs %.2f s in all\n" \
  "$(wc -l <"$WORK/chat.jsonl")" "$(( $(du -sb "$WORK/floor" | cut -f1) / 1000 ))" \
  "$floor_found" "$floor" "$(calc "$LAST_SL / 10")"
run_pair "Slack export ($SIZE, JSON)" "$WORK/export"
run_pair "many files ($SIZE in 5 KB)" "$WORK/small"
run_pair "logs and config dumps ($DUMP)" "$WORK/dump"

echo
echo "Token Guard peak memory (RSS high-water mark), one file streamed:"
for size in 5MB "$BIG"; do
  "$DENO" run --quiet --config "$CONFIG" --allow-write bench/corpus.ts --single "$WORK/big.log" --size "$size" >/dev/null
  bytes=$(stat -c %s "$WORK/big.log")
  t0=$(now)
  kb=$(peak_kb "${TG[@]}" "$WORK/big.log")
  t1=$(now)
  t=$(calc "$t1 - $t0")
  printf "  %-8s %8.1f MB scanned in %6.2f s (%s MB/s): peak RSS %5.1f MB\n" "$size" \
    "$(calc "$bytes / 1000000")" "$t" "$(mbps "$bytes" "$t")" "$(calc "$kb / 1024")"
  rm -f "$WORK/big.log"
done
