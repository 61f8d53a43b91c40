import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The rules of ARCHITECTURE.md that a reading of the source can check: the rooms of the server and
 * who may import whom, and where SQL may be written.
 */
const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

const files = walk(SRC).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

/** Every file below `dir`, without installed packages and build output. */
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** The room a file belongs to: `modules/<name>` for a module, else its top folder (`access`, `db`, …) or file (`app`). */
function roomOf(file: string): string {
  const parts = relative(SRC, file).split('/');
  if (parts[0] === 'modules' && parts.length > 2) return `modules/${parts[1]}`;
  return parts.length > 1 ? (parts[0] ?? '') : (parts[0] ?? '').replace(/\.ts$/, '');
}

/** Relative imports of a file, resolved to files. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
    found.push(resolve(dirname(file), (m[1] ?? '').replace(/\.js$/, '.ts')));
  }
  return found;
}

/** Which rooms each room imports. */
function roomGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const from = roomOf(file);
    const edges = graph.get(from) ?? new Set<string>();
    for (const target of importsOf(file)) {
      const to = roomOf(target);
      if (to !== from) edges.add(to);
    }
    graph.set(from, edges);
  }
  return graph;
}

/**
 * The groups of rooms that import each other in a circle (strongly connected components of more
 * than one room, Tarjan's algorithm), each sorted; none is the goal.
 */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let next = 0;
  const connect = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w !== undefined) {
          onStack.delete(w);
          group.push(w);
        }
      } while (w !== undefined && w !== v);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) connect(v);
  return groups;
}

const SQL = /\b(SELECT\s[\s\S]*?\sFROM\s|INSERT\s+INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s)/;

describe('architecture', () => {
  it('has no import cycle between rooms (modules, access, background, http, db, …)', () => {
    expect(cycles(roomGraph())).toEqual([]);
  });

  it('keeps background work below the modules: background/ imports no module', () => {
    const offenders = files
      .filter((f) => roomOf(f) === 'background')
      .flatMap((f) =>
        importsOf(f)
          .filter((t) => roomOf(t).startsWith('modules/'))
          .map((t) => `${relative(SRC, f)} → ${relative(SRC, t)}`),
      );
    expect(offenders).toEqual([]);
  });

  it('writes SQL only in repositories, the access room (the SQL twins) and the database seam', () => {
    const allowed = (f: string) => {
      const rel = relative(SRC, f);
      return (
        /(^|\/|-)repository\.ts$/.test(rel) ||
        rel.startsWith('access/') ||
        rel.startsWith('db/') ||
        rel.startsWith('bootstrap/')
      );
    };
    const offenders = files
      .filter((f) => !allowed(f) && SQL.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    expect(offenders).toEqual([]);
  });

  it('lets no module reach into the database outside its repositories', () => {
    const offenders = files
      .filter((f) => roomOf(f).startsWith('modules/') && !/repository\.ts$/.test(f))
      .filter((f) => /\.q\.query\(|\bq\.query\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    expect(offenders).toEqual([]);
  });

  it('keeps http/ below the modules: the HTTP seam imports no module (app.ts hands it what it needs)', () => {
    const offenders = files
      .filter((f) => roomOf(f) === 'http')
      .flatMap((f) =>
        importsOf(f)
          .filter((t) => roomOf(t).startsWith('modules/'))
          .map((t) => `${relative(SRC, f)} → ${relative(SRC, t)}`),
      );
    expect(offenders).toEqual([]);
  });

  it('lets only the process entries (main.ts, cli.ts) import bootstrap/', () => {
    const offenders = files
      .filter((f) => roomOf(f) !== 'bootstrap' && !['main', 'cli'].includes(roomOf(f)))
      .flatMap((f) =>
        importsOf(f)
          .filter((t) => roomOf(t) === 'bootstrap')
          .map((t) => `${relative(SRC, f)} → ${relative(SRC, t)}`),
      );
    expect(offenders).toEqual([]);
  });

  it('gives every use case its own file: no module keeps a use-cases.ts', () => {
    const offenders = files
      .filter((f) => roomOf(f).startsWith('modules/') && /\/use-cases\.ts$/.test(f))
      .map((f) => relative(SRC, f));
    expect(offenders).toEqual([]);
  });

  it('registers every module route from the shared operation table (the event stream excepted)', () => {
    const offenders = files
      .filter((f) => /modules\/[\w-]+\/routes\.ts$/.test(f))
      .flatMap((f) =>
        [...readFileSync(f, 'utf8').matchAll(/\.(?:get|post|put|patch|delete|route)\(\s*'([^']+)'/g)]
          .map((m) => m[1] ?? '')
          .filter((url) => url !== '/api/v1/alerts/stream')
          .map((url) => `${relative(SRC, f)}: ${url}`),
      );
    expect(offenders).toEqual([]);
  });

  it('lets a web page import from components/ and lib/, never from another page folder', () => {
    const PAGES = resolve(SRC, '../../web/src/pages');
    const offenders = walk(PAGES)
      .filter((f) => /\.tsx?$/.test(f))
      .flatMap((f) =>
        importsOf(f)
          .filter((t) => t.startsWith(`${PAGES}/`) && dirname(t) !== dirname(f) && dirname(t) !== PAGES)
          .map((t) => `${relative(PAGES, f)} → ${relative(PAGES, t)}`),
      );
    expect(offenders).toEqual([]);
  });

  it('names only files that exist in ARCHITECTURE.md and CODE_STYLE.md', () => {
    const root = resolve(SRC, '../../..');
    const tracked = [
      ...walk(join(root, 'packages')),
      ...walk(join(root, 'e2e')),
      ...walk(join(root, 'scripts')),
    ]
      .map((f) => relative(root, f))
      .concat(readdirSync(root));
    const missing: string[] = [];
    for (const doc of ['ARCHITECTURE.md', 'CODE_STYLE.md']) {
      const text = readFileSync(join(root, doc), 'utf8');
      for (const m of text.matchAll(/`([\w./-]+\.(?:ts|tsx|mjs|md|sql))`/g)) {
        const named = m[1] ?? '';
        if (!tracked.some((f) => f === named || f.endsWith(`/${named}`))) missing.push(`${doc}: ${named}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
