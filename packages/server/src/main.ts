import type { KeyObject } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { userSeesCaseSql } from './access/cases.js';
import { buildApp } from './app.js';
import { OutboxWorker, smtpTransport } from './background/outbox.js';
import { Scheduler } from './background/scheduler.js';
import { WebhookWorker } from './background/webhooks.js';
import { DEMO_PASSWORD } from './bootstrap/demo.js';
import { firstRun } from './bootstrap/first-run.js';
import { ConfigError, loadConfig } from './config.js';
import type { Db } from './db/db.js';
import { migrate } from './db/migrate.js';
import { openPglite } from './db/pglite.js';
import { openPostgres } from './db/postgres.js';
import { SystemDb } from './db/scope.js';
import { alertOverdueActions } from './modules/actions/alert-overdue-actions.js';
import { alertEmailAllowedSql } from './modules/alerts/repository.js';
import { sendDueDigests } from './modules/alerts/send-due-digests.js';
import { AuditCheckpoints } from './modules/audit/checkpoints.js';
import { loadAuditKey } from './modules/audit/key.js';
import { prepareAuditChains } from './modules/audit/repository.js';
import { interruptDeadImports } from './modules/imports/interrupt-dead-imports.js';
import { retentionJob } from './modules/retention/anonymise-due-records.js';
import { demoLoginHint } from './modules/session/demo-accounts.js';
import { alertOverdueSignals } from './modules/signals/alert-overdue-signals.js';
import { publishSurveys } from './modules/surveys/publish-surveys.js';

const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

