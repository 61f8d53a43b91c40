import { personListSchema } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { PERSON_SEARCH_CAP } from '../src/modules/subjects/repository.js';
import {
  bodyOf,
  type Client,
  createPerson,
  loggedIn,
  newTenant,
  type TestTenant,
  testApp,
} from './helpers.js';

/**
 * What a name search ranks (db/trigram.ts): exact matches of every word first, near ones (typos) only
 * when the exact ones are few, at most PERSON_SEARCH_CAP candidates, and `more` beyond that.
 */

let app: FastifyInstance;
let t: TestTenant;
let reg: Client;
let prof: Client;

const search = async (c: Client, q: string, extra = '') =>
  bodyOf(await c.get(`/api/v1/persons?q=${encodeURIComponent(q)}${extra}`), personListSchema);

beforeAll(async () => {
  app = await testApp();
  t = await newTenant(['gemeente', 'politie', 'wijkteam']);
  reg = await loggedIn(app, t.regisseur);
  prof = await loggedIn(app, t.professional);
  // More persons named Brandsma than the cap, registered by the municipality (the professional's
  // partner does not see them), and one Branddsma: a near match of the same name.
  for (let i = 0; i < PERSON_SEARCH_CAP + 5; i++)
    await createPerson(reg, { firstName: `Voornaam${String(i).padStart(3, '0')}`, lastName: 'Brandsma' });
  await createPerson(reg, { firstName: 'Anouk', lastName: 'Branddsma' });
  await createPerson(reg, { firstName: 'Sevda', lastName: 'Kuipers', bsn: '123456782' });
  await createPerson(reg, { firstName: 'Sevda', lastName: 'Kuiper' });
  await createPerson(prof, { firstName: 'Ruben', lastName: 'Brandsma' });
}, 120_000);

describe('person search ranking', () => {
  it('ranks at most the cap and says there are more; paging stays within the cap', async () => {
    const first = await search(reg, 'brandsma', '&limit=200');
    expect(first.total).toBe(PERSON_SEARCH_CAP);
    expect(first.more).toBe(true);
    expect(first.items).toHaveLength(200);
    const past = await search(reg, 'brandsma', `&offset=${PERSON_SEARCH_CAP}`);
    expect(past.items).toHaveLength(0);
    expect(past.total).toBe(PERSON_SEARCH_CAP);
    expect(past.more).toBe(true);
  });

  it('the visibility filter applies before the cap: a partner finds what it may see', async () => {
    const found = await search(prof, 'brandsma');
    expect(found.items.map((p) => p.firstName)).toEqual(['Ruben']);
    expect(found.more).toBe(false);
  });

  it('exact matches come first and near ones fill up only when the exact ones are few', async () => {
    // Sevda Kuiper fits "kuiper" exactly, and so does Kuipers (the word is in it): both, best first.
    const kuiper = await search(reg, 'sevda kuiper');
    expect(kuiper.items.map((p) => p.lastName).sort()).toEqual(['Kuiper', 'Kuipers']);
    expect(kuiper.more).toBe(false);
    // A typo finds the persons through near matches.
    const typo = await search(reg, 'sevda kuipper');
    expect(typo.items.map((p) => p.lastName)).toContain('Kuiper');
    // Hundreds of exact Brandsmas: the near Branddsma is not among the candidates ranked ahead of them…
    const all = await search(reg, 'brandsma', '&limit=200');
    expect(all.items.every((p) => p.lastName === 'Brandsma')).toBe(true);
    // …but with her first name no Brandsma fits exactly, and she is found.
    const anouk = await search(reg, 'anouk brandsma');
    expect(anouk.items.map((p) => p.lastName)).toEqual(['Branddsma']);
  });

  it('a BSN finds exactly its person; sorting orders the same candidates', async () => {
    const byBsn = await search(reg, '123456782');
    expect(byBsn.items.map((p) => `${p.firstName} ${p.lastName}`)).toEqual(['Sevda Kuipers']);
    const sorted = await search(reg, 'sevda kuiper', '&sort=name&order=desc');
    expect(sorted.items.map((p) => p.lastName)).toEqual(['Kuipers', 'Kuiper']);
  });

  it('with no session the search is refused', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/persons?q=brandsma' });
    expect(res.statusCode).toBe(401);
  });
});
