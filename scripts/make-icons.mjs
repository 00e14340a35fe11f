// Draws the PyPI Guard shield icon at 16/32/48/128 px into public/icon/ as PNG.
// Run once after changing the design: `node scripts/make-icons.mjs`. No image library needed.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const BLUE = [0x00, 0x73, 0xb7];
const YELLOW = [0xff, 0xd3, 0x43];

// Shape tests in a unit square (0..1, y down).
function insideShield(x, y) {
  if (y < 0.08 || y > 0.95) return false;
  const halfWidth = y < 0.55 ? 0.4 : 0.4 * Math.sqrt(Math.max(0, 1 - ((y - 0.55) / 0.4) ** 2));
  return Math.abs(x - 0.5) <= halfWidth;
}
function distanceToSegment(px, py, ax, ay, bx, by) {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}
function insideCheck(x, y) {
  const d = Math.min(distanceToSegment(x, y, 0.3, 0.5, 0.45, 0.66), distanceToSegment(x, y, 0.45, 0.66, 0.72, 0.34));
  return d < 0.065;
}

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (const byte of buf) {
    c = (crc ^ byte) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size) {
  const samples = 4; // 4x4 supersampling for smooth edges
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      let shield = 0, check = 0;
      for (let sy = 0; sy < samples; sy++) for (let sx = 0; sx < samples; sx++) {
        const x = (px + (sx + 0.5) / samples) / size, y = (py + (sy + 0.5) / samples) / size;
        if (insideShield(x, y)) { shield++; if (insideCheck(x, y)) check++; }
      }
      const total = samples * samples;
      const alpha = shield / total, checkShare = shield ? check / shield : 0;
      const color = BLUE.map((b, i) => Math.round(b + (YELLOW[i] - b) * checkShare));
      raw.set([...color, Math.round(alpha * 255)], py * (size * 4 + 1) + 1 + px * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0); header.writeUInt32BE(size, 4);
  header[8] = 8; header[9] = 6; // 8-bit RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`public/icon/${size}.png`, png(size));
console.log('icons written to public/icon/');
