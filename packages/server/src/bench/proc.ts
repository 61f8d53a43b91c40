/**
 * Small process helpers for bench scripts that run on their own (`alerts.ts`): a clean-up list
 * that also runs on SIGINT/SIGTERM, child processes with a log file, waiting for a URL, a free
 * port, the PostgreSQL admin connection and /proc readings. Shared by `run.ts`, `alerts.ts` and `import.ts`.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

const started = performance.now();

/** The audit key of the bench's servers (throw-away databases; docs/audit.md). */
export const BENCH_AUDIT_KEY = 'bench-audit-key-for-throw-away-databases-0123456789';
/** What a bench server needs for its audit chain: the key, and its checkpoint file in the work folder. */
export const benchAuditEnv = (work: string) => ({
  WIJKREGIE_AUDIT_KEY: BENCH_AUDIT_KEY,
  WIJKREGIE_AUDIT_CHECKPOINT_FILE: join(work, 'audit-checkpoints.jsonl'),
});
export const secs = (from = started) => Math.round((performance.now() - from) / 100) / 10;
export const log = (msg: string) => console.log(`[${secs().toFixed(1).padStart(6)} s] ${msg}`);

const cleanups: { name: string; fn: () => Promise<void> }[] = [];
let cleaning: Promise<void> | undefined;

export function onCleanup(name: string, fn: () => Promise<void>): void {
  cleanups.push({ name, fn });
}

/** Runs the registered clean-ups once, newest first; a failing one does not stop the others. */
export function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const c of cleanups.splice(0).reverse()) {
      try {
        await c.fn();
      } catch (err) {
        console.error(`opruimen (${c.name}) mislukt:`, err instanceof Error ? err.message : err);
      }
    }
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: opruimen…`);
    void cleanup().finally(() => process.exit(130));
  });
}

export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface Child {
  proc: ChildProcess;
  logFile: string;
  exited: boolean;
}

export function startChild(script: string, env: NodeJS.ProcessEnv, logFile: string): Child {
  const fd = openSync(logFile, 'w');
  const proc = spawn(process.execPath, [script], { env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const child: Child = { proc, logFile, exited: false };
  proc.on('exit', () => {
    child.exited = true;
  });
  onCleanup(script, () => stopChild(child));
  return child;
}

export async function stopChild(c: Child): Promise<void> {
  if (c.exited) return;
  const gone = new Promise<void>((resolve) => c.proc.once('exit', () => resolve()));
  c.proc.kill('SIGTERM');
  const timer = setTimeout(() => c.proc.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(timer);
}

export const logTail = (c: Child) => readFileSync(c.logFile, 'utf8').split('\n').slice(-15).join('\n');

export async function waitFor(c: Child, url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (c.exited) throw new Error(`process stopped before it answered ${url}:\n${logTail(c)}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no answer from ${url} within ${timeoutMs} ms:\n${logTail(c)}`);
}

/** The admin connection; starts the local cluster when nothing answers and no DATABASE_URL is set. */
export async function connectAdmin(url: string): Promise<pg.Client> {
  const attempt = async () => {
    const c = new pg.Client({ connectionString: url, application_name: 'wijkregie-bench' });
    await c.connect();
    return c;
  };
  try {
    return await attempt();
  } catch (err) {
    if (process.env.DATABASE_URL) throw err;
    log('PostgreSQL antwoordt niet; starten met pg_ctlcluster 15 main…');
    spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', '15', 'main', 'start'], { stdio: 'inherit' });
    for (let i = 0; i < 30; i++) {
      try {
        return await attempt();
      } catch {
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    throw err;
  }
}

/** CPU time in clock ticks (USER_HZ, 100 on Linux) of a process: utime + stime; 0 when gone. */
export function ticksOf(pid: number | string): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** Busy and total ticks of the whole machine (all cores) from /proc/stat. */
export function machineTicks(): { busy: number; all: number } {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const all = cpu.reduce((a, b) => a + b, 0);
    return { busy: all - (cpu[3] ?? 0) - (cpu[4] ?? 0), all };
  } catch {
    return { busy: 0, all: 0 };
  }
}

/** Peak and current resident set size of a process, in MiB (Linux /proc). */
export function memoryOf(pid: number | undefined): { peakMiB: number; rssMiB: number } | undefined {
  if (!pid) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) =>
      Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { peakMiB: Math.round(kb('VmHWM') / 1024), rssMiB: Math.round(kb('VmRSS') / 1024) };
  } catch {
    return undefined;
  }
}
