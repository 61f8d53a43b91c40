import {
  type Category,
  canWrite,
  createMinutesSchema,
  type Entry,
  hasPermission,
  MEETING_KIND_LABELS,
  MEETING_STATUS_LABELS,
  type Meeting,
  MINUTE_KINDS,
  type PartnerWithStatus,
} from '@wijkregie/shared';
import { type FormEvent, useCallback } from 'react';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { ActionForm } from '../../components/ActionForm.tsx';
import { ActionTable } from '../../components/ActionTable.tsx';
import { Alert, ErrorAlert, StatusMessage } from '../../components/Alert.tsx';
import { SubmitButton } from '../../components/Button.tsx';
import { RadioGroup } from '../../components/Choice.tsx';
import { DataList } from '../../components/DataList.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { SelectField, TextareaField } from '../../components/fields.tsx';
import { Heading, PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Breadcrumb, TextLink } from '../../components/Links.tsx';
import { DetailLoading, Loaded } from '../../components/Loaded.tsx';
import { PermittedById } from '../../components/Permitted.tsx';
import { Section } from '../../components/Section.tsx';
import { SocialMapPanel } from '../../components/SocialMap.tsx';
import { SubmitForm } from '../../components/SubmitForm.tsx';
import { codeOptions, formatDate, formatDateTime, keyedOptions } from '../../lib/format.ts';
import { goalLabel, useLifeDomains } from '../../lib/plans.ts';
import {
  type Names,
  partnerName,
  useCategories,
  useColleagues,
  useMyAccess,
  usePartners,
} from '../../lib/reference.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { useDetail } from '../../lib/useDetail.ts';
import { useFlashMessage } from '../../lib/useFlashMessage.ts';
import { useForm } from '../../lib/useFormSubmit.ts';
import { type FieldErrors, issuesToFieldErrors } from '../../lib/validation.ts';
import { MeetingEditor } from './MeetingEditor.tsx';

export const MINUTES_KIND_LABELS = { minutes: 'Verslag', decision: 'Besluit' } as const;
type MinutesKind = keyof typeof MINUTES_KIND_LABELS;
const MINUTES_KIND_OPTIONS = codeOptions(MINUTE_KINDS, MINUTES_KIND_LABELS);

export function MeetingPage() {
  return <PermittedById permission="meetings.read" title="Overleg" page={MeetingView} />;
}

/**
 * The invited partners by name, one row each, keyed by id: two invitees never share a row, and a
 * name that changes (a rename) replaces its row instead of leaving a stale one. A partner that was
 * deactivated since stays invited and says so.
 */
function invitees(ids: readonly string[], partners: readonly PartnerWithStatus[]) {
  const byId = new Map(partners.map((p) => [p.id, p]));
  return ids
    .map((id) => {
      const p = byId.get(id);
      return { id, label: p ? (p.active ? p.name : `${p.name} (gedeactiveerd)`) : 'Partner niet gevonden' };
    })
    .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
}

function attendanceText(list: Meeting['attendance'], present: boolean): string {
  return list
    .filter((a) => a.present === present)
    .map((a) => a.name)
    .join(', ');
}

function agendaLabel(item: Meeting['agenda'][number]): string {
  return [item.caseReference, item.caseTitle].filter(Boolean).join(' ') || 'Casus';
}

