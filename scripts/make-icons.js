#!/usr/bin/env node
/**
 * Draws the add-in's icons (assets/icon-16/32/64/80.png) without any npm package: a rounded
 * blue square with three white bars and a falling line (a payback curve). PNG is written by hand
 * with zlib, so the icons can be regenerated on any machine with Node alone.
 * Usage: node scripts/make-icons.js
 */
/* eslint-disable no-undef */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
const BLUE = [0x0b, 0x4f, 0x8a];
const WHITE = [0xff, 0xff, 0xff];
const ORANGE = [0xff, 0xb0, 0x3b];

/** Coverage of one sample point in unit coordinates (0..1): which colour, or null (transparent). */
function sample(x, y) {
  const r = 0.18; // corner radius of the rounded square
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  // three bars, growing to the right
  const bars = [
    [0.2, 0.36, 0.55],
    [0.42, 0.58, 0.4],
    [0.64, 0.8, 0.25],
  ];
  for (const [x0, x1, top] of bars) if (x >= x0 && x <= x1 && y >= top && y <= 0.8) return WHITE;
  // a line from upper left to lower right, drawn over the bars
  const d = Math.abs(y - 0.22 - (x - 0.18) * 0.55) / Math.sqrt(1 + 0.55 * 0.55);
  if (d < 0.045 && x > 0.14 && x < 0.86) return ORANGE;
  return BLUE;
}

function render(size) {
  const ss = 4; // 4×4 supersampling for smooth edges
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const c = sample((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a += 1;
          }
        }
      const o = 1 + px * 4;
      if (a > 0) {
        row[o] = Math.round(r / a);
        row[o + 1] = Math.round(g / a);
        row[o + 2] = Math.round(b / a);
      }
      row[o + 3] = Math.round((255 * a) / (ss * ss));
    }
    rows.push(row);
  }
  return png(size, size, Buffer.concat(rows));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(w, h, raw) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const outDir = path.join(__dirname, "..", "assets");
fs.mkdirSync(outDir, { recursive: true });
for (const s of SIZES) {
  const file = path.join(outDir, `icon-${s}.png`);
  fs.writeFileSync(file, render(s));
  console.log(`skrev ${path.relative(process.cwd(), file)}`);
}
