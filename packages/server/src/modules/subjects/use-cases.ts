import {
  type CreateGroup,
  type CreateHousehold,
  type CreateLocation,
  type CreatePerson,
  type CreateRelation,
  type FieldError,
  normalisePostalCode,
  type Person,
  RELATION_RULES,
  type SubjectKind,
} from '@wijkregie/shared';
import type { TenantScope } from '../../db/scope.js';
import type { RequestContext } from '../../http/context.js';
import { AppError, conflict, invalidField, notFound } from '../../http/errors.js';
import { auditEntries } from '../audit/context.js';
import { appendAudit } from '../audit/repository.js';
import { casesOfSubject } from '../cases/repository.js';
import { viewerOf } from '../cases/visibility.js';
import {
  areaAt,
  bsnTaken,
  findOther,
  findPerson,
  insertGroup,
  insertHousehold,
  insertLocation,
  insertPerson,
  insertRelation,
  type PersonQuery,
  relationsOf,
  type SubjectSummary,
  searchPersons,
  visibleSubjectIds,
} from './repository.js';

const creator = (ctx: RequestContext) => ({ userId: ctx.userId, partnerId: ctx.partnerId });

export function createPerson(ctx: RequestContext, input: CreatePerson): Promise<Person> {
  return ctx.db.transaction(async (s) => {
    if (input.bsn && (await bsnTaken(s, input.bsn))) {
      throw conflict('Er is al een persoon met dit BSN.', [
        { path: 'bsn', message: 'Er is al een persoon met dit BSN' },
      ]);
    }
    const person = await insertPerson(s, input, creator(ctx));
    await appendAudit(
      s.q,
      auditEntries(ctx, [
        { action: 'create', objectType: 'person', objectId: person.id, personIds: [person.id] },
      ]),
    );
    return person;
  });
}

