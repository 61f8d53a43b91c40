import { type ImportAnswer, importAnswerSchema, signalListSchema } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { col, countRow, oneRow, row, rows as rowsOf } from '../src/db/rows.js';
import { CREDITOR_COLUMNS } from '../src/modules/early-warning/columns.js';
import { parseDate } from '../src/modules/early-warning/creditor-rows.js';
import { IMPORT_BATCH_SIZE } from '../src/modules/early-warning/import-creditor-file.js';
import { parseAmount, readCsv } from '../src/modules/imports/csv.js';
import {
  bodyOf,
  type Client,
  expectProblem,
  loggedIn,
  newTenant,
  type TestTenant,
  type TestUser,
  testApp,
  testDb,
} from './helpers.js';

type Column = (typeof CREDITOR_COLUMNS)[number];
type Row = Partial<Record<Column, string>>;

let app: FastifyInstance;
let t: TestTenant;
let other: TestTenant;
let reg: Client;
let police: TestUser;
let enforcement: TestUser;
let debt: TestUser;
let care: TestUser; // wijkteam
let seq = 0;

const base = (): Record<Column, string> => ({
  creditorType: 'energie',
  creditorName: 'Stroom & Gas BV',
  reference: `REF-${++seq}`,
  signalDate: '2026-09-15',
  lastName: 'Jansen',
  initials: 'J.P.',
  birthDate: '1980-05-17',
  street: 'Dorpsstraat',
  houseNumber: '12',
  postalCode: '1234AB',
  city: 'Voorbeeldstad',
  arrearsAmount: '312,50',
  arrearsSince: '2026-09-01',
  endOfSupply: 'nee',
});

const quote = (v: string, sep: string) =>
  v.includes(sep) || v.includes('"') || v.includes('\n') ? `"${v.replaceAll('"', '""')}"` : v;

function csv(rows: Row[], opts: { sep?: ';' | ','; eol?: string; bom?: boolean; header?: string[] } = {}) {
  const sep = opts.sep ?? ';';
  const eol = opts.eol ?? '\r\n';
  const header = opts.header ?? [...CREDITOR_COLUMNS];
  const lines = [header.join(sep)];
  for (const r of rows) {
    const full = { ...base(), ...r };
    lines.push(header.map((c) => quote(full[c as Column] ?? '', sep)).join(sep));
  }
  return `${opts.bom ? '\uFEFF' : ''}${lines.join(eol)}${eol}`;
}

const post = (c: Client, body: string | Buffer, type = 'text/csv') =>
  c.request({
    method: 'POST',
    url: '/api/v1/signals/import',
    headers: { 'content-type': type },
    payload: body,
  });

async function importOk(c: Client, body: string | Buffer): Promise<ImportAnswer> {
  return bodyOf(await post(c, body), importAnswerSchema);
}

/** A stored creditor signal as these tests compare it: dates and the amount as text. */
const signalRow = z.object({
  id: col.uuid,
  category: col.text,
  description: col.text,
  source: col.text,
  status: col.text,
  postal_code: col.text,
  house_number: col.text,
  address_key: col.text,
  first_contact_due: col.text,
  creditor_type: col.text,
  creditor_name: col.text,
  creditor_reference: col.text,
  signal_date: col.text,
  birth_date: col.text.nullable(),
  arrears_amount: col.text,
  arrears_since: col.text.nullable(),
  end_of_supply: col.bool,
  initials: col.text.nullable(),
  last_name: col.text,
  reporter_user_id: col.uuid,
  reporter_partner_id: col.uuid,
});

async function signalByRef(tenant: TestTenant, reference: string) {
  const db = await testDb();
  return row(
    db,
    signalRow,
    `SELECT id, category, description, source, status, postal_code, house_number, address_key,
            to_char(first_contact_due, 'YYYY-MM-DD') AS first_contact_due, creditor_type, creditor_name,
            creditor_reference, to_char(signal_date, 'YYYY-MM-DD') AS signal_date,
            to_char(birth_date, 'YYYY-MM-DD') AS birth_date, arrears_amount::text AS arrears_amount,
            to_char(arrears_since, 'YYYY-MM-DD') AS arrears_since, end_of_supply, initials, last_name,
            reporter_user_id, reporter_partner_id
       FROM signals WHERE tenant_id = $1 AND creditor_reference = $2`,
    [tenant.id, reference],
  );
}

