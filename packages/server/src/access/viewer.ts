import type { Actor } from '@wijkregie/shared';

/** The caller as the visibility SQL needs it. */
export interface Viewer {
  userId: string;
  partnerId: string;
  regisseur: boolean;
}

/** The viewer of an actor (a request's context is one). */
export const viewerOf = (actor: Actor): Viewer => ({
  userId: actor.userId,
  partnerId: actor.partnerId,
  regisseur: actor.roles.includes('regisseur'),
});
