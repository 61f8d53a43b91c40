import {
  APPROACH_LINK_KIND_LABELS,
  APPROACH_LINK_KINDS,
  type Approach,
  type ApproachLinkKind,
  CASE_STATUS_LABELS,
  MEETING_STATUS_LABELS,
  SIGNAL_STATUS_LABELS,
} from '@wijkregie/shared';
import { type FormEvent, useCallback, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { Button, SubmitButton } from '../../components/Button.tsx';
import { FormCard } from '../../components/FormCard.tsx';
import { SelectField } from '../../components/fields.tsx';
import { Paragraph } from '../../components/Heading.tsx';
import { TextLink } from '../../components/Links.tsx';
import { Section } from '../../components/Section.tsx';
import { DataTable } from '../../components/Table.tsx';
import { codeOptions, formatDate, formatDateTime } from '../../lib/format.ts';
import type { Names } from '../../lib/reference.ts';
import { useSignalCategories } from '../../lib/signals.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { useForm } from '../../lib/useFormSubmit.ts';

const LINK_FORM = 'approach-link';
const LINK_FIELDS = ['kind', 'id'] as const;
/** How many of the area's cases, signals or meetings the choice offers (the newest). */
const CHOICES = 100;

interface Linked {
  kind: ApproachLinkKind;
  id: string;
  to: string;
  name: string;
  detail: string;
}

/** What is tied to the approach, as one list: cases by reference, signals by arrival, meetings by title. */
function linkedItems(a: Approach): Linked[] {
  return [
    ...a.links.cases.map((c) => ({
      kind: 'case' as const,
      id: c.id,
      to: `/casussen/${c.id}`,
      name: c.reference,
      detail: CASE_STATUS_LABELS[c.status],
    })),
    ...a.links.meetings.map((m) => ({
      kind: 'meeting' as const,
      id: m.id,
      to: `/overleggen/${m.id}`,
      name: m.title,
      detail: `${formatDateTime(m.startsAt)} · ${MEETING_STATUS_LABELS[m.status]}`,
    })),
    ...a.links.signals.map((s) => ({
      kind: 'signal' as const,
      id: s.id,
      to: `/signalen/${s.id}`,
      name: `Signaal van ${formatDate(s.receivedAt)}`,
      detail: SIGNAL_STATUS_LABELS[s.status],
    })),
  ];
}

/** The cases, signals or meetings that can be tied: of the approach's area where the list knows areas. */
interface Choice {
  value: string;
  /** The option's text; a signal's needs the labels of the signal categories, which may come later. */
  label: (categories: Names) => string;
}

async function choicesOf(kind: ApproachLinkKind, areaId: string, signal: AbortSignal): Promise<Choice[]> {
  const page = { limit: CHOICES, offset: 0 };
  if (kind === 'case') {
    const cases = await api.listCases({ areaId }, page, signal);
    return cases.items.map((c) => ({ value: c.id, label: () => `${c.reference} · ${c.title}` }));
  }
  if (kind === 'signal') {
    const signals = await api.listSignals({ areaId }, page, signal);
    return signals.items.map((s) => ({
      value: s.id,
      label: (names: Names) =>
        `${formatDate(s.createdAt)} · ${names.get(s.category) ?? s.category} · ${SIGNAL_STATUS_LABELS[s.status]}`,
    }));
  }
  const [upcoming, past] = await Promise.all([
    api.listMeetings('upcoming', page, signal),
    api.listMeetings('past', page, signal),
  ]);
  return [...upcoming.items, ...past.items].map((m) => ({
    value: m.id,
    label: () => `${m.title} · ${formatDateTime(m.startsAt)}`,
  }));
}

/**
 * "Gekoppeld aan deze aanpak": the cases, signals and meetings tied to the approach that the user may
 * open (the server leaves out the rest, and shows no names). The regisseur ties and unties them; the
 * approach's coordinator hears of it.
 */
export function ApproachLinks({
  approach,
  mayEdit,
  onChanged,
}: {
  approach: Approach;
  mayEdit: boolean;
  onChanged: (approach: Approach, message: string) => void;
}) {
  const items = linkedItems(approach);
  const [unlinking, setUnlinking] = useState<string | null>(null);
  const [unlinkError, setUnlinkError] = useState<string | null>(null);

  async function unlink(item: Linked) {
    setUnlinking(item.id);
    setUnlinkError(null);
    try {
      await api.unlinkFromApproach(approach.id, item.kind, item.id);
      onChanged(await api.getApproach(approach.id), `${item.name} is ontkoppeld.`);
    } catch {
      setUnlinkError(`${item.name} kon niet worden ontkoppeld. Probeer het opnieuw.`);
    } finally {
      setUnlinking(null);
    }
  }

  return (
    <Section id="approach-links" title="Gekoppeld aan deze aanpak">
      {items.length === 0 ? (
        <Paragraph>Er zijn nog geen casussen, signalen of overleggen gekoppeld die jij mag zien.</Paragraph>
      ) : (
        <DataTable
          caption="Casussen, signalen en overleggen van deze aanpak"
          rows={items}
          rowKey={(i) => `${i.kind}-${i.id}`}
          columns={[
            { header: 'Soort', cell: (i) => APPROACH_LINK_KIND_LABELS[i.kind] },
            { header: 'Wat', cell: (i) => <TextLink to={i.to}>{i.name}</TextLink> },
            { header: 'Stand', cell: (i) => i.detail },
            ...(mayEdit
              ? [
                  {
                    header: 'Ontkoppelen',
                    cell: (i: Linked) => (
                      <Button appearance="subtle" busy={unlinking === i.id} onClick={() => void unlink(i)}>
                        Ontkoppel <span className="wr-visually-hidden">{i.name}</span>
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {unlinkError && (
        <Paragraph role="alert" className="wr-error-text">
          {unlinkError}
        </Paragraph>
      )}
      {mayEdit && <LinkForm approach={approach} onLinked={onChanged} />}
    </Section>
  );
}

function LinkForm({
  approach,
  onLinked,
}: {
  approach: Approach;
  onLinked: (approach: Approach, message: string) => void;
}) {
  const form = useForm(LINK_FORM, LINK_FIELDS, { kind: 'case', id: '' });
  const kind = form.values.kind as ApproachLinkKind;
  const categories = useSignalCategories();
  const loader = useCallback(
    async (signal: AbortSignal) => ({ kind, items: await choicesOf(kind, approach.areaId, signal) }),
    [kind, approach.areaId],
  );
  const choices = useApiData(loader);
  const linked = new Set(linkedItems(approach).map((i) => i.id));
  // While another kind's list is still shown, offer nothing (never a case under the label "Overleg").
  const current = choices.data?.kind === kind ? choices.data.items : null;
  const options = (current ?? [])
    .filter((o) => !linked.has(o.value))
    .map((o) => ({ value: o.value, label: o.label(categories.names) }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { id } = form.values;
    if (!form.validate(id ? {} : { id: `Kies een ${APPROACH_LINK_KIND_LABELS[kind].toLowerCase()}` })) return;
    await form.submit(async () => {
      const updated = await api.linkToApproach(approach.id, { kind, id });
      const label = options.find((o) => o.value === id)?.label ?? APPROACH_LINK_KIND_LABELS[kind];
      form.setValues((current) => ({ ...current, id: '' }));
      onLinked(updated, `${label.split(' · ')[0]} is gekoppeld aan de aanpak.`);
    });
  }

  return (
    <FormCard id={LINK_FORM} title="Koppelen" error={form.formError} onSubmit={onSubmit}>
      <SelectField
        {...form.field('kind')}
        label="Wat koppel je"
        options={codeOptions(APPROACH_LINK_KINDS, APPROACH_LINK_KIND_LABELS)}
        onValue={(value) => form.setValues({ kind: value, id: '' })}
      />
      <SelectField
        {...form.field('id')}
        label={APPROACH_LINK_KIND_LABELS[kind]}
        description={
          kind === 'meeting'
            ? 'De komende en de laatst gehouden overleggen'
            : `De nieuwste van het gebied ${approach.areaName}`
        }
        placeholder={current ? (options.length ? 'Kies…' : 'Niets meer te koppelen') : 'Wordt geladen…'}
        options={options}
      />
      <SubmitButton busy={form.busy}>Koppelen</SubmitButton>
    </FormCard>
  );
}
