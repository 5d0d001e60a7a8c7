// Draws docs/bench-open-scaling.svg from bench/results.json: the open scenario's times against the
// article's size, Scholia beside the static-HTML baseline, one pair of lines per density.
import { readFile, writeFile } from 'node:fs/promises';
import type { BenchRow } from './lib/report.ts';

const WIDTH = 840;
const HEIGHT = 420;
const PLOT = { left: 70, right: 250, top: 40, bottom: 60 };
const WORDS = [10_000, 50_000, 200_000];
const DENSITIES = [1, 10, 100];
const COLOURS: Record<number, string> = { 1: '#0f766e', 10: '#b45309', 100: '#be185d' };

function rowFor(rows: readonly BenchRow[], who: 'Scholia' | 'static HTML', words: number, density: number): BenchRow | undefined {
  return rows.find((row) => row.scenario === 'open' && row.case.startsWith(`${who}, ${words / 1000}k words, ${density} per 100 words`));
}

function escape(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');
}

const { rows, date } = JSON.parse(await readFile('bench/results.json', 'utf8')) as { rows: BenchRow[]; date: string };
const times = rows.filter((row) => row.scenario === 'open').map((row) => row.medianMs);
if (times.length === 0) throw new Error('bench/results.json has no open rows: run `npm run bench -- --only open` first');
const low = Math.floor(Math.log10(Math.min(...times)));
const high = Math.ceil(Math.log10(Math.max(...times)));
const x = (words: number) => PLOT.left + ((Math.log10(words) - 4) / (Math.log10(200_000) - 4)) * (WIDTH - PLOT.left - PLOT.right);
const y = (ms: number) => HEIGHT - PLOT.bottom - ((Math.log10(ms) - low) / (high - low)) * (HEIGHT - PLOT.top - PLOT.bottom);

const parts: string[] = [
  `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="system-ui, sans-serif" font-size="12">`,
  `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
  `<text x="${PLOT.left}" y="22" font-size="14" font-weight="600">Open: click to rendered reader, against static HTML with &lt;mark&gt; (median, log scales)</text>`,
];
for (let power = low; power <= high; power++) {
  const ms = 10 ** power;
  parts.push(`<line x1="${PLOT.left}" x2="${WIDTH - PLOT.right}" y1="${y(ms)}" y2="${y(ms)}" stroke="#e5e7eb"/>`);
  parts.push(
    `<text x="${PLOT.left - 8}" y="${y(ms) + 4}" text-anchor="end" fill="#4b5563">${ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`}</text>`,
  );
}
for (const words of WORDS) {
  parts.push(`<text x="${x(words)}" y="${HEIGHT - PLOT.bottom + 18}" text-anchor="middle" fill="#4b5563">${words / 1000}k words</text>`);
}
parts.push(
  `<text x="${(PLOT.left + WIDTH - PLOT.right) / 2}" y="${HEIGHT - 14}" text-anchor="middle" fill="#4b5563">article length (${escape(date.slice(0, 10))} run)</text>`,
);
let legend = PLOT.top + 6;
for (const density of DENSITIES) {
  const colour = COLOURS[density] ?? '#111';
  for (const who of ['Scholia', 'static HTML'] as const) {
    const found = WORDS.map((words) => [words, rowFor(rows, who, words, density)] as const).filter(
      (point): point is readonly [number, BenchRow] => point[1] !== undefined,
    );
    const points = found.map(([words, row]) => [words, row.medianMs] as const);
    const dash = who === 'Scholia' ? '' : ' stroke-dasharray="5 4"';
    parts.push(
      `<polyline fill="none" stroke="${colour}" stroke-width="2"${dash} points="${points.map(([words, ms]) => `${x(words).toFixed(1)},${y(ms).toFixed(1)}`).join(' ')}"/>`,
    );
    for (const [words, ms] of points)
      parts.push(
        `<circle cx="${x(words).toFixed(1)}" cy="${y(ms).toFixed(1)}" r="3" fill="${who === 'Scholia' ? colour : '#fff'}" stroke="${colour}"/>`,
      );
    // A baseline stopped before it finished: the point is a lower bound, drawn with an arrow up.
    for (const [words, row] of found.filter(([, row]) => row.atLeast)) {
      const [cx, cy] = [x(words), y(row.medianMs)];
      parts.push(
        `<path d="M${cx.toFixed(1)},${(cy - 5).toFixed(1)} v-16 m-4,5 l4,-5 l4,5" fill="none" stroke="${colour}" stroke-width="1.5"/>`,
      );
      parts.push(
        `<text x="${(cx - 8).toFixed(1)}" y="${(cy - 10).toFixed(1)}" text-anchor="end" fill="${colour}">≥ ${(row.medianMs / 1000).toFixed(0)} s (stopped)</text>`,
      );
    }
    parts.push(
      `<line x1="${WIDTH - PLOT.right + 16}" x2="${WIDTH - PLOT.right + 40}" y1="${legend}" y2="${legend}" stroke="${colour}" stroke-width="2"${dash}/>`,
    );
    parts.push(`<text x="${WIDTH - PLOT.right + 46}" y="${legend + 4}">${who}, ${density} per 100 words</text>`);
    legend += 20;
  }
}
parts.push('</svg>');
await writeFile('docs/bench-open-scaling.svg', `${parts.join('\n')}\n`);
console.log('wrote docs/bench-open-scaling.svg');
