import {
  type EndedRelation,
  type OtherSubjectKind,
  RELATION_LABELS,
  RELATION_RULES,
  RELATION_TYPES,
  type Relation,
  type RelationType,
  type SubjectKind,
  type SubjectRef,
} from '@wijkregie/shared';
import { type FormEvent, useCallback, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { Button, ButtonGroup, SubmitButton } from '../../components/Button.tsx';
import { DateField, SelectField } from '../../components/fields.tsx';
import { Heading, Paragraph } from '../../components/Heading.tsx';
import { TextLink } from '../../components/Links.tsx';
import { PersonSearch } from '../../components/PersonSearch.tsx';
import { SubmitForm } from '../../components/SubmitForm.tsx';
import { todayIso } from '../../lib/dates.ts';
import { formatDate, keyedOptions } from '../../lib/format.ts';
import { SUBJECT_PATHS, subjectKindLabel } from '../../lib/subjects.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { useFormSubmit } from '../../lib/useFormSubmit.ts';

/** The relation read from the other side: "Jan is lid van X" becomes "X heeft als lid Jan". */
export const INVERSE_LABELS: Record<RelationType, string> = {
  member_of: 'heeft als lid',
  parent_of: 'kind van',
  lives_at: 'adres van',
  meets_at: 'ontmoetingsplek van',
};

/** One way this subject can be related: the type, which end it is, and the other end's kind. */
interface RelationChoice {
  key: string;
  type: RelationType;
  outgoing: boolean;
  other: SubjectKind;
  label: string;
}

function choicesFor(kind: SubjectKind): RelationChoice[] {
  return RELATION_TYPES.flatMap((type) => {
    const rule = RELATION_RULES[type];
    const out = rule.from.includes(kind)
      ? rule.to.map((other) => ({ type, outgoing: true, other, label: RELATION_LABELS[type] }))
      : [];
    const inward = rule.to.includes(kind)
      ? rule.from.map((other) => ({ type, outgoing: false, other, label: INVERSE_LABELS[type] }))
      : [];
    return [...out, ...inward].map((c) => ({
      ...c,
      key: `${c.type}:${c.outgoing ? 'out' : 'in'}:${c.other}`,
      label: `${c.label} ${subjectKindLabel(c.other).toLowerCase()}`,
    }));
  });
}

const FORM_ID = 'relation-add';

/** Adds a relation from this subject's page: what kind of relation, then whom or what. */
export function AddRelationForm({ self, onAdded }: { self: SubjectRef; onAdded: (message: string) => void }) {
  const choices = choicesFor(self.kind);
  const [choiceKey, setChoiceKey] = useState('');
  const [other, setOther] = useState<{ id: string; name: string } | null>(null);
  const { busy, formError, errors, validate, submit } = useFormSubmit(FORM_ID, ['choice', 'other']);
  const choice = choices.find((c) => c.key === choiceKey);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!choice) return void validate({ choice: 'Kies een soort relatie' });
    if (!other) return void validate({ other: `Kies een ${subjectKindLabel(choice.other).toLowerCase()}` });
    validate({});
    const there = { kind: choice.other, id: other.id };
    await submit(async () => {
      await api.createRelation({
        from: choice.outgoing ? self : there,
        type: choice.type,
        to: choice.outgoing ? there : self,
      });
      setOther(null);
      setChoiceKey('');
      onAdded(`Relatie vastgelegd: ${choice.label} ${other.name}.`);
    });
  }

  return (
    <div className="wr-relation-add">
      <Heading level={3} id={`${FORM_ID}-heading`}>
        Relatie toevoegen
      </Heading>
      <SubmitForm id={FORM_ID} error={formError} onSubmit={onSubmit}>
        <SelectField
          id={`${FORM_ID}-choice`}
          label="Soort relatie"
          placeholder="Kies een soort relatie"
          error={errors.choice}
          options={keyedOptions(choices)}
          value={choiceKey}
          onValue={(value) => {
            setChoiceKey(value);
            setOther(null);
          }}
        />
        {choice && (
          <OtherPicker kind={choice.other} chosen={other} onChoose={setOther} error={errors.other} />
        )}
        <SubmitButton busy={busy}>Relatie toevoegen</SubmitButton>
      </SubmitForm>
    </div>
  );
}

