import { randomUUID } from 'node:crypto';
import { crc32 } from 'node:zlib';
import {
  attachmentListSchema,
  entryListSchema,
  entrySchema,
  MAX_ATTACHMENT_BYTES,
  publicReportReceiptSchema,
  signalDetailSchema,
  signalListSchema,
  signalSchema,
} from '@wijkregie/shared';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { openPostgres } from '../src/db/postgres.js';
import { countRow, oneRow } from '../src/db/rows.js';
import {
  bodyOf,
  type CaseJson,
  Client,
  createCase,
  createPerson,
  expectProblem,
  loggedIn,
  newTenant,
  setMatrix,
  TEST_AUDIT_KEY,
  type TestTenant,
  type TestUser,
  testApp,
  testDb,
} from './helpers.js';

// Small but real files: the server recognises each by its content (file-type).
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9,
]);

/** A zip without compression, enough for the containers DOCX and ODT are. */
function storedZip(entries: [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text);
    const n = Buffer.from(name);
    const crc = crc32(data);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt32LE(crc, 14);
    h.writeUInt32LE(data.length, 18);
    h.writeUInt32LE(data.length, 22);
    h.writeUInt16LE(n.length, 26);
    locals.push(h, n, data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(offset, 42);
    centrals.push(c, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
const DOCX = storedZip([
  [
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  ],
  ['word/document.xml', '<w:document/>'],
]);
const ODT = storedZip([
  ['mimetype', 'application/vnd.oasis.opendocument.text'],
  ['content.xml', '<office:document-content/>'],
]);
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ODT_TYPE = 'application/vnd.oasis.opendocument.text';

interface FilePart {
  field?: string;
  name: string;
  type: string;
  data: Buffer;
}

/** A multipart/form-data body as a browser sends it. */
function form(fields: Record<string, string>, files: FilePart[] = []) {
  const boundary = `----wijkregie${randomUUID()}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'file'}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const postForm = (
  c: Client,
  url: string,
  body: ReturnType<typeof form>,
  headers: Record<string, string> = {},
) => c.request({ method: 'POST', url, payload: body.payload, headers: { ...body.headers, ...headers } });

let app: FastifyInstance;
let t: TestTenant;
let other: TestTenant;
let reg: Client;
let cop: Client; // politie: writes 'politie', reads 'basis'
let care: Client; // wijkteam: no access to 'politie'
let careWorker: TestUser;
let theCase: CaseJson;

const attachmentCount = async (entryOrSignal: { entryId?: string; signalId?: string } = {}) => {
  const db = await testDb();
  const found = await oneRow(
    db,
    countRow,
    `SELECT count(*) AS n FROM attachments WHERE tenant_id = $1
       AND ($2::uuid IS NULL OR entry_id = $2) AND ($3::uuid IS NULL OR signal_id = $3)`,
    [t.id, entryOrSignal.entryId ?? null, entryOrSignal.signalId ?? null],
  );
  return found.n;
};
const entryCount = async () => {
  const db = await testDb();
  return (await oneRow(db, countRow, 'SELECT count(*) AS n FROM entries WHERE case_id = $1', [theCase.id])).n;
};

beforeAll(async () => {
  app = await testApp();
  t = await newTenant(['gemeente', 'politie', 'wijkteam']);
  other = await newTenant(['gemeente', 'politie']);
  reg = await loggedIn(app, t.regisseur);
  cop = await loggedIn(app, t.professional);
  careWorker = await t.addUser('wijkteam', ['professional']);
  care = await loggedIn(app, careWorker);
  await setMatrix(app, t, [
    { partner: 'gemeente', category: 'basis', access: 'write' },
    { partner: 'politie', category: 'basis', access: 'read' },
    { partner: 'politie', category: 'politie', access: 'write' },
    { partner: 'wijkteam', category: 'basis', access: 'write' },
  ]);
  const person = await createPerson(reg);
  theCase = await createCase(reg, {
    subjects: [{ kind: 'person', id: person.id }],
    partnerIds: [t.partners.politie, t.partners.wijkteam],
  });
});

describe('attachments on journal entries', () => {
  it('are stored with the entry and listed on it; a reader downloads them, documents as attachment', async () => {
    const res = await postForm(
      cop,
      `/api/v1/cases/${theCase.id}/entries`,
      form({ category: 'politie', text: 'Proces-verbaal en foto van de situatie' }, [
        { name: 'proces-verbaal.pdf', type: 'application/pdf', data: PDF },
        { name: 'situatie.png', type: 'image/png', data: PNG },
      ]),
    );
    const entry = bodyOf(res, entrySchema, 201);
    expect(entry.text).toBe('Proces-verbaal en foto van de situatie');
    expect(entry.attachments.map((a) => [a.name, a.contentType, a.size])).toEqual([
      ['proces-verbaal.pdf', 'application/pdf', PDF.length],
      ['situatie.png', 'image/png', PNG.length],
    ]);
    const [pdf, png] = entry.attachments;
    if (!pdf || !png) throw new Error('two attachments expected');

    // The journal lists them with the entry.
    const journal = bodyOf(await cop.get(`/api/v1/cases/${theCase.id}/entries`), entryListSchema);
    expect(journal.items.find((e) => e.id === entry.id)?.attachments).toEqual(entry.attachments);

    // A document is downloaded; a photo may show in the page.
    // The police wrote it under 'politie'; their own regisseur's partner (gemeente) may not read that.
    expectProblem(await reg.get(`/api/v1/attachments/${pdf.id}`), 404);
    const download = await cop.get(`/api/v1/attachments/${pdf.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="proces-verbaal.pdf"; filename*=UTF-8''proces-verbaal.pdf`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(PDF)).toBe(true);
    const image = await cop.get(`/api/v1/attachments/${png.id}`);
    expect(image.headers['content-type']).toBe('image/png');
    expect(String(image.headers['content-disposition'])).toMatch(/^inline; /);
    expect(image.rawPayload.equals(PNG)).toBe(true);

    // The download is in the audit log, for the case's person.
    const db = await testDb();
    const audited = await oneRow(
      db,
      countRow,
      `SELECT count(*) AS n FROM audit_log WHERE tenant_id = $1 AND action = 'read'
         AND object_type = 'attachment' AND object_id = $2`,
      [t.id, pdf.id],
    );
    expect(audited.n).toBeGreaterThanOrEqual(1);
  });

  it('takes DOCX, XLSX-like and ODT containers and JPEG, recognised by content, and odd names safely', async () => {
    const res = await postForm(
      reg,
      `/api/v1/cases/${theCase.id}/entries`,
      form({ category: 'basis', text: 'Plan van aanpak' }, [
        { name: 'plan één (v2).docx', type: DOCX_TYPE, data: DOCX },
        // A system that knows no type for .odt sends octet-stream: the extension says it, the content proves it.
        { name: 'verslag.odt', type: 'application/octet-stream', data: ODT },
        { name: 'C:\\Users\\jan\\foto.jpg', type: 'image/jpg', data: JPEG },
      ]),
    );
    const entry = bodyOf(res, entrySchema, 201);
    expect(entry.attachments.map((a) => [a.name, a.contentType])).toEqual([
      ['plan één (v2).docx', DOCX_TYPE],
      ['verslag.odt', ODT_TYPE],
      ['foto.jpg', 'image/jpeg'],
    ]);
    const docx = await reg.get(`/api/v1/attachments/${entry.attachments[0]?.id}`);
    expect(docx.headers['content-disposition']).toBe(
      `attachment; filename="plan een (v2).docx"; filename*=UTF-8''plan%20%C3%A9%C3%A9n%20%28v2%29.docx`,
    );
  });

  it('is 404 for a partner without read on the category, and for another tenant', async () => {
    const entry = bodyOf(
      await postForm(
        cop,
        `/api/v1/cases/${theCase.id}/entries`,
        form({ category: 'politie', text: 'Alleen voor de politie' }, [
          { name: 'pv.pdf', type: 'application/pdf', data: PDF },
        ]),
      ),
      entrySchema,
      201,
    );
    const id = entry.attachments[0]?.id;
    // The wijkteam sees the case but may not read 'politie': the file does not exist for them.
    expectProblem(await care.get(`/api/v1/attachments/${id}`), 404);
    const journal = bodyOf(await care.get(`/api/v1/cases/${theCase.id}/entries`), entryListSchema);
    expect(journal.items.some((e) => e.id === entry.id)).toBe(false);
    // The other tenant's regisseur, an admin without case access, a random id: all 404.
    expectProblem(await (await loggedIn(app, other.regisseur)).get(`/api/v1/attachments/${id}`), 404);
    expectProblem(await (await loggedIn(app, t.admin)).get(`/api/v1/attachments/${id}`), 404);
    expectProblem(await reg.get(`/api/v1/attachments/${randomUUID()}`), 404);
    expectProblem(await reg.get('/api/v1/attachments/geen-id'), 400);
    // Nobody logged in: 401.
    expectProblem(await new Client(app).get(`/api/v1/attachments/${id}`), 401);
  });

  it('refuses content that does not match its declared type (415) and stores nothing', async () => {
    const entriesBefore = await entryCount();
    const filesBefore = await attachmentCount();
    for (const file of [
      { name: 'rapport.pdf', type: 'application/pdf', data: PNG },
      { name: 'foto.png', type: 'image/png', data: Buffer.from('<html><script>alert(1)</script></html>') },
      { name: 'leeg.pdf', type: 'application/pdf', data: Buffer.from('%') },
      { name: 'notitie.txt', type: 'text/plain', data: Buffer.from('platte tekst') },
      { name: 'plaatje.gif', type: 'image/gif', data: Buffer.from('GIF89a') },
      {
        name: 'werkblad.xlsx',
        type: DOCX_TYPE.replace('wordprocessingml.document', 'spreadsheetml.sheet'),
        data: DOCX,
      },
    ]) {
      const res = await postForm(
        reg,
        `/api/v1/cases/${theCase.id}/entries`,
        form({ category: 'basis', text: 'Met een verkeerd bestand' }, [
          { name: 'goed.pdf', type: 'application/pdf', data: PDF },
          file,
        ]),
      );
      expectProblem(res, 415, ['file.1']);
    }
    // One transaction: the entry of a refused file is not there, nor the good file beside it.
    expect(await entryCount()).toBe(entriesBefore);
    expect(await attachmentCount()).toBe(filesBefore);
  });

  // A 20 MiB file takes a while through in-memory PGlite on a busy machine.
  it('refuses a file over 20 MiB and more than ten files with 413, storing nothing', {
    timeout: 180_000,
  }, async () => {
    const entriesBefore = await entryCount();
    const filesBefore = await attachmentCount();
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES + 1 - PDF.length + 10, 0x20)]);
    const tooBig = await postForm(
      reg,
      `/api/v1/cases/${theCase.id}/entries`,
      form({ category: 'basis', text: 'Te groot' }, [
        { name: 'groot.pdf', type: 'application/pdf', data: big },
      ]),
    );
    expectProblem(tooBig, 413, ['file']);
    const eleven = Array.from({ length: 11 }, (_, i) => ({
      name: `${i}.pdf`,
      type: 'application/pdf',
      data: PDF,
    }));
    const tooMany = await postForm(
      reg,
      `/api/v1/cases/${theCase.id}/entries`,
      form({ category: 'basis', text: 'Te veel' }, eleven),
    );
    expectProblem(tooMany, 413, ['file']);
    // Exactly 20 MiB is allowed.
    const exact = Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES - PDF.length, 0x20)]);
    const ok = await postForm(
      reg,
      `/api/v1/cases/${theCase.id}/entries`,
      form({ category: 'basis', text: 'Precies 20 MiB' }, [
        { name: 'precies.pdf', type: 'application/pdf', data: exact },
      ]),
    );
    expect(bodyOf(ok, entrySchema, 201).attachments[0]?.size).toBe(MAX_ATTACHMENT_BYTES);
    expect(await entryCount()).toBe(entriesBefore + 1);
    expect(await attachmentCount()).toBe(filesBefore + 1);
    // JSON stays limited to 1 MiB.
    const json = await reg.post(`/api/v1/cases/${theCase.id}/entries`, {
      category: 'basis',
      text: 'x'.repeat(1024 * 1024 + 10),
    });
    expectProblem(json, 413);
  });

  it('answers bad fields with 400 naming them, and stores nothing', async () => {
    const entriesBefore = await entryCount();
    const filesBefore = await attachmentCount();
    const url = `/api/v1/cases/${theCase.id}/entries`;
    const pdf = { name: 'a.pdf', type: 'application/pdf', data: PDF };
    expectProblem(await postForm(reg, url, form({ text: 'Zonder categorie' }, [pdf])), 400, ['category']);
    expectProblem(await postForm(reg, url, form({ category: 'basis', text: '  ' }, [pdf])), 400, ['text']);
    expectProblem(await postForm(reg, url, form({ category: 'bestaat_niet', text: 'x' }, [pdf])), 400, [
      'category',
    ]);
    expectProblem(await postForm(reg, url, form({ category: 'basis', text: 'x', extra: 'y' }, [pdf])), 400, [
      'extra',
    ]);
    expectProblem(
      await postForm(reg, url, form({ category: 'basis', text: 'x' }, [{ ...pdf, field: 'bijlage' }])),
      400,
      ['bijlage'],
    );
    expectProblem(await postForm(reg, url, form({ category: 'basis', text: 'x\u0000' }, [pdf])), 400, [
      'text',
    ]);
    // A broken form.
    const broken = await reg.request({
      method: 'POST',
      url,
      payload: '--x\r\nContent-Disposition: form-data; name="category"\r\n\r\nbasis',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    });
    expect([400, 413]).toContain(broken.statusCode);
    expect(await entryCount()).toBe(entriesBefore);
    expect(await attachmentCount()).toBe(filesBefore);
  });

  it('keeps the rules of writing: 403 without write on the category or cross-site, 404 for a hidden case', async () => {
    const entriesBefore = await entryCount();
    const url = `/api/v1/cases/${theCase.id}/entries`;
    const body = () =>
      form({ category: 'basis', text: 'Politie mag basis alleen lezen' }, [
        { name: 'a.pdf', type: 'application/pdf', data: PDF },
      ]);
    expectProblem(await postForm(cop, url, body()), 403);
    expectProblem(await postForm(reg, url, body(), { origin: 'https://evil.example' }), 403);
    expectProblem(await postForm(new Client(app), url, body()), 401);
    const hidden = await createCase(reg, { type: 'area', title: 'Zonder politie' });
    expectProblem(await postForm(cop, `/api/v1/cases/${hidden.id}/entries`, body()), 404);
    // Files where an operation takes none: 415.
    expectProblem(await postForm(reg, '/api/v1/cases', body()), 415);
    expect(await entryCount()).toBe(entriesBefore);
  });

  it('lets a form without files make a plain entry, and JSON still works', async () => {
    const plain = bodyOf(
      await postForm(
        reg,
        `/api/v1/cases/${theCase.id}/entries`,
        form({ category: 'basis', text: 'Alleen tekst' }),
      ),
      entrySchema,
      201,
    );
    expect(plain.attachments).toEqual([]);
    const json = bodyOf(
      await reg.post(`/api/v1/cases/${theCase.id}/entries`, { category: 'basis', text: 'Als JSON' }),
      entrySchema,
      201,
    );
    expect(json.attachments).toEqual([]);
  });
});

describe('photos on signals', () => {
  it('come with a new signal (one transaction) and later; whoever sees the signal sees them', async () => {
    const res = await postForm(
      cop,
      '/api/v1/signals',
      form(
        {
          category: 'woonoverlast',
          description: 'Vervuilde voortuin, zie foto',
          source: 'professional',
          location: JSON.stringify({ street: 'Dorpsstraat', houseNumber: '3' }),
        },
        [{ name: 'tuin.jpg', type: 'image/jpeg', data: JPEG }],
      ),
    );
    const signal = bodyOf(res, signalSchema, 201);
    expect(signal.location.street).toBe('Dorpsstraat');
    const detail = bodyOf(await cop.get(`/api/v1/signals/${signal.id}`), signalDetailSchema);
    expect(detail.attachments.map((a) => a.name)).toEqual(['tuin.jpg']);

    const added = bodyOf(
      await postForm(
        cop,
        `/api/v1/signals/${signal.id}/attachments`,
        form({}, [{ name: 'brief.pdf', type: 'application/pdf', data: PDF }]),
      ),
      attachmentListSchema,
      201,
    );
    expect(added.items.map((a) => a.name)).toEqual(['brief.pdf']);
    const after = bodyOf(await reg.get(`/api/v1/signals/${signal.id}`), signalDetailSchema);
    expect(after.attachments.map((a) => a.name)).toEqual(['tuin.jpg', 'brief.pdf']);
    const photo = await reg.get(`/api/v1/attachments/${after.attachments[0]?.id}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.rawPayload.equals(JPEG)).toBe(true);

    // The wijkteam neither reported nor got the signal: it does not exist for them, nor its photos.
    expectProblem(await care.get(`/api/v1/attachments/${after.attachments[0]?.id}`), 404);
    expectProblem(
      await postForm(
        care,
        `/api/v1/signals/${signal.id}/attachments`,
        form({}, [{ name: 'b.pdf', type: 'application/pdf', data: PDF }]),
      ),
      404,
    );
    // Bad input: no file, a JSON body, a file that is not what it says.
    expectProblem(await postForm(cop, `/api/v1/signals/${signal.id}/attachments`, form({})), 400, ['file']);
    expectProblem(await cop.post(`/api/v1/signals/${signal.id}/attachments`, { file: [] }), 415);
    expectProblem(
      await postForm(
        cop,
        `/api/v1/signals/${signal.id}/attachments`,
        form({}, [{ name: 'b.pdf', type: 'application/pdf', data: JPEG }]),
      ),
      415,
      ['file.0'],
    );
    expect(await attachmentCount({ signalId: signal.id })).toBe(2);
  });

  it('stores no signal when its photo is refused, and names bad JSON fields', async () => {
    const before = bodyOf(await reg.get('/api/v1/signals'), signalListSchema).total;
    expectProblem(
      await postForm(
        cop,
        '/api/v1/signals',
        form({ category: 'woonoverlast', description: 'Met nepfoto', source: 'professional' }, [
          { name: 'x.jpg', type: 'image/jpeg', data: PDF },
        ]),
      ),
      415,
    );
    expectProblem(
      await postForm(
        cop,
        '/api/v1/signals',
        form({
          category: 'woonoverlast',
          description: 'Kapotte plek',
          source: 'professional',
          location: '{kapot',
        }),
      ),
      400,
      ['location'],
    );
    expect(bodyOf(await reg.get('/api/v1/signals'), signalListSchema).total).toBe(before);
  });
});

