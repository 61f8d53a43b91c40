import { DEFAULT_HOW_TO_REPORT, howToReportSchema } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { col, rows } from '../src/db/rows.js';
import {
  bodyOf,
  type Client,
  expectProblem,
  loggedIn,
  newTenant,
  type TestTenant,
  testApp,
  testDb,
} from './helpers.js';

/*
 * What and how to report (issue 14): a public page per municipality — 112, the police's non-emergency
 * number, Meld Misdaad Anoniem, the report form, what happens next, how to take part — with a default
 * text until the regisseur writes the municipality's own.
 */

let app: FastifyInstance;
let t: TestTenant;
let other: TestTenant;
let reg: Client;

beforeAll(async () => {
  app = await testApp();
  t = await newTenant();
  other = await newTenant();
  reg = await loggedIn(app, t.regisseur);
});

const publicText = async (tenantId: string) =>
  bodyOf(
    await app.inject({ method: 'GET', url: `/api/public/v1/how-to-report?gemeente=${tenantId}` }),
    howToReportSchema,
  );

const ownText = {
  intro: 'In Zevenhoek melden we samen.',
  channels: [
    { name: '112', when: 'Bij direct gevaar.', contact: 'Bel 112' },
    { name: 'Politie', when: 'Geen spoed.', contact: 'Bel 0900-8844', url: 'https://www.politie.nl' },
    { name: 'Meld Misdaad Anoniem', when: 'Anoniem melden.', contact: 'Bel 0800-7000' },
    { name: 'Meldformulier', when: 'Zorgen over de buurt.', contact: 'Vul het formulier in', url: '/melden' },
  ],
  afterReport: 'U krijgt een code om uw melding te volgen.',
  takePart: 'Doe mee met de buurtpreventie.',
};

async function auditCount(tenantId: string) {
  const db = await testDb();
  const found = await rows(
    db,
    z.object({ n: col.int }),
    `SELECT count(*) AS n FROM audit_log WHERE tenant_id = $1 AND object_type = 'how_to_report'`,
    [tenantId],
  );
  return found[0]?.n ?? 0;
}

describe('how to report', () => {
  it('answers the default text without login, naming 112, 0900-8844, Meld Misdaad Anoniem and the form', async () => {
    const text = await publicText(t.id);
    expect(text.updatedAt).toBeNull();
    expect(text.intro).toBe(DEFAULT_HOW_TO_REPORT.intro);
    const contacts = text.channels.map((c) => `${c.name} ${c.contact}`).join(' | ');
    for (const needed of ['112', '0900-8844', 'Meld Misdaad Anoniem', '0800-7000'])
      expect(contacts).toContain(needed);
    expect(text.channels.some((c) => c.url === '/melden')).toBe(true);
    expect(text.afterReport).not.toBe('');
    expect(text.takePart).not.toBe('');
  });

  it('the regisseur replaces the text (audited); the public page and the logged-in read show it', async () => {
    const before = await auditCount(t.id);
    const saved = bodyOf(await reg.put('/api/v1/how-to-report', ownText), howToReportSchema);
    expect(saved).toMatchObject(ownText);
    expect(saved.updatedAt).not.toBeNull();
    expect(await publicText(t.id)).toEqual(saved);
    const prof = await loggedIn(app, t.professional);
    expect(bodyOf(await prof.get('/api/v1/how-to-report'), howToReportSchema)).toEqual(saved);
    expect(await auditCount(t.id)).toBe(before + 1);
    // Another municipality keeps its own (default) text.
    expect((await publicText(other.id)).updatedAt).toBeNull();
  });

  it('only the regisseur edits (others 403, 401 without login), and the text stays', async () => {
    const before = await publicText(t.id);
    for (const user of [t.professional, t.admin, t.auditor]) {
      const c = await loggedIn(app, user);
      expectProblem(await c.put('/api/v1/how-to-report', { ...ownText, intro: 'Niet van mij' }), 403);
    }
    const anonymous = await app.inject({ method: 'PUT', url: '/api/v1/how-to-report', payload: ownText });
    expect(anonymous.statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/v1/how-to-report' })).statusCode).toBe(401);
    expect(await publicText(t.id)).toEqual(before);
  });

  it('answers 400 naming the field for bad input, and keeps the text', async () => {
    const before = await publicText(t.id);
    expectProblem(
      await reg.put('/api/v1/how-to-report', {
        intro: '',
        channels: [{ name: '', when: 'x', contact: 'y', url: 'javascript:alert(1)' }],
        afterReport: 'x'.repeat(3001),
        takePart: 'ok',
      }),
      400,
      ['intro', 'channels.0.name', 'channels.0.url', 'afterReport'],
    );
    expectProblem(await reg.put('/api/v1/how-to-report', { ...ownText, channels: [] }), 400, ['channels']);
    expectProblem(await reg.put('/api/v1/how-to-report', { ...ownText, extra: 1 }), 400);
    expectProblem(await reg.put('/api/v1/how-to-report', { ...ownText, intro: 'a\u0000b' }), 400, ['intro']);
    expect(await publicText(t.id)).toEqual(before);
  });

  it('answers 400 for an unknown municipality', async () => {
    expectProblem(
      await app.inject({
        method: 'GET',
        url: '/api/public/v1/how-to-report?gemeente=00000000-0000-4000-8000-000000000000',
      }),
      400,
      ['gemeente'],
    );
    expectProblem(await app.inject({ method: 'GET', url: '/api/public/v1/how-to-report?gemeente=x' }), 400, [
      'gemeente',
    ]);
  });
});
