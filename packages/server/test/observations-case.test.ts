import {
  type Actor,
  auditListSchema,
  matrixSchema,
  type Observation,
  observationListSchema,
  observationSchema,
  type PartnerAccess,
  seesObservation,
} from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { execute } from '../src/db/rows.js';
import { amsterdamDate } from '../src/lib/time.js';
import {
  Client as Anonymous,
  bodyOf,
  type CaseJson,
  createCase,
  createPerson,
  expectProblem,
  loadMap,
  loggedIn,
  newTenant,
  setMatrix,
  type TestTenant,
  type TestUser,
  testApp,
  testDb,
} from './helpers.js';

/*
 * Field notes (issue 13, point 4): a place on the map, and a note attached to a case under an
 * information category, where the authorisation matrix applies as to a journal entry — written by whom
 * may write an entry of that category in that case, read by whom may read one, audited as case reads.
 */

let app: FastifyInstance;
let t: TestTenant;
let wijk: string;
let buurtA: string;
let buurtB: string;
/** Wijkteam: directs the case, writes `zorg`. */
let director: TestUser;
/** Politie (t.professional): in the case, reads `zorg` but may not write it; writes `basis`. */
let cop: TestUser;
/** GGZ: in the case, no cell for `zorg`. */
let nurse: TestUser;
let theCase: CaseJson;
/** A case of the wijkteam alone: the police does not see it. */
let hiddenCase: CaseJson;

const IN_A = { lat: 52.105, lng: 5.105 };
const IN_B = { lat: 52.105, lng: 5.115 };

beforeAll(async () => {
  app = await testApp();
  t = await newTenant(['gemeente', 'politie', 'wijkteam', 'ggz']);
  const ids = await loadMap(app, t, { code: 'WK7', name: 'Zevenhoek', box: [5.1, 52.1, 0.02] }, [
    { code: 'BU71', name: 'Haven', box: [5.1, 52.1, 0.01] },
    { code: 'BU72', name: 'Dijk', box: [5.11, 52.1, 0.01] },
  ]);
  [wijk, buurtA, buurtB] = [ids.WK7 ?? '', ids.BU71 ?? '', ids.BU72 ?? ''];
  director = await t.addUser('wijkteam', ['professional']);
  cop = t.professional;
  nurse = await t.addUser('ggz', ['professional']);
  await setMatrix(app, t, [
    { partner: 'wijkteam', category: 'zorg', access: 'write' },
    { partner: 'politie', category: 'zorg', access: 'read' },
    { partner: 'politie', category: 'basis', access: 'write' },
    { partner: 'ggz', category: 'basis', access: 'read' },
  ]);
  const reg = await loggedIn(app, t.regisseur);
  const person = await createPerson(reg);
  theCase = await createCase(reg, {
    title: 'Zorgen om een bewoner aan de Haven',
    subjects: [{ kind: 'person', id: person.id }],
    partnerIds: [t.partners.wijkteam, t.partners.politie, t.partners.ggz],
    directorUserId: director.id,
  });
  hiddenCase = await createCase(reg, { partnerIds: [t.partners.wijkteam], directorUserId: director.id });
});

const note = (extra: Record<string, unknown> = {}) => ({
  areaId: buurtA,
  date: amsterdamDate(),
  kind: 'home_visit',
  topics: ['zorg'],
  text: 'Huisbezoek: de bewoner redt het niet meer alleen, de buren maken zich zorgen.',
  ...extra,
});