describe("a resident's photo", () => {
  const run = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  let n = 0;
  const report = (body: ReturnType<typeof form>) =>
    app.inject({
      method: 'POST',
      url: `/api/public/v1/reports?gemeente=${t.id}`,
      payload: body.payload,
      headers: body.headers,
      remoteAddress: `${run}.${++n}`,
    });
  const fields = (description: string) => ({
    category: 'overlast_jeugd',
    description,
    location: JSON.stringify({ street: 'Parkweg', houseNumber: '12' }),
    contact: JSON.stringify({ name: 'Jan Buurman' }),
  });

  it('comes with the report and shows on the signal for the staff who see it', async () => {
    const res = await report(
      form(fields('Kapotte lantaarnpaal bij het speelveld'), [
        { name: 'lamp.png', type: 'image/png', data: PNG },
      ]),
    );
    bodyOf(res, publicReportReceiptSchema, 201);
    const inbox = bodyOf(await reg.get('/api/v1/signals?source=resident'), signalListSchema);
    const sig = inbox.items.find((s) => s.description.startsWith('Kapotte lantaarnpaal'));
    if (!sig) throw new Error('report not in the inbox');
    expect(sig.location.street).toBe('Parkweg');
    const detail = bodyOf(await reg.get(`/api/v1/signals/${sig.id}`), signalDetailSchema);
    expect(detail.attachments.map((a) => [a.name, a.contentType])).toEqual([['lamp.png', 'image/png']]);
    const photo = await reg.get(`/api/v1/attachments/${detail.attachments[0]?.id}`);
    expect(photo.rawPayload.equals(PNG)).toBe(true);
  });

  it('is one photo (JPEG or PNG) of at most 10 MiB; anything else stores no report', async () => {
    const before = await attachmentCount();
    const reg0 = bodyOf(await reg.get('/api/v1/signals?source=resident'), signalListSchema).total;
    const png = { name: 'a.png', type: 'image/png', data: PNG };
    expectProblem(await report(form(fields('Twee fotos van de plek'), [png, png])), 413, ['file']);
    expectProblem(
      await report(
        form(fields('Een document in plaats van een foto'), [
          { name: 'a.pdf', type: 'application/pdf', data: PDF },
        ]),
      ),
      415,
    );
    expectProblem(
      await report(
        form(fields('Een foto die geen foto is'), [{ name: 'a.png', type: 'image/png', data: PDF }]),
      ),
      415,
    );
    const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024, 0)]);
    expectProblem(
      await report(
        form(fields('Een te grote foto van de plek'), [{ name: 'a.png', type: 'image/png', data: big }]),
      ),
      413,
    );
    expectProblem(await report(form({ ...fields('Kort'), category: '' }, [png])), 400, ['category']);
    expect(await attachmentCount()).toBe(before);
    expect(bodyOf(await reg.get('/api/v1/signals?source=resident'), signalListSchema).total).toBe(reg0);
  });
});

