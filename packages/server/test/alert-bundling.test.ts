import { type Alert, alertListSchema, alertSchema } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { userSeesCaseSql } from '../src/access/cases.js';
import { type MailTransport, messageIdOf, OutboxWorker } from '../src/background/outbox.js';
import { col, rows } from '../src/db/rows.js';
import { sendDigests } from '../src/modules/alerts/send-digests.js';
import {
  bodyOf,
  type CaseJson,
  type Client,
  createCase,
  loggedIn,
  newTenant,
  setMatrix,
  type TestTenant,
  type TestUser,
  testApp,
  testDb,
} from './helpers.js';
import { AlertStream } from './sse.js';

/*
 * Several entries on one case within a few minutes become one alert and one email ("3 nieuwe
 * notities"), still without a word of their content. The municipality's window is the default
 * (5 minutes); "time passes" by moving the bundle's timestamps back, as the clock would.
 */

const URL_BASE = 'https://wijkregie.voorbeeldstad.example';

interface Sent {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

/** A transport that keeps what it was given (the real SMTP path is email.test.ts's). */
class Outbox implements MailTransport {
  readonly sent: Sent[] = [];
  async sendMail(mail: Sent): Promise<unknown> {
    this.sent.push({ ...mail });
    return {};
  }
  to(address: string): Sent[] {
    return this.sent.filter((m) => m.to === address);
  }
}

let app: FastifyInstance;
let t: TestTenant;
let reg: Client;
let director: TestUser;
let care: TestUser;
const mail = new Outbox();

async function entry(u: TestUser, caseId: string, text: string) {
  const res = await (await loggedIn(app, u)).post(`/api/v1/cases/${caseId}/entries`, {
    category: 'zorg',
    text,
  });
  if (res.statusCode !== 201) throw new Error(`entry ${res.statusCode} ${res.body}`);
}

async function alertsAbout(u: TestUser, caseId: string): Promise<Alert[]> {
  const list = bodyOf(await (await loggedIn(app, u)).get('/api/v1/alerts?limit=200'), alertListSchema);
  return list.items.filter((a) => a.caseId === caseId);
}

async function emailsAbout(userId: string, caseId: string) {
  return rows(
    await testDb(),
    z.object({ idempotency_key: col.text, status: col.text, subject: col.text, due: col.bool }),
    `SELECT idempotency_key, status, subject, next_attempt_at <= now() AS due FROM email_outbox
      WHERE user_id = $1 AND case_id = $2 ORDER BY created_at`,
    [userId, caseId],
  );
}

/** The bundle window of the case's alerts has passed: their timestamps lie ten minutes back. */
async function windowPasses(caseId: string) {
  const db = await testDb();
  await db.query(
    "UPDATE alerts SET created_at = created_at - interval '10 minutes', updated_at = updated_at - interval '10 minutes' WHERE case_id = $1",
    [caseId],
  );
  await db.query(
    "UPDATE email_outbox SET next_attempt_at = next_attempt_at - interval '10 minutes' WHERE case_id = $1 AND status = 'pending'",
    [caseId],
  );
}

async function drain(): Promise<number> {
  const w = new OutboxWorker(
    await testDb(),
    { transport: mail, userSeesCase: userSeesCaseSql },
    { tenantIds: [t.id] },
  );
  return w.drain();
}

const newCase = (title: string) =>
  createCase(reg, { type: 'area', title, partnerIds: [t.partners.wijkteam], directorUserId: director.id });

beforeAll(async () => {
  app = await testApp({ publicUrl: URL_BASE });
  t = await newTenant(['gemeente', 'wijkteam']);
  reg = await loggedIn(app, t.regisseur);
  director = await t.addUser('gemeente', ['professional']);
  care = await t.addUser('wijkteam', ['professional']);
  await setMatrix(app, t, [
    { partner: 'wijkteam', category: 'zorg', access: 'write' },
    { partner: 'gemeente', category: 'zorg', access: 'read' },
  ]);
});

describe('entries within the window', () => {
  let theCase: CaseJson;

  it('three entries: one alert counting three, and one email "3 nieuwe notities" without their text', async () => {
    theCase = await newCase('Huisbezoek familie Jansen');
    await entry(care, theCase.id, 'Eerste huisbezoek: vader thuis');
    await entry(care, theCase.id, 'Tweede gesprek met de huisarts');
    await entry(care, theCase.id, 'Derde notitie over de schulden');

    const alerts = await alertsAbout(director, theCase.id);
    expect(alerts).toHaveLength(1);
    const [bundle] = alerts;
    expect(bundle).toMatchObject({ kind: 'entry_added', count: 3, readAt: null });
    expect(Date.parse(bundle!.updatedAt)).toBeGreaterThan(Date.parse(bundle!.createdAt));
    // The changer hears nothing of their own entries.
    expect(await alertsAbout(care, theCase.id)).toEqual([]);

    // One email, waiting while more entries may join it.
    let emails = await emailsAbout(director.id, theCase.id);
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({
      idempotency_key: `alert:${bundle!.id}`,
      status: 'pending',
      due: false,
    });
    await drain();
    expect(mail.to(director.email)).toHaveLength(0);

    await windowPasses(theCase.id);
    await drain();
    const sent = mail.to(director.email);
    expect(sent).toHaveLength(1);
    const [email] = sent;
    expect(email!.subject).toBe(`Wijkregie: 3 nieuwe notities in casus ${theCase.reference}`);
    expect(email!.text).toContain(`Er zijn 3 nieuwe notities in casus ${theCase.reference}.`);
    expect(email!.html).toContain('3 nieuwe notities');
    expect(email!.text).toContain(`${URL_BASE}/casussen/${theCase.id}`);
    expect(email!.messageId).toBe(messageIdOf(`alert:${bundle!.id}`));
    for (const secret of ['huisbezoek', 'huisarts', 'schulden', 'Jansen', 'vader', 'zorg'])
      expect(`${email!.subject}\n${email!.text}\n${email!.html}`).not.toContain(secret);
    emails = await emailsAbout(director.id, theCase.id);
    expect(emails.map((e) => e.status)).toEqual(['sent']);
  });

  it('after the window a new entry is a new alert with its own email', async () => {
    await entry(care, theCase.id, 'Vierde');
    const alerts = await alertsAbout(director, theCase.id);
    expect(alerts.map((a) => a.count)).toEqual([1, 3]); // newest first
    const emails = await emailsAbout(director.id, theCase.id);
    expect(emails.map((e) => e.status)).toEqual(['sent', 'pending']);
    expect(emails[1]!.idempotency_key).toBe(`alert:${alerts[0]!.id}`);
    await windowPasses(theCase.id);
    await drain();
    const sent = mail.to(director.email).filter((m) => m.subject.includes(theCase.reference));
    expect(sent).toHaveLength(2);
    expect(sent[1]!.subject).toBe(`Wijkregie: nieuwe informatie in casus ${theCase.reference}`);
  });

  it('after reading the alert a new entry is a new alert', async () => {
    const c = await newCase('Gelezen tussendoor');
    await entry(care, c.id, 'een');
    const [first] = await alertsAbout(director, c.id);
    expect((await (await loggedIn(app, director)).post(`/api/v1/alerts/${first!.id}/read`)).statusCode).toBe(
      204,
    );
    await entry(care, c.id, 'twee');
    await entry(care, c.id, 'drie');
    const alerts = await alertsAbout(director, c.id);
    expect(alerts.map((a) => [a.count, a.readAt === null])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(await emailsAbout(director.id, c.id)).toHaveLength(2);
  });

  it('an email a worker has already taken keeps its words: the next entry gets its own alert and email', async () => {
    const c = await newCase('Al onderweg');
    await entry(care, c.id, 'een');
    // A worker claimed the email (and may have handed it to the SMTP server) but has not marked it yet.
    await (await testDb()).query(
      "UPDATE email_outbox SET status = 'sending', attempts = 1, locked_until = now() + interval '1 minute' WHERE user_id = $1 AND case_id = $2",
      [director.id, c.id],
    );
    await entry(care, c.id, 'twee');
    const alerts = await alertsAbout(director, c.id);
    expect(alerts.map((a) => a.count)).toEqual([1, 1]);
    const emails = await emailsAbout(director.id, c.id);
    expect(emails.map((e) => e.status)).toEqual(['sending', 'pending']);
    expect(emails[0]!.subject).toBe(`Wijkregie: nieuwe informatie in casus ${c.reference}`);
  });

  it('only entries bundle, per case: a status change or another case is an alert of its own', async () => {
    const a = await newCase('Eerste casus');
    const b = await newCase('Tweede casus');
    await entry(care, a.id, 'een');
    await entry(care, b.id, 'een');
    await entry(care, a.id, 'twee');
    expect((await reg.patch(`/api/v1/cases/${a.id}`, { status: 'triage' })).statusCode).toBe(200);
    expect((await alertsAbout(director, a.id)).map((x) => [x.kind, x.count])).toEqual([
      ['status_changed', 1],
      ['entry_added', 2],
    ]);
    expect((await alertsAbout(director, b.id)).map((x) => x.count)).toEqual([1]);
  });

  it('a daily digest counts every entry of a bundle', async () => {
    const c = await newCase('Dagelijks');
    const daily = await t.addUser('wijkteam', ['professional']);
    const d = await loggedIn(app, daily);
    expect((await d.put('/api/v1/me/preferences', { email: 'daily' })).statusCode).toBe(200);
    expect((await d.post(`/api/v1/cases/${c.id}/follow`)).statusCode).toBe(204);
    await entry(care, c.id, 'Schuldhulp gestart');
    await entry(care, c.id, 'Budgetcoach gevonden');
    expect((await alertsAbout(daily, c.id)).map((a) => a.count)).toEqual([2]);
    expect(await emailsAbout(daily.id, c.id)).toEqual([]); // they want no email per change
    expect(await sendDigests(await testDb(), URL_BASE, '2031-03-04')).toBeGreaterThanOrEqual(1);
    await drain();
    const [digest] = mail.to(daily.email);
    expect(digest!.text).toContain(`${c.reference}: nieuwe informatie (2×)`);
    expect(digest!.text).not.toMatch(/Schuldhulp|Budgetcoach/);
  });
});

describe('live', () => {
  let stream: AlertStream | undefined;
  afterAll(() => stream?.close());

  it('the stream sends the counted-up alert as it is now', async () => {
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const c = await newCase('Live');
    stream = await AlertStream.open(base, (await loggedIn(app, director)).cookie);
    expect(stream.status).toBe(200);
    await entry(care, c.id, 'een');
    await stream.waitFor(1);
    await entry(care, c.id, 'twee');
    const got = (await stream.waitFor(2)).map((a) => alertSchema.parse(a));
    expect(got[1]!.id).toBe(got[0]!.id);
    expect(got.map((a) => a.count)).toEqual([1, 2]);
  });
});
