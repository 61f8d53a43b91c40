import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { userSeesCaseSql } from '../src/access/cases.js';
import { messageIdOf, OutboxWorker, smtpTransport } from '../src/background/outbox.js';
import { col, rows } from '../src/db/rows.js';
import { sendDigests } from '../src/modules/alerts/send-digests.js';
import {
  type CaseJson,
  type Client,
  createCase,
  createPerson,
  loggedIn,
  newTenant,
  setMatrix,
  type TestTenant,
  type TestUser,
  testApp,
  testDb,
} from './helpers.js';

interface Received {
  to: string[];
  raw: string;
  messageId: string;
}

/** A real SMTP server on a free port that keeps every transmission. */
class Mailbox {
  readonly received: Received[] = [];
  private server: SMTPServer | undefined;
  port = 0;

  async start(port = 0): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        let raw = '';
        stream.setEncoding('utf8');
        stream.on('data', (c: string) => {
          raw += c;
        });
        stream.on('end', () => {
          const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? '';
          // Undo quoted-printable (soft line breaks, =XX) so assertions read the text.
          const text = raw
            .replace(/=\r?\n/g, '')
            .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
          this.received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: text, messageId });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  to(address: string): Received[] {
    return this.received.filter((r) => r.to.includes(address));
  }
}

let app: FastifyInstance;
let t: TestTenant;
let reg: Client;
let director: TestUser;
let _cop: TestUser;
let care: TestUser;
let theCase: CaseJson;
const box = new Mailbox();

async function entry(u: TestUser, caseId: string, category: string, text: string) {
  const res = await (await loggedIn(app, u)).post(`/api/v1/cases/${caseId}/entries`, { category, text });
  if (res.statusCode !== 201) throw new Error(`entry ${res.statusCode} ${res.body}`);
}

async function outboxRows(userId: string) {
  const db = await testDb();
  return rows(
    db,
    z.object({
      idempotency_key: col.text,
      status: col.text,
      attempts: col.int,
      last_error: col.text.nullable(),
    }),
    'SELECT idempotency_key, status, attempts, last_error FROM email_outbox WHERE user_id = $1 ORDER BY created_at',
    [userId],
  );
}

const worker = async (port: number, afterSend?: (key: string) => Promise<void>) =>
  new OutboxWorker(
    await testDb(),
    {
      transport: smtpTransport(`smtp://127.0.0.1:${port}`),
      userSeesCase: userSeesCaseSql,
      ...(afterSend ? { afterSend } : {}),
    },
    { backoffBaseMs: 50, lockMs: 200, tenantIds: [t.id] },
  );

beforeAll(async () => {
  await box.start();
  app = await testApp({ publicUrl: 'https://wijkregie.voorbeeldstad.example' });
  t = await newTenant(['gemeente', 'politie', 'wijkteam']);
  // These tests follow one email per entry through the outbox; gathering entries into one alert and
  // one email has its own tests (alert-bundling.test.ts), so this municipality has it off.
  await (await testDb()).query('UPDATE tenants SET alert_bundle_seconds = 0 WHERE id = $1', [t.id]);
  reg = await loggedIn(app, t.regisseur);
  director = await t.addUser('gemeente', ['professional']);
  _cop = t.professional;
  care = await t.addUser('wijkteam', ['professional']);
  await setMatrix(app, t, [
    { partner: 'gemeente', category: 'basis', access: 'write' },
    { partner: 'politie', category: 'politie', access: 'write' },
    { partner: 'wijkteam', category: 'zorg', access: 'write' },
  ]);
  const person = await createPerson(reg, { firstName: 'Kees', lastName: 'Vermeulen' });
  theCase = await createCase(reg, {
    title: 'Vermeulen, Kees',
    subjects: [{ kind: 'person', id: person.id }],
    partnerIds: [t.partners.politie, t.partners.wijkteam],
    directorUserId: director.id,
  });
});
afterAll(() => box.stop());

