import type { PersonPage } from '@wijkregie/shared';
import { viewerOf } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { findPerson } from './repository.js';
import { subjectSurroundings } from './subject-page.js';

/** A person the caller may see, with their relations and cases; 404 otherwise. */
export async function getPerson(ctx: RequestContext, id: string): Promise<PersonPage> {
  const s = ctx.db.read;
  const person = await findPerson(s, id, viewerOf(ctx));
  if (!person) throw notFound('Deze persoon bestaat niet of is niet zichtbaar voor jou.');
  const around = await subjectSurroundings(s, ctx, { kind: 'person', id });
  await ctx.auditRead([{ action: 'read', objectType: 'person', objectId: id, personIds: [id] }]);
  return { ...person, ...around };
}