describe('a field note attached to a case', () => {
  it('is written by whom may write an entry of the category in the case; the answer names the case', async () => {
    const c = await loggedIn(app, director);
    const written = bodyOf(
      await c.post('/api/v1/observations', note({ caseId: theCase.id, category: 'zorg' })),
      observationSchema,
      201,
    );
    expect(written).toMatchObject({
      caseId: theCase.id,
      caseReference: theCase.reference,
      category: 'zorg',
      areaId: buurtA,
      lat: null,
      lng: null,
    });
    // Its record names the case and its persons, as an entry's does.
    const reg = await loggedIn(app, t.regisseur);
    const records = bodyOf(await reg.get(`/api/v1/audit?objectId=${written.id}`), auditListSchema).items;
    const created = records.find((r) => r.action === 'create' && r.objectType === 'observation');
    expect(created?.objectIds).toEqual([theCase.id, written.id]);
    expect(created?.personIds).toEqual(theCase.subjects.map((s) => s.id));
  });

  it('is refused without write on the category (403), on a case the caller does not see (404), by an auditor, an administrator or nobody', async () => {
    const police = await loggedIn(app, cop);
    // Reads `zorg`, may not write it: 403; `basis` it may write.
    expectProblem(
      await police.post('/api/v1/observations', note({ caseId: theCase.id, category: 'zorg' })),
      403,
    );
    bodyOf(
      await police.post('/api/v1/observations', note({ caseId: theCase.id, category: 'basis' })),
      observationSchema,
      201,
    );
    expectProblem(
      await (await loggedIn(app, nurse)).post(
        '/api/v1/observations',
        note({ caseId: theCase.id, category: 'zorg' }),
      ),
      403,
    );
    // A case the police does not take part in does not exist for it, as on the journal.
    expectProblem(
      await police.post('/api/v1/observations', note({ caseId: hiddenCase.id, category: 'basis' })),
      404,
    );
    expectProblem(
      await police.post(
        '/api/v1/observations',
        note({ caseId: '00000000-0000-4000-8000-000000000000', category: 'basis' }),
      ),
      404,
    );
    expectProblem(
      await police.post('/api/v1/observations', note({ caseId: theCase.id, category: 'geheim' })),
      400,
      ['category'],
    );
    for (const user of [t.auditor, t.admin]) {
      expectProblem(
        await (await loggedIn(app, user)).post(
          '/api/v1/observations',
          note({ caseId: theCase.id, category: 'zorg' }),
        ),
        403,
      );
    }
    expectProblem(
      await new Anonymous(app).post('/api/v1/observations', note({ caseId: theCase.id, category: 'zorg' })),
      401,
    );
  });

  it('is refused on a closed case (409), as an entry is', async () => {
    const reg = await loggedIn(app, t.regisseur);
    const closed = await createCase(reg, { partnerIds: [t.partners.wijkteam], directorUserId: director.id });
    const c = await loggedIn(app, director);
    expect((await c.patch(`/api/v1/cases/${closed.id}`, { status: 'closed' })).statusCode).toBe(200);
    expectProblem(await c.post('/api/v1/observations', note({ caseId: closed.id, category: 'zorg' })), 409);
  });

  it('takes caseId and category, lat and lng, both or neither: 400 naming the missing one', async () => {
    const c = await loggedIn(app, director);
    expectProblem(await c.post('/api/v1/observations', note({ caseId: theCase.id })), 400, ['category']);
    expectProblem(await c.post('/api/v1/observations', note({ category: 'zorg' })), 400, ['caseId']);
    expectProblem(await c.post('/api/v1/observations', note({ lat: IN_A.lat })), 400, ['lng']);
    expectProblem(await c.post('/api/v1/observations', note({ lng: IN_A.lng })), 400, ['lat']);
    expectProblem(await c.post('/api/v1/observations', note({ lat: 91, lng: IN_A.lng })), 400, ['lat']);
  });
});

describe('a field note with a place on the map', () => {
  it('takes its buurt from the point, which lies in or under the given area; else 400 naming lat', async () => {
    const c = await loggedIn(app, director);
    const inWijk = bodyOf(
      await c.post('/api/v1/observations', note({ areaId: wijk, ...IN_B })),
      observationSchema,
      201,
    );
    expect(inWijk).toMatchObject({ areaId: buurtB, ...IN_B });
    const inBuurt = bodyOf(
      await c.post('/api/v1/observations', note({ areaId: buurtA, ...IN_A })),
      observationSchema,
      201,
    );
    expect(inBuurt).toMatchObject({ areaId: buurtA, ...IN_A });
    // Another buurt of the wijk, and outside the wijk altogether.
    expectProblem(await c.post('/api/v1/observations', note({ areaId: buurtA, ...IN_B })), 400, ['lat']);
    expectProblem(await c.post('/api/v1/observations', note({ areaId: wijk, lat: 52.3, lng: 5.3 })), 400, [
      'lat',
    ]);
  });
});