async function countSignals(tenant: TestTenant): Promise<number> {
  const db = await testDb();
  return (
    await oneRow(db, countRow, 'SELECT count(*)::int AS n FROM signals WHERE tenant_id = $1', [tenant.id])
  ).n;
}

beforeAll(async () => {
  app = await testApp();
  t = await newTenant(['gemeente', 'politie', 'wijkteam', 'schuldhulp', 'handhaving']);
  other = await newTenant(['gemeente', 'wijkteam']);
  reg = await loggedIn(app, t.regisseur);
  police = await t.addUser('politie', ['professional']);
  enforcement = await t.addUser('handhaving', ['professional']);
  debt = await t.addUser('schuldhulp', ['professional']);
  care = await t.addUser('wijkteam', ['professional']);
});

describe('the CSV reader', () => {
  async function* chunks(buf: Buffer, size: number) {
    for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
  }
  const read = async (input: AsyncIterable<Buffer | string>) => {
    const out: { line: number; fields: string[]; error?: string }[] = [];
    for await (const r of readCsv(input)) out.push(r);
    return out;
  };

  it('gives the same records whatever the chunk boundaries (quotes, CRLF, BOM, multi-byte characters)', async () => {
    const text =
      '\uFEFFa;b;c\r\n"x;1";"he said ""hi""";€ 12,50\r\n\r\n"multi\r\nline";é;"ü"\r\nlast;"";\n"end"' +
      ';"""";z';
    const buf = Buffer.from(text, 'utf8');
    const expected = [
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x;1', 'he said "hi"', '€ 12,50'] },
      { line: 4, fields: ['multi\nline', 'é', 'ü'] },
      { line: 6, fields: ['last', '', ''] },
      { line: 7, fields: ['end', '"', 'z'] },
    ];
    for (let size = 1; size <= buf.length; size++) {
      expect(await read(chunks(buf, size)), `chunk size ${size}`).toEqual(expected);
    }
  });

  it('detects a comma separator from the header and reads LF files and strings', async () => {
    async function* strings() {
      yield 'a,b\n1,"2,5"\n';
      yield '3,4';
    }
    expect(await read(strings())).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2,5'] },
      { line: 3, fields: ['3', '4'] },
    ]);
  });

  it('reports an unclosed quote on its line', async () => {
    async function* s() {
      yield 'a;b\n1;"open\n2;3\n';
    }
    const recs = await read(s());
    expect(recs[1]).toMatchObject({ line: 2, error: expect.stringContaining('aanhalingsteken') });
  });

  it('parses amounts with a decimal comma or point and refuses ambiguous ones', () => {
    expect(parseAmount('1.234,56')).toBe(1234.56);
    expect(parseAmount('1234.56')).toBe(1234.56);
    expect(parseAmount('1234,56')).toBe(1234.56);
    expect(parseAmount('1,234.56')).toBe(1234.56);
    expect(parseAmount('€ 312,5')).toBe(312.5);
    expect(parseAmount('1.234.567')).toBe(1234567);
    expect(parseAmount('75')).toBe(75);
    for (const bad of ['1.234', '12,345', 'abc', '-5', '1,2,3', '12.34.56,7', '', ',50', '1.23,45']) {
      expect(parseAmount(bad), bad).toBeUndefined();
    }
  });

  it('parses dates as YYYY-MM-DD and DD-MM-YYYY', () => {
    expect(parseDate('2026-09-01')).toBe('2026-09-01');
    expect(parseDate('01-09-2026')).toBe('2026-09-01');
    expect(parseDate('1-9-2026')).toBe('2026-09-01');
    expect(parseDate('29-02-2024')).toBe('2024-02-29');
    for (const bad of ['2026-02-30', '29-02-2025', '2026/13/01', '31-04-2026', 'gisteren', '20260901']) {
      expect(parseDate(bad), bad).toBeUndefined();
    }
  });
});