async function main() {
  const started = performance.now();
  let config: ReturnType<typeof loadConfig>;
  let auditKey: KeyObject;
  try {
    config = loadConfig(process.env);
    auditKey = loadAuditKey(config);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  // Asynchronous writes: a line per request written straight to stdout cost a system call each (measured
  // under `npm run bench`: the log's writes were 4.6 % of the server's CPU); now the lines that come while a
  // write is under way go out together in the next one. Shutting down flushes what waits. The audit log,
  // not this one, is the record of reads.
  const logFile = pino.destination({ sync: false });
  const logger = pino({ base: { service: 'wijkregie' }, redact: ['req.headers', 'password'] }, logFile);

  let db: Db;
  if (config.databaseUrl) {
    db = openPostgres(config.databaseUrl, auditKey);
  } else {
    const dir = resolve(config.dataDir);
    mkdirSync(dir, { recursive: true });
    db = await openPglite(dir, auditKey);
  }
  const applied = await migrate(db);
  if (applied.length) logger.info({ applied }, 'migrations applied');
  // The key must fit the chains (a wrong one refuses the start); chains from before the key get sealed.
  const chains = await prepareAuditChains(db);
  if (chains.sealed) logger.info({ sealed: chains.sealed }, 'unkeyed audit chains sealed');
  if (chains.mismatched.length) {
    logger.error({ tenants: chains.mismatched }, 'audit chain head does not verify: run audit:verify');
  }

  // Demo data by default only for the embedded database (the `npm start` quickstart).
  const demo = config.demo ?? !config.databaseUrl;
  const first = await firstRun(db, {
    demo,
    adminEmail: config.adminEmail,
    adminPassword: config.adminPassword,
  });
  if (first.created) {
    // Printed, not logged: the operator needs it once, the log must not keep it.
    console.log(
      first.demo
        ? `Demo-gemeente Voorbeeldstad aangemaakt. Beheerder: ${first.adminEmail}`
        : `Eerste gemeente aangemaakt. Beheerder: ${first.adminEmail}`,
    );
    if (first.generatedPassword) console.log(`Wachtwoord van de beheerder: ${first.generatedPassword}`);
  }

  // Import runs of a process that died (kill -9, a crash, a lost host) end as interrupted before anyone
  // can look at them; the job schedule repeats this for runs of other instances.
  const interrupted = await interruptDeadImports(db);
  if (interrupted) logger.warn({ interrupted }, 'unfinished creditor imports marked interrupted');

  const app = await buildApp({
    db,
    publicUrl: config.publicUrl,
    logger,
    webDist: WEB_DIST,
    trustProxy: config.trustProxy,
    demoPassword: DEMO_PASSWORD,
    mapTiles: config.mapTiles,
    webhookAllowPrivate: config.webhookAllowPrivate,
    oidc: config.oidc,
  });
  try {
    await app.listen({ port: config.port, host: '::' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EAFNOSUPPORT') throw err;
    await app.listen({ port: config.port, host: '0.0.0.0' });
  }
  const jobFailed = (job: string, err: unknown) =>
    logger.error({ job, err: err instanceof Error ? err.message : String(err) }, 'job failed');
  // The email outbox, drained as soon as a commit announces new email (NOTIFY) and on the schedule
  // for retries. Without SMTP_URL emails wait in the outbox (shown on the admin page).
  const outbox = new OutboxWorker(db, {
    transport: config.smtpUrl ? smtpTransport(config.smtpUrl) : undefined,
    userSeesCase: userSeesCaseSql,
    emailAllowed: alertEmailAllowedSql,
  });
  await outbox.start((err) => jobFailed('outbox', err));
  // Webhook deliveries, the same way: woken by NOTIFY at commit, retries on the schedule.
  const webhooks = new WebhookWorker(db, { allowPrivate: config.webhookAllowPrivate });
  await webhooks.start((err) => jobFailed('webhooks', err));
  // Overdue actions and signals, dead imports, digests (from 07:00) and the outbox, at start and on
  // every tick; every instance runs them, the SQL makes that safe.
  const publicUrl = config.publicUrl;
  const scheduler = new Scheduler({
    intervalMs: config.jobIntervalMs,
    onError: jobFailed,
    jobs: [
      { name: 'overdue', run: () => alertOverdueActions(db, publicUrl) },
      { name: 'signals-overdue', run: () => alertOverdueSignals(db, publicUrl) },
      { name: 'imports', run: () => interruptDeadImports(db) },
      { name: 'digest', run: () => sendDueDigests(db, publicUrl) },
      { name: 'outbox', run: () => outbox.drain() },
      { name: 'surveys-publish', run: () => publishSurveys(db) },
      { name: 'webhooks', run: () => webhooks.drain() },
      // Retention (issue 15): at start and then once an hour, whatever the tick.
      { name: 'retention', run: retentionJob(db) },
    ],
  });
  scheduler.start();
  // Signed checkpoints of the audit chains' heads, outside the database (docs/audit.md).
  const checkpoints = new AuditCheckpoints(db, {
    file: resolve(config.auditCheckpointFile),
    intervalMs: 60_000,
    log: (c) => logger.info({ checkpoint: c }, 'audit checkpoint'),
    onError: (err) =>
      logger.error({ err: err instanceof Error ? err.message : String(err) }, 'audit checkpoint failed'),
  });
  await checkpoints.writeNow();
  checkpoints.start();
  // Printed for the person who started it: where to go and, on the demo, how to get in.
  console.log(`Wijkregie draait op ${config.publicUrl}`);
  const demoLogin = await demoLoginHint(new SystemDb(db), DEMO_PASSWORD);
  if (demoLogin) console.log(demoLogin);
  logger.info(
    {
      port: config.port,
      database: db.kind,
      email: config.smtpUrl ? 'smtp' : 'outbox',
      startupMs: Math.round(performance.now() - started),
    },
    'Wijkregie started',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      await app.close(); // stops accepting, lets running requests finish
      await scheduler.stop();
      await outbox.stop();
      await webhooks.stop();
      await checkpoints
        .stop()
        .catch((err: unknown) =>
          logger.error({ err: err instanceof Error ? err.message : String(err) }, 'audit checkpoint failed'),
        );
      await db.close();
    } finally {
      logFile.flushSync();
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error('Wijkregie kon niet starten:', err instanceof Error ? err.message : err);
  process.exit(1);
});