function MeetingView({ id }: { id: string }) {
  const user = useUser();
  const [message, setMessage] = useFlashMessage();
  const meetingLoader = useCallback((signal: AbortSignal) => api.getMeeting(id, signal), [id]);
  const minutesLoader = useCallback((signal: AbortSignal) => api.listMinutes(id, signal), [id]);
  const actionsLoader = useCallback(
    (signal: AbortSignal) => api.listActions({ meetingId: id }, { limit: 100, offset: 0 }, signal),
    [id],
  );
  const meeting = useDetail(meetingLoader, 'Overleg', (m) => `Overleg ${m.title}`);
  const minutes = useApiData(minutesLoader);
  const actions = useApiData(actionsLoader);
  const partners = usePartners();
  const colleagues = useColleagues();
  const categories = useCategories();
  const access = useMyAccess();
  const domains = useLifeDomains();

  const m = meeting.data;

  const writable = (access.data?.cells ?? []).filter((c) => canWrite(c.access)).map((c) => c.category);
  const writableCategories = (categories.data?.items ?? []).filter((c) => writable.includes(c.key));
  const caseOptions = (m?.agenda ?? []).map((item) => ({ value: item.caseId, label: agendaLabel(item) }));
  // The open goals of the cases on the agenda: an action agreed here can work toward one of them.
  const goalOptions = (m?.agenda ?? []).flatMap((item) =>
    (item.openGoals ?? []).map((goal) => ({
      id: goal.id,
      caseId: item.caseId,
      label: goalLabel(goal, domains.labels),
    })),
  );
  const mayWrite = hasPermission(user, 'cases.write');
  // The server also lets whoever planned the meeting change it; the answer does not say who that was.
  const mayEdit =
    m !== null &&
    hasPermission(user, 'meetings.write') &&
    (user.roles.includes('regisseur') || m.chairUserId === user.id);
  const cancelled = m?.status === 'cancelled';

  return (
    <>
      <Breadcrumb to="/overleggen">Overleggen</Breadcrumb>
      {m && <p className="utrecht-pre-heading wr-section__name">{MEETING_KIND_LABELS[m.kind] ?? m.kind}</p>}
      <PageHeading>{m ? m.title : meeting.placeholder}</PageHeading>
      <StatusMessage message={message} />
      <DetailLoading data={meeting} loading="Het overleg wordt geladen…" />
      {m && cancelled && (
        <Alert type="warning">
          Dit overleg is geannuleerd{m.cancelledAt ? ` op ${formatDateTime(m.cancelledAt)}` : ''}. Het verslag
          en de acties die er al bij horen, blijven zichtbaar.
        </Alert>
      )}
      {m && (
        <div className="wr-case">
          <div className="wr-case__aside">
            <Section id="meeting-facts" title="Gegevens" className="wr-card">
              <DataList
                items={[
                  { key: 'Datum en tijd', value: formatDateTime(m.startsAt) },
                  { key: 'Status', value: MEETING_STATUS_LABELS[m.status] },
                  { key: 'Plaats', value: m.place ?? 'Niet opgegeven' },
                  {
                    key: 'Voorzitter',
                    value: m.chairUserId === user.id ? `${m.chairName} (jij)` : m.chairName,
                  },
                  {
                    key: 'Uitgenodigd',
                    value:
                      m.partnerIds.length === 0 ? (
                        'Geen partners'
                      ) : !partners.data ? (
                        // No names yet: never a row per invitee with a stand-in name (fault 2 of issue 11).
                        partners.error ? (
                          'De namen van de partners konden niet worden geladen.'
                        ) : (
                          'Partners worden geladen…'
                        )
                      ) : (
                        <ul className="wr-plain-list">
                          {invitees(m.partnerIds, partners.data.items).map((p) => (
                            <li key={p.id}>{p.label}</li>
                          ))}
                        </ul>
                      ),
                  },
                  ...(m.attendance.length
                    ? [
                        {
                          key: 'Aanwezig',
                          value: attendanceText(m.attendance, true),
                        },
                        ...(m.attendance.some((a) => !a.present)
                          ? [{ key: 'Afwezig', value: attendanceText(m.attendance, false) }]
                          : []),
                      ]
                    : []),
                  ...(m.seriesId ? [{ key: 'Reeks', value: 'Onderdeel van een vaste reeks' }] : []),
                ]}
              />
              <Paragraph>
                <a
                  className="utrecht-link utrecht-link--html-a"
                  href={`/api/v1/meetings/${encodeURIComponent(m.id)}/pdf`}
                  download
                >
                  Download PDF (agenda en verslag)
                </a>
              </Paragraph>
            </Section>
            {m.agenda.length > 0 && <SocialMapPanel query={{ meetingId: m.id }} />}
          </div>
          <div className="wr-case__main">
            <Section id="agenda" title="Agenda en verslag" className="wr-agenda">
              <ErrorAlert message={minutes.error} />
              {m.agenda.length === 0 ? (
                <Paragraph>Er staan geen casussen op de agenda die je mag zien.</Paragraph>
              ) : (
                <ol className="wr-agenda__list">
                  {m.agenda.map((item) => (
                    <AgendaItem
                      key={item.caseId}
                      item={item}
                      minutes={(minutes.data?.items ?? []).filter((e) => e.caseId === item.caseId)}
                      loading={minutes.loading && !minutes.data}
                      categoryNames={categories.names}
                      partnerNames={partners.names}
                      domainNames={domains.labels}
                    />
                  ))}
                </ol>
              )}
            </Section>
            {mayEdit && !cancelled && (
              <Section id="meeting-edit" title="Overleg wijzigen" className="wr-journal">
                <MeetingEditor
                  key={`${m.id}-${m.startsAt}-${m.title}-${m.agenda.length}-${m.attendance.length}`}
                  meeting={m}
                  colleagues={colleagues.sorted}
                  partnerNames={partners.names}
                  onChanged={(updated, text) => {
                    meeting.setData(updated);
                    setMessage(text);
                    minutes.reload();
                  }}
                />
              </Section>
            )}
            {mayWrite && !cancelled && m.agenda.length > 0 && (
              <Section id="record" title="Vastleggen" className="wr-journal">
                <ErrorAlert message={access.error} />
                {access.data && categories.data && (
                  <MinutesForm
                    meetingId={m.id}
                    caseOptions={caseOptions}
                    categories={writableCategories}
                    onAdded={(kind) => {
                      setMessage(
                        kind === 'decision'
                          ? 'Het besluit is vastgelegd in het journaal van de casus.'
                          : 'Het verslag is vastgelegd in het journaal van de casus.',
                      );
                      minutes.reload();
                    }}
                  />
                )}
                {partners.data && (
                  <ActionForm
                    formId="meeting-action"
                    heading="Actie toevoegen"
                    caseOptions={caseOptions}
                    meetingId={m.id}
                    partners={partners.data.items}
                    colleagues={colleagues.sorted}
                    goals={goalOptions}
                    onCreated={(action) => {
                      setMessage(`De actie „${action.title}” is toegevoegd.`);
                      actions.reload();
                    }}
                  />
                )}
              </Section>
            )}
            <Section id="meeting-actions" title="Acties uit dit overleg">
              <Loaded data={actions} loading="De acties worden geladen…">
                {(page) => (
                  <ActionTable
                    caption={`Acties uit dit overleg (${page.total})`}
                    actions={page.items}
                    partnerNames={partners.names}
                    empty="In dit overleg zijn nog geen acties afgesproken."
                    onChanged={(_, text) => {
                      setMessage(text);
                      actions.reload();
                    }}
                  />
                )}
              </Loaded>
            </Section>
          </div>
        </div>
      )}
    </>
  );
}

