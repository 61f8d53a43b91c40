/**
 * Process helpers of the bench scripts: a clean-up list that also runs on SIGINT/SIGTERM, child
 * processes with a log file, waiting for a URL, a free port and /proc readings (CPU ticks of a
 * process and of the machine, who used the CPU during a run, memory).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const started = performance.now();

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
    const [, ...fields] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/);
    const cpu = fields.map(Number);
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

export interface CpuShare {
  server: number;
  postgres: number;
  bench: number;
  rest: number;
  unattributed: number;
}

interface CpuSnapshot {
  at: number;
  busy: number;
  /** pid → [ticks, is a PostgreSQL process] */
  procs: Map<string, [number, boolean]>;
}

function snapshot(): CpuSnapshot {
  const { busy } = machineTicks();
  const procs = new Map<string, [number, boolean]>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const isPg = readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
      procs.set(pid, [ticksOf(pid), isPg]);
    } catch {
      // gone meanwhile
    }
  }
  return { at: performance.now(), busy, procs };
}

/**
 * Who used the CPU during a measured run, in % of one core: the server under test, PostgreSQL
 * (all its processes), this process (autocannon), other processes (`rest`: other work on the
 * machine) and time no process accounts for (softirq of the loopback traffic, processes that
 * ended). Per process the difference over the run; a process that ended during it is lost.
 */
export function cpuMeter(serverPid: number) {
  let start = snapshot();
  return {
    start: () => {
      start = snapshot();
    },
    stop: (): CpuShare => {
      const end = snapshot();
      const used = (pid: string) => (end.procs.get(pid)?.[0] ?? 0) - (start.procs.get(pid)?.[0] ?? 0);
      let processes = 0;
      let postgres = 0;
      for (const [pid, [, isPg]] of end.procs) {
        const d = used(pid);
        processes += d;
        if (isPg) postgres += d;
      }
      const server = used(String(serverPid));
      const bench = used(String(process.pid));
      const ticks = ((end.at - start.at) / 1000) * 100;
      const pct = (x: number) => Math.round((x / ticks) * 100);
      return {
        server: pct(server),
        postgres: pct(postgres),
        bench: pct(bench),
        rest: pct(processes - server - bench - postgres),
        unattributed: pct(end.busy - start.busy - processes),
      };
    },
  };
}
