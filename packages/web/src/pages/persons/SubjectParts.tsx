import {
  CASE_TYPE_LABELS,
  type CaseSummary,
  type EndedRelation,
  RELATION_LABELS,
  type Relation,
  type SubjectRef,
} from '@wijkregie/shared';
import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { Button } from '../../components/Button.tsx';
import { Heading, Paragraph } from '../../components/Heading.tsx';
import { TextLink } from '../../components/Links.tsx';
import { Section } from '../../components/Section.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { DataTable } from '../../components/Table.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { formatDate, labelOf } from '../../lib/format.ts';
import { subjectKindLabel, subjectPath } from '../../lib/subjects.ts';
import { AddRelationForm, EndRelationForm, endedText, INVERSE_LABELS } from './RelationEditing.tsx';

const MAX_NAMES = 30;

/**
 * The names of related subjects, each read through its own page's API (so the same visibility rules
 * apply and the read is logged). A subject the user may not see gets no name.
 */
export function useSubjectNames(refs: readonly SubjectRef[]): Map<string, string | null> {
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

export interface RelationsSectionProps {
  self: SubjectRef;
  relations: readonly Relation[];
  endedRelations: readonly EndedRelation[];
  /** Whether the user may add and end relations (see useBasisWrite). */
  canEdit: boolean;
  /** After a relation was added or ended: the page reloads and says what happened. */
  onChanged: (message: string) => void;
}

/** The relations that hold now (each can be ended), those that ended, and a form to add one. */
export function RelationsSection({
  self,
  relations,
  endedRelations,
  canEdit,
  onChanged,
}: RelationsSectionProps) {
  const otherOf = (r: Relation) => (r.from.kind === self.kind && r.from.id === self.id ? r.to : r.from);
  const names = useSubjectNames([...relations, ...endedRelations].map(otherOf));
  const [ending, setEnding] = useState<string | null>(null);

  const describe = (relation: Relation) => {
    const outgoing = relation.from.kind === self.kind && relation.from.id === self.id;
    const other = otherOf(relation);
    const label = outgoing ? RELATION_LABELS[relation.type] : INVERSE_LABELS[relation.type];
    const name = names.get(other.id);
    const path = subjectPath(other);
    const kind = subjectKindLabel(other.kind).toLowerCase();
    const text = `${label} ${kind} ${name ?? ''}`.trim();
    const shown = (
      <>
        <span className="wr-relations__type">{label}</span> {kind}{' '}
        {name === null ? (
          <span className="wr-muted">(niet zichtbaar voor jou)</span>
        ) : path ? (
          <TextLink to={path}>{name ?? 'wordt geladen…'}</TextLink>
        ) : (
          name
        )}
      </>
    );
    return { text, shown };
  };

  return (
    <Section id="relations" title="Relaties" className="wr-card">
      {relations.length === 0 ? (
        <Paragraph>Er zijn geen relaties die nu gelden.</Paragraph>
      ) : (
        <ul className="wr-plain-list wr-relations">
          {relations.map((relation) => {
            const { text, shown } = describe(relation);
            return (
              <li key={relation.id} className="wr-relations__item">
                <span>{shown}</span>
                {canEdit && ending !== relation.id && (
                  <Button appearance="subtle" onClick={() => setEnding(relation.id)}>
                    Beëindigen<VisuallyHidden> ({text})</VisuallyHidden>
                  </Button>
                )}
                {ending === relation.id && (
                  <EndRelationForm
                    relation={relation}
                    description={text}
                    onEnded={(ended) => {
                      setEnding(null);
                      onChanged(`Relatie beëindigd per ${formatDate(ended.endedOn)}: ${text}.`);
                    }}
                    onCancel={() => setEnding(null)}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {endedRelations.length > 0 && (
        <>
          <Heading level={3} id="relations-ended-heading">
            Beëindigde relaties
          </Heading>
          <ul
            className="wr-plain-list wr-relations wr-relations--ended"
            aria-labelledby="relations-ended-heading"
          >
            {endedRelations.map((relation) => (
              <li key={relation.id}>
                {describe(relation).shown} <span className="wr-muted">{endedText(relation)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {canEdit && <AddRelationForm self={self} onAdded={onChanged} />}
    </Section>
  );
}

export function SubjectCasesSection({ cases }: { cases: readonly CaseSummary[] }) {
  return (
    <Section id="cases" title="Casussen" className="wr-card">
      <DataTable
        caption="Casussen die je mag zien"
        rows={cases}
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