interface AgendaItemProps {
  item: Meeting['agenda'][number];
  minutes: readonly Entry[];
  loading: boolean;
  categoryNames: Names;
  partnerNames: Names;
  domainNames: ReadonlyMap<string, string>;
}

function AgendaItem({ item, minutes, loading, categoryNames, partnerNames, domainNames }: AgendaItemProps) {
  const headingId = `agenda-${item.caseId}`;
  const goals = item.openGoals ?? [];
  const overdue = item.overdueActions ?? [];
  return (
    <li className="wr-agenda__item">
      <section aria-labelledby={headingId} className="wr-card">
        <Heading level={3} id={headingId}>
          <TextLink to={`/casussen/${item.caseId}`}>
            {item.caseReference && <span className="wr-reference">{item.caseReference}</span>}{' '}
            {item.caseTitle ?? (item.caseReference ? '' : 'Casus')}
          </TextLink>
        </Heading>
        {goals.length > 0 && (
          <>
            <p className="wr-agenda__label" id={`${headingId}-goals`}>
              Lopende doelen
            </p>
            <ul className="wr-agenda__goals" aria-labelledby={`${headingId}-goals`}>
              {goals.map((goal) => (
                <li key={goal.id}>
                  {goalLabel(goal, domainNames)}
                  {goal.dueDate && <span className="wr-muted"> (termijn {formatDate(goal.dueDate)})</span>}
                </li>
              ))}
            </ul>
          </>
        )}
        {overdue.length > 0 && (
          <>
            <p className="wr-agenda__label wr-overdue" id={`${headingId}-overdue`}>
              Acties over hun termijn
            </p>
            <ul className="wr-agenda__overdue" aria-labelledby={`${headingId}-overdue`}>
              {overdue.map((action) => (
                <li key={action.id}>
                  {action.title}{' '}
                  <span className="wr-muted">
                    — {partnerName(partnerNames, action.ownerPartnerId)}
                    {action.assigneeName ? ` (${action.assigneeName})` : ''}, termijn{' '}
                    {formatDate(action.dueDate)}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
        {loading ? (
          <Paragraph>Het verslag wordt geladen…</Paragraph>
        ) : minutes.length === 0 ? (
          <Paragraph className="wr-muted">Nog geen verslag of besluit (dat je mag lezen).</Paragraph>
        ) : (
          <ol className="wr-entries" aria-label={`Verslag en besluiten ${item.caseReference ?? ''}`.trim()}>
            {minutes.map((entry) => {
              const kind: MinutesKind = entry.kind === 'decision' ? 'decision' : 'minutes';
              return (
                <li key={entry.id} className="wr-entries__item">
                  <article className={`wr-entry wr-entry--${kind}`} aria-labelledby={`minutes-${entry.id}`}>
                    <header className="wr-entry__header" id={`minutes-${entry.id}`}>
                      <span className={`wr-entry__kind wr-entry__kind--${kind}`}>
                        {MINUTES_KIND_LABELS[kind]}
                      </span>
                      <span className="wr-entry__category">
                        {categoryNames.get(entry.category) ?? entry.category}
                      </span>
                      <span className="wr-entry__author">{entry.authorName}</span>
                      <span className="wr-entry__partner">{partnerNames.get(entry.partnerId) ?? ''}</span>
                      <DateTime value={entry.createdAt} className="wr-entry__time" />
                    </header>
                    <div className="wr-entry__text">{entry.text}</div>
                  </article>
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </li>
  );
}

const MINUTES_FORM_ID = 'minutes';
const MINUTES_FIELDS = ['caseId', 'kind', 'category', 'text'] as const;

interface MinutesFormProps {
  meetingId: string;
  caseOptions: readonly { value: string; label: string }[];
  /** Only the categories the user's partner may write. */
  categories: readonly Category[];
  onAdded: (kind: MinutesKind) => void;
}

/** Minutes or a decision for one case on the agenda; it becomes an entry in that case's journal. */
function MinutesForm({ meetingId, caseOptions, categories, onAdded }: MinutesFormProps) {
  const onlyCase = caseOptions.length === 1 ? (caseOptions[0]?.value ?? '') : '';
  const onlyCategory = categories.length === 1 ? (categories[0]?.key ?? '') : '';
  const { busy, formError, validate, submit, values, setValues, field } = useForm<{
    caseId: string;
    kind: MinutesKind;
    category: string;
    text: string;
  }>(MINUTES_FORM_ID, MINUTES_FIELDS, {
    caseId: onlyCase,
    kind: 'minutes',
    category: onlyCategory,
    text: '',
  });
  const { caseId, kind, category } = values;

  if (categories.length === 0) {
    return (
      <Alert type="info">
        Jouw organisatie mag in geen enkele informatiecategorie schrijven, dus je kunt geen verslag of besluit
        vastleggen.
      </Alert>
    );
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = createMinutesSchema.safeParse({ caseId, category, text: values.text, kind });
    const errors: FieldErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error);
    if (caseId === '') errors.caseId = 'Kies een casus';
    if (category === '') errors.category = 'Kies een categorie';
    if (!validate(errors) || !parsed.success) return;
    await submit(async () => {
      await api.addMinutes(meetingId, parsed.data);
      setValues((current) => ({ ...current, text: '' }));
      onAdded(kind);
    });
  }

  return (
    <div className="wr-card wr-entry-form">
      <Heading level={3} id="minutes-form-heading">
        Verslag of besluit toevoegen
      </Heading>
      <SubmitForm
        id={MINUTES_FORM_ID}
        labelledBy="minutes-form-heading"
        error={formError}
        onSubmit={onSubmit}
      >
        <SelectField
          {...field('caseId')}
          label="Casus"
          placeholder={onlyCase ? undefined : 'Kies een casus'}
          options={caseOptions}
        />
        <RadioGroup {...field('kind')} legend="Soort" layout="row" options={MINUTES_KIND_OPTIONS} />
        <SelectField
          {...field('category')}
          label="Categorie"
          description="Alleen de categorieën waarin jouw organisatie mag schrijven"
          placeholder={onlyCategory ? undefined : 'Kies een categorie'}
          options={keyedOptions(categories)}
        />
        <TextareaField {...field('text')} label="Tekst" rows={5} />
        <SubmitButton busy={busy}>
          {kind === 'decision' ? 'Besluit vastleggen' : 'Verslag vastleggen'}
        </SubmitButton>
      </SubmitForm>
    </div>
  );
}