describe('POST /signals/import', () => {
  it('imports a ;-separated file with BOM, CRLF, quoted fields and a decimal comma', async () => {
    const file = csv(
      [
        { reference: 'A-1', arrearsAmount: '1.234,56', creditorName: 'Energie "Noord"; Zuid BV' },
        {
          reference: 'A-2',
          creditorType: 'water',
          signalDate: '24-04-2026',
          arrearsSince: '01-02-2026',
          endOfSupply: 'ja',
          postalCode: '1234 ab',
          houseNumber: '12 a',
          birthDate: '',
          initials: '',
          arrearsAmount: '75',
        },
      ],
      { bom: true },
    );
    const res = await importOk(reg, file);
    expect(res).toMatchObject({ imported: 2, duplicates: 0, rejected: [] });

    const a1 = await signalByRef(t, 'A-1');
    expect(a1).toMatchObject({
      source: 'creditor',
      status: 'new',
      category: 'achterstand_energie',
      creditor_type: 'energie',
      creditor_name: 'Energie "Noord"; Zuid BV',
      arrears_amount: '1234.56',
      arrears_since: '2026-09-01',
      signal_date: '2026-09-15',
      birth_date: '1980-05-17',
      last_name: 'Jansen',
      initials: 'J.P.',
      postal_code: '1234AB',
      house_number: '12',
      address_key: '1234AB 12',
      end_of_supply: false,
      // 28 calendar days after the signal date.
      first_contact_due: '2026-10-13',
      reporter_user_id: t.regisseur.id,
      reporter_partner_id: t.partners.gemeente,
    });
    expect(a1!.description).toBe(
      'Betalingsachterstand energie bij Energie "Noord"; Zuid BV van € 1.234,56 sinds 1 september 2026',
    );

    const a2 = await signalByRef(t, 'A-2');
    expect(a2).toMatchObject({
      category: 'achterstand_water',
      postal_code: '1234AB',
      house_number: '12A',
      address_key: '1234AB 12A',
      signal_date: '2026-04-24',
      arrears_since: '2026-02-01',
      arrears_amount: '75.00',
      birth_date: null,
      initials: null,
      end_of_supply: true,
      // 3 working days after Friday 24 April 2026: Monday 27 April is King's Day.
      first_contact_due: '2026-04-30',
    });
    expect(a2!.description).toBe(
      'Betalingsachterstand drinkwater bij Stroom & Gas BV van € 75,00 sinds 1 februari 2026, dreigende afsluiting',
    );
  });

  it('imports a ,-separated LF file with a decimal point and a line break inside quotes', async () => {
    const file = csv(
      [
        { reference: 'B-1', arrearsAmount: '1234.56', street: 'Lange Laan\nachterhuis' },
        { reference: 'B-2', arrearsAmount: '1,234.50', creditorName: 'Water, Noord' },
        { reference: 'B-3', postalCode: 'fout' },
      ],
      { sep: ',', eol: '\n' },
    );
    const res = await importOk(reg, file);
    expect(res.imported).toBe(2);
    // B-1 spans lines 2 and 3; B-2 is line 4, B-3 line 5.
    expect(res.rejected).toEqual([
      { line: 5, message: 'Regel 5: postcode (kolom postalCode): geen geldige postcode (1234 AB)' },
    ]);
    expect((await signalByRef(t, 'B-1'))!.arrears_amount).toBe('1234.56');
    expect(await signalByRef(t, 'B-2')).toMatchObject({
      creditor_name: 'Water, Noord',
      arrears_amount: '1234.50',
    });
  });

  it('rejects each invalid field with a Dutch message naming the line and the field, and imports the rest', async () => {
    const cases: [Row, string][] = [
      [
        { creditorType: 'gas' },
        'soort schuldeiser (kolom creditorType): kies energie, water, huur of zorgverzekering',
      ],
      [{ creditorType: '' }, 'soort schuldeiser (kolom creditorType): verplicht'],
      [{ creditorName: '' }, 'naam schuldeiser (kolom creditorName): verplicht'],
      [{ creditorName: 'x'.repeat(201) }, 'naam schuldeiser (kolom creditorName): te lang'],
      [{ reference: '' }, 'kenmerk (kolom reference): verplicht'],
      [{ signalDate: '' }, 'signaaldatum (kolom signalDate): verplicht'],
      [{ signalDate: '2026-02-30' }, 'signaaldatum (kolom signalDate): geen geldige datum'],
      [{ signalDate: '15/13/2026' }, 'signaaldatum (kolom signalDate): geen geldige datum'],
      [{ lastName: '' }, 'achternaam (kolom lastName): verplicht'],
      [{ lastName: '12345' }, 'achternaam (kolom lastName): geen geldige achternaam'],
      [{ initials: 'J.1' }, 'voorletters (kolom initials): geen geldige voorletters'],
      [{ birthDate: '31-13-1980' }, 'geboortedatum (kolom birthDate): geen geldige datum'],
      [{ birthDate: '2099-01-01' }, 'geboortedatum (kolom birthDate): ligt in de toekomst'],
      [{ postalCode: '0123AB' }, 'postcode (kolom postalCode): geen geldige postcode (1234 AB)'],
      [{ postalCode: '1234' }, 'postcode (kolom postalCode): geen geldige postcode (1234 AB)'],
      [{ postalCode: '' }, 'postcode (kolom postalCode): verplicht'],
      [{ houseNumber: '' }, 'huisnummer (kolom houseNumber): verplicht'],
      [{ houseNumber: 'twaalf' }, 'huisnummer (kolom houseNumber): geen geldig huisnummer'],
      [{ arrearsAmount: '' }, 'bedrag achterstand (kolom arrearsAmount): verplicht'],
      [{ arrearsAmount: 'veel' }, 'bedrag achterstand (kolom arrearsAmount): geen geldig bedrag'],
      [{ arrearsAmount: '1.234' }, 'bedrag achterstand (kolom arrearsAmount): geen geldig bedrag'],
      [{ arrearsAmount: '-5,00' }, 'bedrag achterstand (kolom arrearsAmount): geen geldig bedrag'],
      [{ arrearsAmount: '0,00' }, 'bedrag achterstand (kolom arrearsAmount): moet groter dan 0 zijn'],
      [{ arrearsSince: '2026-13-01' }, 'achterstand sinds (kolom arrearsSince): geen geldige datum'],
      [{ arrearsSince: '2026-10-01' }, 'achterstand sinds (kolom arrearsSince): ligt na de signaaldatum'],
      [{ endOfSupply: 'misschien' }, 'dreigende afsluiting (kolom endOfSupply): kies ja of nee'],
    ];
    const rows: Row[] = [{ reference: 'C-ok-1' }];
    for (const [r] of cases) rows.push({ ...r });
    rows.push({ reference: 'C-ok-2' });
    const before = await countSignals(t);
    const res = await importOk(reg, csv(rows));
    expect(res.imported).toBe(2);
    expect(res.duplicates).toBe(0);
    expect(res.rejected).toHaveLength(cases.length);
    cases.forEach(([, message], i) => {
      const line = i + 3; // header is line 1, the first valid row line 2
      expect(res.rejected[i]!.line).toBe(line);
      expect(res.rejected[i]!.message).toContain(`Regel ${line}: ${message}`);
    });
    expect(await countSignals(t)).toBe(before + 2);
  });

  it('names every wrong field of one row and rejects a row with too few fields', async () => {
    const file = `${csv([{ reference: 'D-1', postalCode: 'x', houseNumber: '', endOfSupply: 'wel' }])}energie;Kort\r\n`;
    const res = await importOk(reg, file);
    expect(res.imported).toBe(0);
    expect(res.rejected).toEqual([
      {
        line: 2,
        message:
          'Regel 2: huisnummer (kolom houseNumber): verplicht; postcode (kolom postalCode): geen geldige postcode (1234 AB); dreigende afsluiting (kolom endOfSupply): kies ja of nee',
      },
      { line: 3, message: 'Regel 3: 2 velden in plaats van 14' },
    ]);
  });

  it('counts the same creditor + reference as a duplicate within a file, across files and on re-import', async () => {
    const rows: Row[] = [
      { reference: 'E-1' },
      { reference: 'E-2' },
      { reference: 'E-1', arrearsAmount: '999,00' },
      // Same reference at another creditor: another signal.
      { reference: 'E-1', creditorName: 'Waterbedrijf Oost' },
    ];
    const first = await importOk(reg, csv(rows));
    expect(first).toMatchObject({ imported: 3, duplicates: 1, rejected: [] });
    expect((await signalByRef(t, 'E-2'))!.creditor_name).toBe('Stroom & Gas BV');

    const before = await countSignals(t);
    // The same file again, by someone else: nothing new (idempotent).
    const wijkteam = await loggedIn(app, care);
    expect(await importOk(wijkteam, csv(rows))).toMatchObject({ imported: 0, duplicates: 4, rejected: [] });
    // A later file with one known and one new reference.
    expect(await importOk(reg, csv([{ reference: 'E-2' }, { reference: 'E-3' }]))).toMatchObject({
      imported: 1,
      duplicates: 1,
    });
    expect(await countSignals(t)).toBe(before + 1);
    const db = await testDb();
    const e1 = await row(
      db,
      z.object({ amount: col.text }),
      `SELECT arrears_amount::text AS amount FROM signals
        WHERE tenant_id = $1 AND creditor_reference = 'E-1' AND creditor_name = 'Stroom & Gas BV'`,
      [t.id],
    );
    expect(e1!.amount).toBe('312.50'); // the first row won
  });

  it('imports a larger file in batches, each with its own audit record, and reports progress', async () => {
    const rows: Row[] = [];
    for (let i = 0; i < 1203; i++) rows.push({ reference: `F-${i}`, houseNumber: String(1 + (i % 400)) });
    rows.splice(600, 0, { reference: 'F-bad', signalDate: 'nooit' });
    const db = await testDb();
    const auditBefore = await oneRow(
      db,
      countRow,
      `SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND action = 'import'`,
      [t.id],
    );
    const res = await importOk(reg, csv(rows));
    expect(res).toMatchObject({ imported: 1203, duplicates: 0 });
    expect(res.rejected).toEqual([
      { line: 602, message: expect.stringContaining('Regel 602: signaaldatum (kolom signalDate)') },
    ]);

    const audit = await rowsOf(
      db,
      z.object({ object_type: col.text, object_ids: col.textArray, user_id: col.uuid }),
      `SELECT object_type, object_ids, user_id FROM audit_log WHERE tenant_id = $1 AND action = 'import' ORDER BY seq`,
      [t.id],
    );
    const mine = audit.slice(auditBefore.n);
    expect(mine).toHaveLength(Math.ceil(1203 / IMPORT_BATCH_SIZE)); // one audit record per batch
    expect(mine.every((a) => a.object_type === 'signal' && a.user_id === t.regisseur.id)).toBe(true);
    expect(mine.reduce((n, a) => n + a.object_ids.length, 0)).toBe(1203);
    const verify = await (await loggedIn(app, t.auditor)).get('/api/v1/audit/verify');
    expect(verify.json()).toMatchObject({ valid: true });

    expect(res.importId).toBeTruthy();
    const progress = await reg.get(`/api/v1/signals/imports/${res.importId}`);
    expect(progress.statusCode).toBe(200);
    expect(progress.json()).toMatchObject({
      status: 'done',
      lines: 1204,
      imported: 1203,
      duplicates: 0,
      rejected: 1,
    });
    // The caller's latest import, as the web page polls it while a file is being read.
    const current = await reg.get('/api/v1/signals/imports/current');
    expect(current.json()).toMatchObject({ id: res.importId, status: 'done', imported: 1203 });
    // Nobody else's business: another tenant's regisseur does not find it.
    const otherReg = await loggedIn(app, other.regisseur);
    expectProblem(await otherReg.get(`/api/v1/signals/imports/${res.importId}`), 404);
    expectProblem(await otherReg.get('/api/v1/signals/imports/current'), 404);
    expectProblem(await (await loggedIn(app, police)).get('/api/v1/signals/imports/current'), 403);
  });

  it('rejects a wrong header with 400 naming the column, and imports nothing', async () => {
    const before = await countSignals(t);
    const missing = CREDITOR_COLUMNS.filter((c) => c !== 'postalCode');
    let body = expectProblem(await post(reg, csv([{ reference: 'G-1' }], { header: missing })), 400, [
      '(body)',
    ]);
    expect(JSON.stringify(body)).toContain('postcode (kolom postalCode) ontbreekt');

    const unknown = [...CREDITOR_COLUMNS, 'bsn'];
    body = expectProblem(await post(reg, csv([{ reference: 'G-2' }], { header: unknown })), 400, ['(body)']);
    expect(JSON.stringify(body)).toContain('onbekende kolom \\"bsn\\"');

    const typo = CREDITOR_COLUMNS.map((c) => (c === 'houseNumber' ? 'huisnummer' : c));
    body = expectProblem(await post(reg, csv([{ reference: 'G-3' }], { header: typo })), 400, ['(body)']);
    expect(body.detail).toContain('huisnummer');
    expect(body.detail).toContain('huisnummer (kolom houseNumber) ontbreekt');

    expectProblem(await post(reg, ''), 400);
    expectProblem(await post(reg, '\uFEFF'), 400);
    expect(await countSignals(t)).toBe(before);
  });

  it('accepts header names in any order and case', async () => {
    const header = [...CREDITOR_COLUMNS].reverse().map((c) => c.toUpperCase());
    const rows = [{ reference: 'H-1' }];
    const sep = ';';
    const full = { ...base(), ...rows[0] };
    const file = `${header.join(sep)}\n${[...CREDITOR_COLUMNS]
      .reverse()
      .map((c) => quote(full[c], sep))
      .join(sep)}\n`;
    expect(await importOk(reg, file)).toMatchObject({ imported: 1 });
  });

  it('lets regisseurs and professionals of gemeente, schuldhulp and wijkteam import; refuses police and enforcement', async () => {
    const before = await countSignals(t);
    for (const u of [police, enforcement, t.professional]) {
      const c = await loggedIn(app, u);
      expectProblem(await post(c, csv([{ reference: `P-${u.id}` }])), 403);
    }
    for (const u of [t.admin, t.auditor]) {
      expectProblem(await post(await loggedIn(app, u), csv([{ reference: `P-${u.id}` }])), 403);
    }
    expect(await countSignals(t)).toBe(before);
    for (const u of [debt, care]) {
      expect(await importOk(await loggedIn(app, u), csv([{ reference: `P-${u.id}` }]))).toMatchObject({
        imported: 1,
      });
    }
    const gemeenteProf = await t.addUser('gemeente', ['professional']);
    expect(await importOk(await loggedIn(app, gemeenteProf), csv([{ reference: 'P-gem' }]))).toMatchObject({
      imported: 1,
    });
  });

  it('needs a session (401) and a CSV content type', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/signals/import',
      headers: { 'content-type': 'text/csv' },
      payload: csv([{ reference: 'U-1' }]),
    });
    expectProblem(res, 401);
    expect(await signalByRef(t, 'U-1')).toBeUndefined();
    const wrongType = await post(reg, JSON.stringify({ rows: [] }), 'application/json');
    expect([400, 415]).toContain(wrongType.statusCode);
  });

  it("keeps tenants apart: another tenant's import is invisible and no duplicate of ours", async () => {
    const otherReg = await loggedIn(app, other.regisseur);
    const res = await importOk(otherReg, csv([{ reference: 'E-1' }, { reference: 'T-only' }]));
    expect(res).toMatchObject({ imported: 2, duplicates: 0 });
    expect(await signalByRef(t, 'T-only')).toBeUndefined();
    const list = await reg.get('/api/v1/signals?source=creditor&limit=200');
    expect(list.statusCode).toBe(200);
    const items = bodyOf(list, signalListSchema).items;
    expect(items.some((s) => s.creditor?.reference === 'T-only')).toBe(false);
    const theirs = await otherReg.get('/api/v1/signals?source=creditor');
    expect(bodyOf(theirs, signalListSchema).total).toBe(2);
  });
});