describe('the list of field notes', () => {
  let attached: Observation;
  let plain: Observation;

  beforeAll(async () => {
    const c = await loggedIn(app, director);
    plain = bodyOf(
      await c.post(
        '/api/v1/observations',
        note({ kind: 'walk', topics: ['verlichting'], text: 'Wijkschouw: lantaarns kapot.' }),
      ),
      observationSchema,
      201,
    );
    attached = bodyOf(
      await c.post(
        '/api/v1/observations',
        note({ areaId: wijk, ...IN_A, caseId: theCase.id, category: 'zorg' }),
      ),
      observationSchema,
      201,
    );
  });

  const list = async (user: TestUser, areaId = wijk) =>
    bodyOf(
      await (await loggedIn(app, user)).get(`/api/v1/observations?areaId=${areaId}`),
      observationListSchema,
    ).items;

  it('shows a note attached to a case only to whom may read an entry of its category there', async () => {
    // The director's partner writes `zorg`; the police reads it; both see the case.
    for (const user of [director, cop]) {
      const seen = (await list(user)).find((o) => o.id === attached.id);
      expect(seen).toMatchObject({ caseId: theCase.id, caseReference: theCase.reference, category: 'zorg' });
    }
    // GGZ takes part but may not read `zorg`; the regisseur's gemeente has no `zorg` cell; the auditor
    // and the administrator read no cases: the note about the neighbourhood only.
    for (const user of [nurse, t.regisseur, t.auditor, t.admin]) {
      const ids = (await list(user)).map((o) => o.id);
      expect(ids).toContain(plain.id);
      expect(ids).not.toContain(attached.id);
    }
    // From the buurt too.
    expect((await list(director, buurtA)).map((o) => o.id)).toContain(attached.id);
    expect((await list(nurse, buurtA)).map((o) => o.id)).not.toContain(attached.id);
  });

  it('agrees with the pure rule seesObservation for every user', async () => {
    const reg = await loggedIn(app, t.regisseur);
    const cells = bodyOf(await reg.get('/api/v1/access-matrix'), matrixSchema).cells;
    const accessOf = (partnerId: string): PartnerAccess =>
      Object.fromEntries(cells.filter((c) => c.partnerId === partnerId).map((c) => [c.category, c.access]));
    for (const user of [director, cop, nurse, t.regisseur, t.auditor, t.admin]) {
      const actor: Actor = { userId: user.id, partnerId: user.partnerId, roles: user.roles };
      const expected = seesObservation(actor, { case: theCase, category: 'zorg' }, accessOf(user.partnerId));
      expect(
        (await list(user)).some((o) => o.id === attached.id),
        user.name,
      ).toBe(expected);
    }
  });

  it('records a read of an attached note as a read of case information, naming the case and its persons', async () => {
    await list(cop);
    const reg = await loggedIn(app, t.regisseur);
    const records = bodyOf(
      await reg.get(`/api/v1/audit?objectId=${attached.id}&userId=${cop.id}`),
      auditListSchema,
    ).items;
    const read = records.find((r) => r.action === 'read' && r.objectType === 'observation');
    expect(read?.objectIds).toEqual([theCase.id, attached.id]);
    expect(read?.personIds).toEqual(theCase.subjects.map((s) => s.id));
    // A note about the neighbourhood only is no case information: no read record.
    const plainReads = bodyOf(
      await reg.get(`/api/v1/audit?objectId=${plain.id}&userId=${cop.id}`),
      auditListSchema,
    ).items.filter((r) => r.action === 'read');
    expect(plainReads).toEqual([]);
  });

  it('filters before its limit: 200 newer notes the caller may not read hide no older note', async () => {
    const db = await testDb();
    const old = bodyOf(
      await (await loggedIn(app, director)).post(
        '/api/v1/observations',
        note({ areaId: buurtB, date: '2020-01-01', text: 'Een oude notitie over de Dijk.' }),
      ),
      observationSchema,
      201,
    );
    await execute(
      db,
      `INSERT INTO observations (tenant_id, area_id, observed_on, kind, text, author_user_id, author_partner_id,
                                 case_id, category)
       SELECT $1, $2, current_date, 'walk', 'Bij de casus ' || n, $3, $4, $5, 'zorg' FROM generate_series(1, 200) n`,
      [t.id, buurtB, director.id, director.partnerId, theCase.id],
    );
    const nurseSees = await list(nurse, buurtB);
    expect(nurseSees.map((o) => o.id)).toContain(old.id);
    expect(nurseSees.every((o) => o.caseId === null)).toBe(true);
    expect(await list(director, buurtB)).toHaveLength(200);
  });

  it('keeps a municipality to its own notes', async () => {
    const other = await newTenant(['gemeente', 'politie', 'wijkteam']);
    const ids = await loadMap(app, other, { code: 'WK7', name: 'Zevenhoek', box: [5.1, 52.1, 0.02] }, [
      { code: 'BU71', name: 'Haven', box: [5.1, 52.1, 0.01] },
    ]);
    const theirs = await loggedIn(app, other.regisseur);
    expectProblem(await theirs.get(`/api/v1/observations?areaId=${wijk}`), 404);
    const own = bodyOf(
      await theirs.get(`/api/v1/observations?areaId=${ids.WK7 ?? ''}`),
      observationListSchema,
    ).items;
    expect(own).toEqual([]);
    // Another municipality's case answers as one that does not exist.
    await setMatrix(app, other, [{ partner: 'gemeente', category: 'zorg', access: 'write' }]);
    expectProblem(
      await theirs.post(
        '/api/v1/observations',
        note({ areaId: ids.BU71 ?? '', caseId: theCase.id, category: 'zorg' }),
      ),
      404,
    );
  });
});