describe('a second app instance on the same database', () => {
  it('serves the file the first one stored', async () => {
    const entry = bodyOf(
      await postForm(
        reg,
        `/api/v1/cases/${theCase.id}/entries`,
        form({ category: 'basis', text: 'Voor de tweede instantie' }, [
          { name: 'gedeeld.pdf', type: 'application/pdf', data: PDF },
        ]),
      ),
      entrySchema,
      201,
    );
    // On PostgreSQL a pool of its own, as a second process would have; on PGlite the one database.
    const url = process.env.DATABASE_URL;
    const db = url ? openPostgres(url, TEST_AUDIT_KEY, 2) : await testDb();
    const second = await buildApp({ db, publicUrl: 'http://localhost:3000' });
    try {
      const c = await loggedIn(second, t.regisseur);
      const res: LightMyRequestResponse = await c.get(`/api/v1/attachments/${entry.attachments[0]?.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(PDF)).toBe(true);
    } finally {
      await second.close();
      if (url) await db.close();
    }
  });
});

describe('the OpenAPI document', () => {
  it('shows the JSON body and the multipart form of an entry', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>
      >;
    };
    const op = Object.entries(doc.paths).find(([p]) => p.endsWith('/cases/{id}/entries'))?.[1]?.post;
    const content = op?.requestBody?.content ?? {};
    expect(Object.keys(content).sort()).toEqual(['application/json', 'multipart/form-data']);
    expect(JSON.stringify(content['multipart/form-data'])).toContain('binary');
    expect(JSON.stringify(content['application/json'])).not.toContain('binary');
  });
});
