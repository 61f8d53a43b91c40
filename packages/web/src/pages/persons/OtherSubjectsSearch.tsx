import type { OtherSubjectKind, Subject, SubjectList } from '@wijkregie/shared';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Paragraph } from '../../components/Heading.tsx';
import { TextLink } from '../../components/Links.tsx';
import { Section } from '../../components/Section.tsx';
import { subjectPath } from '../../lib/subjects.ts';

const KINDS: { value: OtherSubjectKind; label: string }[] = [
  { value: 'household', label: 'Huishoudens' },
  { value: 'group', label: 'Groepen' },
  { value: 'location', label: 'Locaties' },
];

/** Finds households, groups and locations by part of their name (the ones the user may see). */
export function OtherSubjectsSearch({ canRegister }: { canRegister: boolean }) {
  const [kind, setKind] = useState<OtherSubjectKind>('household');
  const [q, setQ] = useState('');
  const [found, setFound] = useState<{ kind: OtherSubjectKind; list: SubjectList } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const list = await api.listSubjects(kind, { limit: 50, offset: 0 }, undefined, q.trim() || undefined);
      setFound({ kind, list });
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.detail : 'Zoeken is niet gelukt.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section id="other-subjects" title="Huishoudens, groepen en locaties" className="wr-card">
      {canRegister && (
        <ul className="wr-plain-list wr-inline-links">
          <li>
            <TextLink to="/huishoudens/nieuw">Huishouden registreren</TextLink>
          </li>
          <li>
            <TextLink to="/groepen/nieuw">Groep registreren</TextLink>
          </li>
          <li>
            <TextLink to="/locaties/nieuw">Locatie registreren</TextLink>
          </li>
        </ul>
      )}
      <form
        noValidate
        onSubmit={onSubmit}
        className="wr-form"
        aria-label="Huishoudens, groepen en locaties zoeken"
      >
        <SelectField
          id="other-subjects-kind"
          label="Soort"
          options={KINDS}
          value={kind}
          onValue={(v) => setKind(v as OtherSubjectKind)}
        />
        <TextField
          id="other-subjects-q"
          label="Naam (of een deel ervan)"
          description="Leeg laten toont alles wat je mag zien"
          type="search"
          autoComplete="off"
          value={q}
          error={error ?? undefined}
          onValue={setQ}
        />
        <Button type="submit" appearance="secondary-action" busy={busy}>
          Zoeken
        </Button>
      </form>
      <div role="status">
        {found && (
          <Paragraph>
            {found.list.total === 0
              ? `Geen ${KINDS.find((k) => k.value === found.kind)?.label.toLowerCase()} gevonden.`
              : `${found.list.total} gevonden${found.list.total > found.list.items.length ? `; de eerste ${found.list.items.length} staan hieronder` : ''}.`}
          </Paragraph>
        )}
      </div>
      {found && found.list.items.length > 0 && (
        <ul
          className="wr-plain-list"
          aria-label={`Gevonden: ${KINDS.find((k) => k.value === found.kind)?.label.toLowerCase()}`}
        >
          {found.list.items.map((s: Subject) => (
            <li key={s.id}>
              <TextLink to={subjectPath(s) ?? '/personen'}>{s.name}</TextLink>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
