import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Removes this run's data folder (made in playwright.config.ts), unless E2E_KEEP_DATA is set. */
export default function globalTeardown(): void {
  const dir = process.env.WIJKREGIE_E2E_DATA_DIR;
  if (!dir || process.env.E2E_KEEP_DATA) return;
  // Only ever remove a folder we made ourselves.
  if (path.dirname(dir) !== os.tmpdir() || !path.basename(dir).startsWith('wijkregie-e2e-')) return;
  // The server may still be writing its last files as it stops (ENOTEMPTY): removal tries again a few times.
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}
