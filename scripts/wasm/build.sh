#!/usr/bin/env bash
# Rebuilds detect/wasm/hits_wasm.ts (the keyword hit scanner, embedded as base64) from
# scripts/wasm/*.as.ts (entry: hits.as.ts) with the AssemblyScript compiler pinned in
# scripts/wasm/package-lock.json. Only needed after editing them: a test checks that the
# embedded build matches the source.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/scripts/wasm"
DENO="${DENO:-$ROOT/node_modules/deno/deno}"
if [ ! -x "$HERE/node_modules/.bin/asc" ]; then
  (cd "$HERE" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
fi
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
"$HERE/node_modules/.bin/asc" "$HERE/hits.as.ts" -O3 --converge --runtime stub --noAssert \
  --enable simd,relaxed-simd --initialMemory 17 -o "$OUT/hits.wasm"
"$DENO" run --quiet --config "$ROOT/offline.jsonc" --allow-read --allow-write \
  "$HERE/embed.ts" "$OUT/hits.wasm" "$ROOT/detect/wasm/hits_wasm.ts"
echo "wrote detect/wasm/hits_wasm.ts ($(stat -c %s "$OUT/hits.wasm") bytes of wasm)"