function OtherPicker({
  kind,
  chosen,
  onChoose,
  error,
}: {
  kind: SubjectKind;
  chosen: { id: string; name: string } | null;
  onChoose: (other: { id: string; name: string } | null) => void;
  error: string | undefined;
}) {
  if (kind === 'person') {
    return (
      <div id={`${FORM_ID}-other`} tabIndex={-1}>
        <p className="utrecht-paragraph" role="status">
          {chosen ? `Gekozen: ${chosen.name}` : 'Nog geen persoon gekozen.'}
        </p>
        {error && <p className="utrecht-form-field-error-message">{error}</p>}
        <PersonSearch
          id={`${FORM_ID}-person`}
          isChosen={(id) => chosen?.id === id}
          onAdd={(p, name) => onChoose({ id: p.id, name })}
        />
      </div>
    );
  }
  return <OtherSelect kind={kind} chosen={chosen} onChoose={onChoose} error={error} />;
}

function OtherSelect({
  kind,
  chosen,
  onChoose,
  error,
}: {
  kind: OtherSubjectKind;
  chosen: { id: string; name: string } | null;
  onChoose: (other: { id: string; name: string } | null) => void;
  error: string | undefined;
}) {
  const loader = useCallback(
    (signal: AbortSignal) => api.listSubjects(kind, { limit: 100, offset: 0 }, signal),
    [kind],
  );
  const list = useApiData(loader);
  const items = list.data?.items ?? [];
  const label = subjectKindLabel(kind);
  return (
    <>
      <SelectField
        id={`${FORM_ID}-other`}
        label={label}
        description={list.error ?? (list.loading ? 'Wordt geladen…' : undefined)}
        placeholder={`Kies een ${label.toLowerCase()}`}
        error={error}
        options={items.map((s) => ({ value: s.id, label: s.name }))}
        value={chosen?.id ?? ''}
        onValue={(id) => {
          const found = items.find((s) => s.id === id);
          onChoose(found ? { id: found.id, name: found.name } : null);
        }}
      />
      <Paragraph>
        Staat de {label.toLowerCase()} er niet bij?{' '}
        <TextLink to={`${SUBJECT_PATHS[kind]}/nieuw`}>{label} registreren</TextLink>
      </Paragraph>
    </>
  );
}

/** Ends one relation: the day it ended (today unless given), then confirm. */
export function EndRelationForm({
  relation,
  description,
  onEnded,
  onCancel,
}: {
  relation: Relation;
  /** "lid van huishouden Gezin Jansen", for the form's name. */
  description: string;
  onEnded: (ended: EndedRelation) => void;
  onCancel: () => void;
}) {
  const formId = `relation-end-${relation.id}`;
  const [endedOn, setEndedOn] = useState(todayIso());
  const { busy, formError, errors, validate, submit } = useFormSubmit(formId, ['endedOn']);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!endedOn) return void validate({ endedOn: 'Vul de einddatum in' });
    if (endedOn > todayIso()) return void validate({ endedOn: 'De einddatum ligt in de toekomst' });
    validate({});
    await submit(async () => onEnded(await api.endRelation(relation.id, { endedOn })));
  }

  return (
    <SubmitForm
      id={formId}
      label={`Relatie beëindigen: ${description}`}
      error={formError}
      onSubmit={onSubmit}
    >
      <DateField
        id={`${formId}-endedOn`}
        label="Einddatum"
        description="De relatie blijft zichtbaar als beëindigd"
        error={errors.endedOn}
        value={endedOn}
        max={todayIso()}
        onValue={setEndedOn}
      />
      <ButtonGroup>
        <SubmitButton busy={busy}>Beëindigen</SubmitButton>
        <Button appearance="subtle" onClick={onCancel}>
          Annuleren
        </Button>
      </ButtonGroup>
    </SubmitForm>
  );
}

/** An ended relation as a line: "lid van huishouden X — tot 1 maart 2024 (beëindigd door …)". */
export function endedText(relation: EndedRelation): string {
  return `tot ${formatDate(relation.endedOn)} (beëindigd door ${relation.endedBy})`;
}
