import {
  CASE_TYPE_LABELS,
  type CaseSummary,
  RELATION_LABELS,
  type Relation,
  type RelationType,
  type SubjectRef,
} from '@wijkregie/shared';
import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { Paragraph } from '../../components/Heading.tsx';
import { TextLink } from '../../components/Links.tsx';
import { Section } from '../../components/Section.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { DataTable } from '../../components/Table.tsx';
import { labelOf } from '../../lib/format.ts';
import { subjectKindLabel, subjectPath } from '../../lib/subjects.ts';

/** The relation read from the other side: "Jan is lid van X" becomes "X heeft als lid Jan". */
const INVERSE_LABELS: Record<RelationType, string> = {
  member_of: 'heeft als lid',
  parent_of: 'kind van',
  lives_at: 'adres van',
  meets_at: 'ontmoetingsplek van',
};

const MAX_NAMES = 30;

/**
 * The names of related subjects, each read through its own page's API (so the same visibility rules
 * apply and the read is logged). A subject the user may not see gets no name.
 */
function useSubjectNames(refs: readonly SubjectRef[]): Map<string, string | null> {
  const [names, setNames] = useState(new Map<string, string | null>());
  const key = refs
    .slice(0, MAX_NAMES)
    .map((r) => `${r.kind}:${r.id}`)
    .join(',');

  useEffect(() => {
    const controller = new AbortController();
    const wanted = key
      ? key.split(',').map((pair) => {
          const [kind, id] = pair.split(':') as [SubjectRef['kind'], string];
          return { kind, id };
        })
      : [];
    // Each lookup catches its own failure, so the whole never rejects.
    void Promise.all(
      wanted.map(async (ref): Promise<[string, string | null]> => {
        try {
          if (ref.kind === 'person') {
            const p = await api.getPerson(ref.id, controller.signal);
            return [ref.id, `${p.firstName} ${p.lastName}`];
          }
          const s = await api.getSubject(ref.kind, ref.id, controller.signal);
          return [ref.id, s.name];
        } catch {
          return [ref.id, null];
        }
      }),
    ).then((pairs) => {
      if (!controller.signal.aborted) setNames(new Map(pairs));
    });
    return () => controller.abort();
  }, [key]);
  return names;
}

export function RelationsSection({ self, relations }: { self: SubjectRef; relations: readonly Relation[] }) {
  const others = relations.map((r) => (r.from.kind === self.kind && r.from.id === self.id ? r.to : r.from));
  const names = useSubjectNames(others);
  return (
    <Section id="relations" title="Relaties" className="wr-card">
      {relations.length === 0 ? (
        <Paragraph>Er zijn geen relaties vastgelegd.</Paragraph>
      ) : (
        <ul className="wr-plain-list wr-relations">
          {relations.map((relation) => {
            const outgoing = relation.from.kind === self.kind && relation.from.id === self.id;
            const other = outgoing ? relation.to : relation.from;
            const label = outgoing ? RELATION_LABELS[relation.type] : INVERSE_LABELS[relation.type];
            const name = names.get(other.id);
            const path = subjectPath(other);
            return (
              <li key={relation.id}>
                <span className="wr-relations__type">{label}</span>{' '}
                {subjectKindLabel(other.kind).toLowerCase()}{' '}
                {name === null ? (
                  <span className="wr-muted">(niet zichtbaar voor jou)</span>
                ) : path ? (
                  <TextLink to={path}>{name ?? 'wordt geladen…'}</TextLink>
                ) : (
                  name
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}

export function SubjectCasesSection({ cases }: { cases: readonly CaseSummary[] }) {
  return (
    <Section id="cases" title="Casussen" className="wr-card">
      <DataTable
        caption="Casussen die je mag zien"
        rows={cases}
        rowKey={(c) => c.id}
        empty="Er zijn geen casussen die je mag zien."
        columns={[
          {
            header: 'Kenmerk',
            cell: (c) => (
              <TextLink nowrap to={`/casussen/${c.id}`}>
                {c.reference}
              </TextLink>
            ),
          },
          { header: 'Titel', cell: (c) => c.title },
          { header: 'Soort', cell: (c) => labelOf(CASE_TYPE_LABELS, c.type) },
          { header: 'Status', cell: (c) => <StatusBadge status={c.status} /> },
        ]}
      />
    </Section>
  );
}
