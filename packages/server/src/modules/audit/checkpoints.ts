import { createHmac, type KeyObject, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import type { Db } from '../../db/db.js';
import { readChainHeads } from './repository.js';

/**
 * A signed statement "tenant's chain had `seq` records ending in `hash` at `at`", kept OUTSIDE the
 * database (a file and the log). Somebody who can rewrite the database can cut records off the end of
 * a chain and move its head back; what is left is a valid chain. A checkpoint they cannot forge (HMAC
 * with the audit key) remembers that the chain was longer, or that its record at `seq` was another.
 */
export interface Checkpoint {
  tenant: string;
  seq: number;
  hash: string;
  at: string;
  /** HMAC-SHA256 with the audit key over the fields above. */
  sig: string;
}

function signature(key: KeyObject, c: Omit<Checkpoint, 'sig'>): string {
  return createHmac('sha256', key)
    .update(`wijkregie-audit-checkpoint\n${c.tenant}\n${c.seq}\n${c.hash}\n${c.at}`)
    .digest('hex');
}

export function signCheckpoint(key: KeyObject, c: Omit<Checkpoint, 'sig'>): Checkpoint {
  return { tenant: c.tenant, seq: c.seq, hash: c.hash, at: c.at, sig: signature(key, c) };
}

/** Parses one line of the checkpoint file; a reason in words when it is no checkpoint of this key. */
export function parseCheckpoint(key: KeyObject, line: string): Checkpoint | string {
  let c: Partial<Record<keyof Checkpoint, unknown>>;
  try {
    c = JSON.parse(line) as typeof c;
  } catch {
    return 'geen geldige JSON';
  }
  if (
    typeof c !== 'object' ||
    c === null ||
    typeof c.tenant !== 'string' ||
    typeof c.seq !== 'number' ||
    !Number.isSafeInteger(c.seq) ||
    typeof c.hash !== 'string' ||
    typeof c.at !== 'string' ||
    typeof c.sig !== 'string'
  ) {
    return 'geen controlepunt (velden ontbreken)';
  }
  const cp = { tenant: c.tenant, seq: c.seq, hash: c.hash, at: c.at, sig: c.sig };
  const expected = Buffer.from(signature(key, cp), 'hex');
  const given = Buffer.from(cp.sig, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return 'handtekening klopt niet (gewijzigd, vervalst of met een andere sleutel gemaakt)';
  }
  return cp;
}

/** The checkpoint file read line by line: valid checkpoints, and the lines that are not. Undefined when missing. */
export async function readCheckpoints(
  key: KeyObject,
  file: string,
): Promise<{ checkpoints: Checkpoint[]; bad: { line: number; reason: string }[] } | undefined> {
  try {
    await stat(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const checkpoints: Checkpoint[] = [];
  const bad: { line: number; reason: string }[] = [];
  const input = createReadStream(file, 'utf8');
  let n = 0;
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    n++;
    if (line.trim() === '') continue;
    const c = parseCheckpoint(key, line);
    if (typeof c === 'string') bad.push({ line: n, reason: c });
    else checkpoints.push(c);
  }
  return { checkpoints, bad };
}

export interface CheckpointOptions {
  /** The file the lines are appended to (created with mode 0600). */
  file: string;
  /** How often the heads are looked at; a checkpoint is written only for a head that moved. */
  intervalMs?: number;
  /** Also hands each checkpoint to the log (no personal data: ids, numbers, hashes). */
  log?: (c: Checkpoint) => void;
  onError?: (err: unknown) => void;
}

/**
 * Writes a signed checkpoint of every chain head that moved since the last one: on `writeNow()`,
 * every `intervalMs` after `start()`, and once more in `stop()` (at shutdown, after the last
 * audit records are committed). The first round after a start writes every chain once.
 */
export class AuditCheckpoints {
  private readonly written = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<number> = Promise.resolve(0);

  constructor(
    private readonly db: Db,
    private readonly opts: CheckpointOptions,
  ) {}

  /** One round; rounds never overlap. Answers how many checkpoints it wrote. */
  writeNow(): Promise<number> {
    const next = this.round.catch(() => 0).then(() => this.writeMoved());
    this.round = next;
    return next;
  }

  private async writeMoved(): Promise<number> {
    const at = new Date().toISOString();
    const moved = (await readChainHeads(this.db)).filter(
      (h) => this.written.get(h.tenantId) !== `${h.seq}:${h.hash}`,
    );
    if (moved.length === 0) return 0;
    const checkpoints = moved.map((h) =>
      signCheckpoint(this.db.auditKey, { tenant: h.tenantId, seq: h.seq, hash: h.hash, at }),
    );
    await mkdir(dirname(this.opts.file), { recursive: true });
    const fd = await open(this.opts.file, 'a', 0o600);
    try {
      await fd.write(checkpoints.map((c) => `${JSON.stringify(c)}\n`).join(''));
      await fd.datasync();
    } finally {
      await fd.close();
    }
    for (const c of checkpoints) {
      this.written.set(c.tenant, `${c.seq}:${c.hash}`);
      this.opts.log?.(c);
    }
    return checkpoints.length;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.writeNow().catch((err: unknown) => this.opts.onError?.(err));
    }, this.opts.intervalMs ?? 60_000);
    this.timer.unref();
  }

  /** Stops the timer and writes the heads as they are now. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.writeNow();
  }
}