/** Splits a free query into a birth date, a postal code and the rest as a name. */
export function parsePersonQuery(q: string): PersonQuery {
  let rest = ` ${q} `;
  const out: PersonQuery = {};
  const pc = /\s([1-9]\d{3})\s?([a-zA-Z]{2})\s/.exec(rest);
  if (pc) {
    const n = normalisePostalCode(`${pc[1]}${pc[2]}`);
    if (n) {
      out.postalCode = n;
      rest = rest.replace(pc[0], ' ');
    }
  }
  const iso = /\s(\d{4})-(\d{2})-(\d{2})\s/.exec(rest);
  const nl = /\s(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s/.exec(rest);
  if (iso) {
    out.birthDate = `${iso[1]}-${iso[2]}-${iso[3]}`;
    rest = rest.replace(iso[0], ' ');
  } else if (nl) {
    out.birthDate = `${nl[3]}-${nl[2]!.padStart(2, '0')}-${nl[1]!.padStart(2, '0')}`;
    rest = rest.replace(nl[0], ' ');
  }
  if (out.birthDate && Number.isNaN(Date.parse(out.birthDate))) delete out.birthDate;
  const name = rest.trim().replace(/\s+/g, ' ');
  if (name) out.name = name;
  return out;
}

export async function findPersons(ctx: RequestContext, q: string, page: { limit: number; offset: number }) {
  const query = parsePersonQuery(q);
  const result = await searchPersons(ctx.db.read, viewerOf(ctx), query, page);
  const ids = result.items.map((p) => p.id);
  await ctx.auditRead([
    {
      action: 'search',
      objectType: 'person',
      objectIds: ids,
      personIds: ids,
      details: { q, total: result.total },
    },
  ]);
  return result;
}

const personCases = (s: TenantScope, ctx: RequestContext, kind: SubjectKind, id: string) =>
  casesOfSubject(s, viewerOf(ctx), kind, id);

export async function getPerson(ctx: RequestContext, id: string) {
  const s = ctx.db.read;
  const person = await findPerson(s, id, viewerOf(ctx));
  if (!person) throw notFound('Deze persoon bestaat niet of is niet zichtbaar voor jou.');
  const [relations, cases] = await Promise.all([
    relationsOf(s, { kind: 'person', id }, viewerOf(ctx)),
    personCases(s, ctx, 'person', id),
  ]);
  await ctx.auditRead([{ action: 'read', objectType: 'person', objectId: id, personIds: [id] }]);
  return { ...person, relations, cases };
}

async function requireVisible(
  s: TenantScope,
  ctx: RequestContext,
  kind: SubjectKind,
  ids: readonly string[],
  path: (i: number) => string,
): Promise<void> {
  const found = await visibleSubjectIds(s, kind, ids, viewerOf(ctx));
  const errors: FieldError[] = [];
  ids.forEach((id, i) => {
    if (!found.has(id)) errors.push({ path: path(i), message: 'Onbekend of niet zichtbaar' });
  });
  if (errors.length) throw new AppError('validation', 'Onbekende betrokkenen.', errors);
}

export function createHousehold(ctx: RequestContext, input: CreateHousehold): Promise<SubjectSummary> {
  return ctx.db.transaction(async (s) => {
    await requireVisible(s, ctx, 'person', input.memberIds, (i) => `memberIds.${i}`);
    const id = await insertHousehold(s, input, creator(ctx));
    for (const m of new Set(input.memberIds)) {
      await insertRelation(
        s,
        { from: { kind: 'person', id: m }, type: 'member_of', to: { kind: 'household', id } },
        ctx.userId,
      );
    }
    await appendAudit(
      s.q,
      auditEntries(ctx, [
        { action: 'create', objectType: 'household', objectId: id, personIds: [...new Set(input.memberIds)] },
      ]),
    );
    return (await findOther(s, 'household', id, viewerOf(ctx)))!;
  });
}

export function createGroup(ctx: RequestContext, input: CreateGroup): Promise<SubjectSummary> {
  return ctx.db.transaction(async (s) => {
    await requireVisible(s, ctx, 'person', input.memberIds, (i) => `memberIds.${i}`);
    await requireVisible(s, ctx, 'location', input.meetingPlaceIds, (i) => `meetingPlaceIds.${i}`);
    const id = await insertGroup(s, input, creator(ctx));
    for (const m of new Set(input.memberIds)) {
      await insertRelation(
        s,
        { from: { kind: 'person', id: m }, type: 'member_of', to: { kind: 'group', id } },
        ctx.userId,
      );
    }
    for (const l of new Set(input.meetingPlaceIds)) {
      await insertRelation(
        s,
        { from: { kind: 'group', id }, type: 'meets_at', to: { kind: 'location', id: l } },
        ctx.userId,
      );
    }
    await appendAudit(
      s.q,
      auditEntries(ctx, [
        { action: 'create', objectType: 'group', objectId: id, personIds: [...new Set(input.memberIds)] },
      ]),
    );
    return (await findOther(s, 'group', id, viewerOf(ctx)))!;
  });
}

export function createLocation(ctx: RequestContext, input: CreateLocation): Promise<SubjectSummary> {
  return ctx.db.transaction(async (s) => {
    const areaId =
      input.lat !== undefined && input.lng !== undefined ? await areaAt(s, input.lat, input.lng) : null;
    const id = await insertLocation(s, { ...input, areaId }, creator(ctx));
    await appendAudit(s.q, auditEntries(ctx, [{ action: 'create', objectType: 'location', objectId: id }]));
    return (await findOther(s, 'location', id, viewerOf(ctx)))!;
  });
}

export async function getOther(ctx: RequestContext, kind: Exclude<SubjectKind, 'person'>, id: string) {
  const s = ctx.db.read;
  const subject = await findOther(s, kind, id, viewerOf(ctx));
  if (!subject) throw notFound('Deze betrokkene bestaat niet of is niet zichtbaar voor jou.');
  const [relations, cases] = await Promise.all([
    relationsOf(s, { kind, id }, viewerOf(ctx)),
    personCases(s, ctx, kind, id),
  ]);
  const personIds = relations.filter((r) => r.from.kind === 'person').map((r) => r.from.id);
  await ctx.auditRead([{ action: 'read', objectType: kind, objectId: id, personIds }]);
  return { ...subject, relations, cases };
}

export function createRelation(ctx: RequestContext, input: CreateRelation) {
  const rule = RELATION_RULES[input.type];
  if (!rule.from.includes(input.from.kind))
    throw invalidField('from.kind', `"${input.type}" begint bij: ${rule.from.join(', ')}`);
  if (!rule.to.includes(input.to.kind))
    throw invalidField('to.kind', `"${input.type}" wijst naar: ${rule.to.join(', ')}`);
  if (input.from.kind === input.to.kind && input.from.id === input.to.id) {
    throw invalidField('to.id', 'Een relatie met zichzelf kan niet');
  }
  return ctx.db.transaction(async (s) => {
    await requireVisible(s, ctx, input.from.kind, [input.from.id], () => 'from.id');
    await requireVisible(s, ctx, input.to.kind, [input.to.id], () => 'to.id');
    const rel = await insertRelation(s, input, ctx.userId);
    const personIds = [input.from, input.to].filter((r) => r.kind === 'person').map((r) => r.id);
    await appendAudit(
      s.q,
      auditEntries(ctx, [{ action: 'create', objectType: 'relation', objectId: rel.id, personIds }]),
    );
    return rel;
  });
}
