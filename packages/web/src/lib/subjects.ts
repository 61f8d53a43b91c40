import { SUBJECT_KIND_LABELS, type SubjectKind } from '@wijkregie/shared';
import { labelOf } from './format.ts';

/** The page of a subject in the web app. */
export const SUBJECT_PATHS: Record<SubjectKind, string> = {
  person: '/personen',
  household: '/huishoudens',
  group: '/groepen',
  location: '/locaties',
};

export function subjectPath(ref: { kind: string; id: string }): string | null {
  const base = SUBJECT_PATHS[ref.kind as SubjectKind];
  return base ? `${base}/${ref.id}` : null;
}

export function subjectKindLabel(kind: string): string {
  return labelOf(SUBJECT_KIND_LABELS, kind);
}

/**
 * The name of a subject of a case; the API leaves the name out when the user's organisation may not
 * read basic data ("basis"), and then the kind is all we can show.
 */
export function subjectText(subject: { kind: string; label?: string | undefined }): string {
  return subject.label ?? `${subjectKindLabel(subject.kind)} (naam afgeschermd)`;
}

/** A person's name as the app shows it: "Jan Jansen". */
export function personName(p: { firstName: string; lastName: string }): string {
  return `${p.firstName} ${p.lastName}`;
}
