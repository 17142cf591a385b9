// Small, dependency-free SVG charts for BENCHMARKS.md.

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Horizontal bars, one per row, labelled with their value. */
export function barChart(
  title: string,
  rows: { label: string; value: number; highlight?: boolean }[],
  unit: (n: number) => string,
): string {
  const width = 760;
  const labelWidth = 260;
  const barHeight = 26;
  const top = 40;
  const max = Math.max(...rows.map((r) => r.value), 1);
  const height = top + rows.length * (barHeight + 10) + 10;
  const bars = rows
    .map((r, i) => {
      const y = top + i * (barHeight + 10);
      const w = Math.max(2, ((width - labelWidth - 110) * r.value) / max);
      return `<text x="${labelWidth - 8}" y="${y + 18}" text-anchor="end">${escape(r.label)}</text>
<rect x="${labelWidth}" y="${y}" width="${w.toFixed(1)}" height="${barHeight}" rx="3" fill="${r.highlight ? '#0b57d0' : '#8a939d'}"/>
<text x="${(labelWidth + w + 6).toFixed(1)}" y="${y + 18}">${escape(unit(r.value))}</text>`;
    })
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="13">
<rect width="100%" height="100%" fill="#fff"/>
<text x="12" y="24" font-size="15" font-weight="600">${escape(title)}</text>
${bars}
</svg>
`;
}

/** Grouped bars: for each group (e.g. p50, p90, p99) one bar per series. */
export function groupedChart(
  title: string,
  groups: string[],
  series: { name: string; values: number[]; colour: string }[],
  unit: (n: number) => string,
): string {
  const width = 760;
  const height = 300;
  const left = 60;
  const bottom = 250;
  const top = 50;
  const max = Math.max(...series.flatMap((s) => s.values), 1);
  const groupWidth = (width - left - 20) / groups.length;
  const barWidth = (groupWidth - 30) / series.length;
  const bars = groups
    .map(
      (g, gi) =>
        series
          .map((s, si) => {
            const h = ((bottom - top) * s.values[gi]!) / max;
            const x = left + gi * groupWidth + 15 + si * barWidth;
            return `<rect x="${x.toFixed(1)}" y="${(bottom - h).toFixed(1)}" width="${(barWidth - 4).toFixed(1)}" height="${h.toFixed(1)}" fill="${s.colour}"/>
<text x="${(x + barWidth / 2 - 2).toFixed(1)}" y="${(bottom - h - 4).toFixed(1)}" text-anchor="middle" font-size="11">${escape(unit(s.values[gi]!))}</text>`;
          })
          .join('\n') +
        `\n<text x="${(left + gi * groupWidth + groupWidth / 2).toFixed(1)}" y="${bottom + 18}" text-anchor="middle">${escape(g)}</text>`,
    )
    .join('\n');
  const legend = series
    .map(
      (s, i) =>
        `<rect x="${left + i * 260}" y="${height - 22}" width="12" height="12" fill="${s.colour}"/><text x="${left + i * 260 + 18}" y="${height - 12}">${escape(s.name)}</text>`,
    )
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="13">
<rect width="100%" height="100%" fill="#fff"/>
<text x="12" y="24" font-size="15" font-weight="600">${escape(title)}</text>
<line x1="${left}" y1="${bottom}" x2="${width - 20}" y2="${bottom}" stroke="#8a939d"/>
${bars}
${legend}
</svg>
`;
}
