import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';
const code = readFileSync('dist/booking-flow.js', 'utf8');
const map = new SourceMapConsumer(JSON.parse(readFileSync('dist/booking-flow.js.map', 'utf8')));
const lineStarts = [];
let off = 0;
for (const l of code.split('\n')) {
  lineStarts.push(off);
  off += l.length + 1;
}
const owner = new Array(code.length).fill(null);
const ms = [];
map.eachMapping((m) => ms.push(m));
ms.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);
for (let i = 0; i < ms.length; i++) {
  const m = ms[i],
    n = ms[i + 1];
  const s = lineStarts[m.generatedLine - 1] + m.generatedColumn;
  const e = n ? lineStarts[n.generatedLine - 1] + n.generatedColumn : code.length;
  for (let j = s; j < e; j++) owner[j] = m.source;
}
const total = gzipSync(code, { level: 9 }).length;
const rows = [];
for (const src of new Set(owner.filter(Boolean))) {
  let kept = '',
    bytes = 0;
  for (let j = 0; j < code.length; j++) {
    if (owner[j] === src) bytes++;
    else kept += code[j];
  }
  rows.push([
    total - gzipSync(kept, { level: 9 }).length,
    bytes,
    src.replace(/.*node_modules\//, 'nm/').replace(/.*\/src\//, 'src/'),
  ]);
}
rows.sort((a, b) => b[0] - a[0]);
console.log('total gz', total);
for (const r of rows.slice(0, 30)) console.log(String(r[0]).padStart(6), String(r[1]).padStart(7), r[2]);