describe('alert emails', () => {
  it('reach the director once, thin: reference, kind of change and link; no names, texts or categories', async () => {
    await entry(care, theCase.id, 'zorg', 'Vader opgenomen in de GGZ-kliniek');
    const w = await worker(box.port);
    await w.drain();
    w.close();
    const mails = box.to(director.email);
    expect(mails).toHaveLength(1);
    const raw = mails[0]!.raw;
    expect(raw).toContain(theCase.reference);
    expect(raw).toContain(`https://wijkregie.voorbeeldstad.example/casussen/${theCase.id}`);
    expect(raw).toMatch(/Content-Type: text\/plain/i);
    expect(raw).toMatch(/Content-Type: text\/html/i);
    expect(raw).toMatch(/wijziging in casus/i);
    for (const secret of ['Vermeulen', 'Kees', 'GGZ', 'kliniek', 'zorg', 'Zorg'])
      expect(raw).not.toContain(secret);
    // The changer gets none.
    expect(box.to(care.email)).toHaveLength(0);
    expect((await outboxRows(director.id)).map((r) => r.status)).toEqual(['sent']);
  });

  it('respects the preference: off sends nothing, daily sends one digest a day', async () => {
    const off = await t.addUser('politie', ['professional']);
    const daily = await t.addUser('politie', ['professional']);
    for (const u of [off, daily]) {
      const c = await loggedIn(app, u);
      expect((await c.post(`/api/v1/cases/${theCase.id}/follow`)).statusCode).toBe(204);
    }
    await (await loggedIn(app, off)).put('/api/v1/me/preferences', { email: 'off' });
    await (await loggedIn(app, daily)).put('/api/v1/me/preferences', { email: 'daily' });
    await entry(care, theCase.id, 'zorg', 'Eerste');
    await entry(care, theCase.id, 'zorg', 'Tweede');
    const w = await worker(box.port);
    await w.drain();
    expect(box.to(off.email)).toHaveLength(0);
    expect(box.to(daily.email)).toHaveLength(0);
    const db = await testDb();
    expect(
      await sendDigests(db, 'https://wijkregie.voorbeeldstad.example', '2026-11-24'),
    ).toBeGreaterThanOrEqual(1);
    expect(await sendDigests(db, 'https://wijkregie.voorbeeldstad.example', '2026-11-24')).toBe(0); // once a day
    await w.drain();
    w.close();
    const digests = box.to(daily.email);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.raw).toContain(theCase.reference);
    expect(digests[0]!.raw).toMatch(/dagoverzicht/i);
    expect(digests[0]!.raw).not.toContain('Eerste');
    expect(box.to(off.email)).toHaveLength(0);
  });

  it('skips a recipient who can no longer see the case when the email is due', async () => {
    const c = await createCase(reg, { title: 'Kort', partnerIds: [t.partners.wijkteam] });
    const watcher = await t.addUser('wijkteam', ['professional']);
    await (await loggedIn(app, watcher)).post(`/api/v1/cases/${c.id}/follow`);
    await entry(t.regisseur, c.id, 'basis', 'x');
    expect((await reg.patch(`/api/v1/cases/${c.id}`, { partnerIds: [] })).statusCode).toBe(200);
    const w = await worker(box.port);
    await w.drain();
    w.close();
    expect(box.to(watcher.email)).toHaveLength(0);
    expect((await outboxRows(watcher.id)).map((r) => r.status)).toEqual(['skipped']);
  });

  it('retries with back-off through an SMTP outage and then delivers once', async () => {
    const down = new Mailbox();
    await down.start();
    const port = down.port;
    await down.stop(); // the SMTP server is down
    const u = await t.addUser('politie', ['professional']);
    await (await loggedIn(app, u)).post(`/api/v1/cases/${theCase.id}/follow`);
    await entry(care, theCase.id, 'zorg', 'x');
    const w = await worker(port);
    await w.runOnce();
    let [row] = await outboxRows(u.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.last_error).toBeTruthy();
    const late = new Mailbox();
    await late.start(port); // back up
    await new Promise((r) => setTimeout(r, 150)); // past the back-off
    await w.drain();
    w.close();
    await late.stop();
    [row] = await outboxRows(u.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
    expect(late.to(u.email)).toHaveLength(1);
  });

  it('after a crash between sending and marking, the resend is the same message (same Message-ID)', async () => {
    const u = await t.addUser('politie', ['professional']);
    await (await loggedIn(app, u)).post(`/api/v1/cases/${theCase.id}/follow`);
    await entry(care, theCase.id, 'zorg', 'x');
    const [pending] = await outboxRows(u.id);
    const crashing = await worker(box.port, async (key) => {
      if (key === pending!.idempotency_key)
        throw new Error('simulated crash after the SMTP server accepted the mail');
    });
    await expect(crashing.runOnce()).rejects.toThrow('simulated crash');
    crashing.close();
    const [row] = await outboxRows(u.id);
    expect(row!.status).toBe('sending');
    await new Promise((r) => setTimeout(r, 250)); // the crashed worker's lock runs out
    const w = await worker(box.port);
    await w.drain();
    w.close();
    const mails = box.to(u.email);
    expect(mails.length).toBe(2); // transmitted twice: SMTP cannot tell us the first one got through
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(1); // but as one message
    expect(mails[0]!.messageId).toBe(messageIdOf(row!.idempotency_key));
    expect((await outboxRows(u.id)).map((r) => r.status)).toEqual(['sent']);
    // Nothing is sent a third time.
    await w.drain();
    expect(box.to(u.email)).toHaveLength(2);
  });

  it('two workers draining at once send each email once', async () => {
    const u = await t.addUser('politie', ['professional']);
    await (await loggedIn(app, u)).post(`/api/v1/cases/${theCase.id}/follow`);
    for (let i = 0; i < 6; i++) await entry(care, theCase.id, 'zorg', `nr ${i}`);
    const [a, b] = [await worker(box.port), await worker(box.port)];
    await Promise.all([a.drain(), b.drain()]);
    a.close();
    b.close();
    const mails = box.to(u.email);
    expect(mails).toHaveLength(6);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(6);
  });
});
