/**
 * The printed report of a bench part and its JSON file: number format, a plain-text table, the
 * target lines, the headline and the machine.
 */
import { writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadResult } from './load.js';

/** When this bench started, for its file name: 20250301_101500. */
const STAMP = new Date().toISOString().replace(/[-:]/g, '').replace('T', '_').slice(0, 15);

/** `digits` decimals; '∞' for what never arrived (counted as infinite), '-' for no value. */
export const fmt = (x: number, digits = 1) =>
  Number.isFinite(x) ? x.toFixed(digits) : x === Number.POSITIVE_INFINITY ? '∞' : '-';

/** A plain-text table: the first column left-aligned, the others right-aligned. */
export function table(head: string[], body: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** The load results as one table: name, connections, throughput, latencies (ms), errors and non-2xx. */
export function loadTable(results: readonly LoadResult[]): string {
  return table(
    ['meting', 'conn', 'req/s', 'p50', 'p95', 'p99', 'max', 'fout', 'non2xx'],
    results.map((r) => [
      r.name,
      String(r.connections),
      fmt(r.rps, 0),
      fmt(r.p50),
      fmt(r.p95),
      fmt(r.p99),
      fmt(r.max, 0),
      String(r.errors + r.timeouts),
      String(r.non2xx),
    ]),
  );
}

export interface Target {
  what: string;
  ok: boolean;
}

export const targetLines = (targets: Target[]) =>
  targets.map((x) => `${x.ok ? 'OK    ' : 'MISSER'} ${x.what}`);

/** The report's lines without runs of empty lines (a line that does not apply is given as ''). */
export const compact = (lines: string[]) => lines.filter((l, i, a) => l !== '' || a[i - 1] !== '');

/** `Wijkregie <title> — <now>, <cores> cores, Node …, PostgreSQL …` */
export const headline = (title: string, postgres: string) =>
  `Wijkregie ${title} — ${new Date().toISOString()}, ${cpus().length} cores, Node ${process.version}, PostgreSQL ${postgres}`;

/** The machine, for the JSON file. */
export const machine = (postgres: string) => ({
  cores: cpus().length,
  cpu: cpus()[0]?.model,
  node: process.version,
  postgres,
});

/** Writes `data` as `wijkregie-bench[-<kind>]-<start>.json` to the OS temp dir; answers the path. */
export function writeJson(kind: string, data: object): string {
  const file = join(tmpdir(), `wijkregie-bench${kind ? `-${kind}` : ''}-${STAMP}.json`);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}
