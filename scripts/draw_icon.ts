// Draws assets/icon.png: a white-rimmed green shield with a keyhole on an aubergine tile.
// Pure code (no image library) so the icon can be redrawn anywhere: `deno run -A scripts/draw_icon.ts`.
// Slack asks for a square PNG between 512 and 2000 px.

const SIZE = 1024;
const SAMPLES = 4; // supersampling per axis, for smooth edges

type RGBA = [number, number, number, number];

const TILE: RGBA = [74, 21, 75, 255];
const RIM: RGBA = [255, 255, 255, 255];
const SHIELD_TOP: RGBA = [46, 182, 125, 255];
const SHIELD_BOTTOM: RGBA = [24, 128, 88, 255];
const CLEAR: RGBA = [0, 0, 0, 0];

function insideRoundedSquare(x: number, y: number, margin: number, radius: number): boolean {
  const lo = margin + radius;
  const hi = 1 - margin - radius;
  const dx = Math.max(lo - x, 0, x - hi);
  const dy = Math.max(lo - y, 0, y - hi);
  if (x < margin || x > 1 - margin || y < margin || y > 1 - margin) return false;
  return dx * dx + dy * dy <= radius * radius;
}

/** A heater shield: flat shoulders, straight sides, sides curving into a point. */
function insideShield(x: number, y: number, inset: number): boolean {
  const top = 0.17 + inset - 0.025 * Math.cos(((x - 0.5) / 0.31) * (Math.PI / 2));
  const waist = 0.5;
  const tip = 0.88 - inset * 1.6;
  const half = 0.31 - inset;
  if (y < top || y > tip) return false;
  if (y <= waist) return Math.abs(x - 0.5) <= half;
  const t = (y - waist) / (tip - waist);
  return Math.abs(x - 0.5) <= half * (1 - Math.pow(t, 1.7));
}

function insideKeyhole(x: number, y: number): boolean {
  const cx = 0.5, cy = 0.42, r = 0.075;
  if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) return true;
  if (y < cy || y > 0.66) return false;
  const t = (y - cy) / (0.66 - cy);
  return Math.abs(x - cx) <= 0.028 + 0.03 * t;
}

function colourAt(x: number, y: number): RGBA {
  if (!insideRoundedSquare(x, y, 0.02, 0.2)) return CLEAR;
  if (!insideShield(x, y, 0)) return TILE;
  if (!insideShield(x, y, 0.03)) return RIM;
  if (insideKeyhole(x, y)) return TILE;
  const t = (y - 0.16) / 0.7;
  return SHIELD_TOP.map((c, i) => Math.round(c + (SHIELD_BOTTOM[i] - c) * t)) as RGBA;
}

function render(): Uint8Array {
  const rowBytes = SIZE * 4 + 1;
  const raw = new Uint8Array(rowBytes * SIZE);
  for (let py = 0; py < SIZE; py++) {
    raw[py * rowBytes] = 0; // PNG filter: none
    for (let px = 0; px < SIZE; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colourAt(
            (px + (sx + 0.5) / SAMPLES) / SIZE,
            (py + (sy + 0.5) / SAMPLES) / SIZE,
          );
          // premultiply so transparent corners do not darken the edge
          sum[0] += c[0] * c[3];
          sum[1] += c[1] * c[3];
          sum[2] += c[2] * c[3];
          sum[3] += c[3];
        }
      }
      const a = sum[3] / (SAMPLES * SAMPLES);
      const o = py * rowBytes + 1 + px * 4;
      raw[o] = a ? Math.round(sum[0] / sum[3]) : 0;
      raw[o + 1] = a ? Math.round(sum[1] / sum[3]) : 0;
      raw[o + 2] = a ? Math.round(sum[2] / sum[3]) : 0;
      raw[o + 3] = Math.round(a);
    }
  }
  return raw;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

async function deflate(data: Uint8Array): Promise<Uint8Array> {
  // render() fills a fresh buffer, so the whole ArrayBuffer is the image data.
  const stream = new Blob([data.buffer as ArrayBuffer]).stream().pipeThrough(
    new CompressionStream("deflate"),
  );
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const header = new Uint8Array(13);
const hv = new DataView(header.buffer);
hv.setUint32(0, SIZE);
hv.setUint32(4, SIZE);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const parts = [
  new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
  chunk("IHDR", header),
  chunk("IDAT", await deflate(render())),
  chunk("IEND", new Uint8Array()),
];
const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
let at = 0;
for (const p of parts) {
  png.set(p, at);
  at += p.length;
}
const target = new URL("../assets/icon.png", import.meta.url);
await Deno.writeFile(target, png);
console.log(`wrote ${target.pathname} (${SIZE}x${SIZE}, ${png.length} bytes)`);
