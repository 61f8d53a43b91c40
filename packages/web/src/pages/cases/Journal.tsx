import { type Category, createEntrySchema, type Entry } from '@wijkregie/shared';
import { type FormEvent, type MouseEvent, useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { Alert, ErrorAlert } from '../../components/Alert.tsx';
import { AttachmentList, FileField, useFileChoice } from '../../components/Attachments.tsx';
import { Button, ButtonGroup, SubmitButton } from '../../components/Button.tsx';
import { EntryFields, EntryHeader, onlyCategory } from '../../components/Entry.tsx';
import { FilterSelect } from '../../components/fields.tsx';
import { Heading, Paragraph } from '../../components/Heading.tsx';
import { Section } from '../../components/Section.tsx';
import { SubmitForm } from '../../components/SubmitForm.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { focusSoon } from '../../lib/focus.ts';
import { formatDateTime, keyedOptions } from '../../lib/format.ts';
import type { Names } from '../../lib/reference.ts';
import { DOCUMENT_RULES } from '../../lib/uploads.ts';
import { useForm } from '../../lib/useFormSubmit.ts';
import { type FieldErrors, issuesToFieldErrors } from '../../lib/validation.ts';

export const JOURNAL_PAGE_SIZE = 50;

interface JournalState {
  items: Entry[];
  total: number;
  loading: boolean;
  error: string | null;
}

/** Loads the journal newest first, a page at a time; `version` reloads it from the start. */
function useJournal(caseId: string, category: string, version: number) {
  const [state, setState] = useState<JournalState>({ items: [], total: 0, loading: true, error: null });
  // How many extra pages were asked for, for this case, category and version only.
  const key = `${caseId}|${category}|${version}`;
  const [more, setMore] = useState({ key, pages: 0 });
  const pages = more.key === key ? more.pages : 0;

  // biome-ignore lint/correctness/useExhaustiveDependencies: key (with version) re-runs the load on purpose.
  useEffect(() => {
    const controller = new AbortController();
    const offset = pages * JOURNAL_PAGE_SIZE;
    setState((s) => ({ ...s, loading: true, error: null }));
    api
      .listEntries(caseId, category || undefined, { limit: JOURNAL_PAGE_SIZE, offset }, controller.signal)
      .then((page) => {
        if (controller.signal.aborted) return;
        setState((s) => ({
          items: offset === 0 ? page.items : [...s.items, ...page.items],
          total: page.total,
          loading: false,
          error: null,
        }));
      })
      .catch((reason: unknown) => {
        if (controller.signal.aborted) return;
        setState((s) => ({
          ...s,
          loading: false,
          error: reason instanceof ApiError ? reason.problem.detail : 'Het journaal kon niet worden geladen.',
        }));
      });
    return () => controller.abort();
  }, [caseId, category, key, pages]);

  return { ...state, loadMore: () => setMore({ key, pages: pages + 1 }) };
}

export interface JournalProps {
  caseId: string;
  closed: boolean;
  categories: readonly Category[];
  /** Category keys the user's partner may read / write. */
  readable: readonly string[];
  writable: readonly string[];
  partnerNames: Names;
  onAdded: (message: string) => void;
}

function entryAnchor(id: string): string {
  return `notitie-${id}`;
}

function focusEntry(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(entryAnchor(id));
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ block: 'start' });
  target.focus();
}

/** The case journal: an entry form and the entries, filtered by category, newest first. */
export function Journal({
  caseId,
  closed,
  categories,
  readable,
  writable,
  partnerNames,
  onAdded,
}: JournalProps) {
  const [category, setCategory] = useState('');
  const [version, setVersion] = useState(0);
  const [correcting, setCorrecting] = useState<Entry | null>(null);
  const journal = useJournal(caseId, category, version);
  const label = (key: string) => categories.find((c) => c.key === key)?.label ?? key;
  const mayWrite = !closed && writable.length > 0;

  const byId = new Map(journal.items.map((e) => [e.id, e]));
  const corrections = new Map<string, Entry[]>();
  for (const entry of journal.items) {
    if (!entry.correctsEntryId) continue;
    corrections.set(entry.correctsEntryId, [...(corrections.get(entry.correctsEntryId) ?? []), entry]);
  }
  const readableOptions = keyedOptions(categories.filter((c) => readable.includes(c.key)));

  function describe(entry: Entry): string {
    return `${entry.authorName} van ${formatDateTime(entry.createdAt)}`;
  }

  return (
    <Section id="journal" title="Journaal" className="wr-journal">
      {closed ? (
        <Alert type="info">Deze casus is afgesloten; er kunnen geen notities meer bij.</Alert>
      ) : writable.length === 0 ? (
        <Alert type="info">
          Jouw organisatie mag in geen enkele informatiecategorie schrijven, dus je kunt geen notities
          toevoegen. De regisseur beheert wie wat mag in de autorisatiematrix.
        </Alert>
      ) : (
        <EntryForm
          caseId={caseId}
          categories={categories.filter((c) => writable.includes(c.key))}
          correcting={correcting}
          describe={describe}
          onCancelCorrection={() => setCorrecting(null)}
          onAdded={(entry) => {
            setCorrecting(null);
            setVersion((v) => v + 1);
            onAdded(
              entry.correctsEntryId
                ? 'De correctie is toegevoegd aan het journaal.'
                : 'De notitie is toegevoegd aan het journaal.',
            );
          }}
        />
      )}

      {readable.length === 0 ? (
        <Alert type="info">Jouw organisatie mag in deze casus geen informatie uit het journaal lezen.</Alert>
      ) : (
        <>
          <FilterSelect
            id="journal-category"
            label="Categorie"
            placeholder="Alle"
            options={readableOptions}
            value={category}
            onValue={setCategory}
          />
          <ErrorAlert message={journal.error} />
          <p className="utrecht-paragraph wr-muted" aria-live="polite">
            {journal.loading && journal.items.length === 0
              ? 'Het journaal wordt geladen…'
              : `${journal.total} ${journal.total === 1 ? 'notitie' : 'notities'}${category ? ` in ${label(category)}` : ''}, nieuwste eerst.`}
          </p>
          {journal.items.length > 0 && (
            <ol className="wr-entries" aria-label="Notities">
              {journal.items.map((entry) => {
                const corrected = entry.correctsEntryId ? byId.get(entry.correctsEntryId) : undefined;
                const correctedBy = corrections.get(entry.id) ?? [];
                return (
                  <li key={entry.id} className="wr-entries__item">
                    <article
                      id={entryAnchor(entry.id)}
                      tabIndex={-1}
                      className="wr-entry"
                      aria-labelledby={`${entryAnchor(entry.id)}-meta`}
                    >
                      <EntryHeader
                        id={`${entryAnchor(entry.id)}-meta`}
                        entry={entry}
                        categoryLabel={label(entry.category)}
                        partnerNames={partnerNames}
                      />
                      {entry.correctsEntryId && (
                        <p className="utrecht-paragraph wr-entry__correction">
                          {corrected ? (
                            <>
                              Correctie op{' '}
                              <a
                                className="utrecht-link utrecht-link--html-a"
                                href={`#${entryAnchor(corrected.id)}`}
                                onClick={(e) => focusEntry(e, corrected.id)}
                              >
                                notitie van {describe(corrected)}
                              </a>
                            </>
                          ) : (
                            'Correctie op een eerdere notitie (niet in deze lijst)'
                          )}
                        </p>
                      )}
                      <div className="wr-entry__text">{entry.text}</div>
                      <AttachmentList
                        attachments={entry.attachments}
                        label={`notitie van ${describe(entry)}`}
                      />
                      {(correctedBy.length > 0 || mayWrite) && (
                        <footer className="wr-entry__footer">
                          {correctedBy.map((c) => (
                            <p key={c.id} className="utrecht-paragraph wr-entry__corrected">
                              Gecorrigeerd in{' '}
                              <a
                                className="utrecht-link utrecht-link--html-a"
                                href={`#${entryAnchor(c.id)}`}
                                onClick={(e) => focusEntry(e, c.id)}
                              >
                                notitie van {describe(c)}
                              </a>
                            </p>
                          ))}
                          {mayWrite && (
                            <Button
                              appearance="subtle"
                              onClick={() => {
                                setCorrecting(entry);
                                focusSoon('entry-text');
                              }}
                            >
                              Corrigeer<VisuallyHidden> notitie van {describe(entry)}</VisuallyHidden>
                            </Button>
                          )}
                        </footer>
                      )}
                    </article>
                  </li>
                );
              })}
            </ol>
          )}
          {journal.items.length < journal.total && (
            <Button appearance="secondary-action" busy={journal.loading} onClick={journal.loadMore}>
              Meer notities laden
            </Button>
          )}
        </>
      )}
    </Section>
  );
}

const FORM_ID = 'entry';
const FIELDS = ['category', 'text', 'file'] as const;

interface EntryFormProps {
  caseId: string;
  /** Only the categories the user's partner may write. */
  categories: readonly Category[];
  correcting: Entry | null;
  describe: (entry: Entry) => string;
  onCancelCorrection: () => void;
  onAdded: (entry: Entry) => void;
}

function EntryForm({
  caseId,
  categories,
  correcting,
  describe,
  onCancelCorrection,
  onAdded,
}: EntryFormProps) {
  const only = onlyCategory(categories);
  const { busy, formError, validate, submit, values, setValues, field, errors } = useForm(FORM_ID, FIELDS, {
    category: only,
    text: '',
  });
  // Files go with the entry, under its category: whoever may read the entry may open them.
  const attachments = useFileChoice(DOCUMENT_RULES);

  // A correction is written in the category of the corrected entry, when the user may write there.
  useEffect(() => {
    if (correcting && categories.some((c) => c.key === correcting.category)) {
      setValues((current) => ({ ...current, category: correcting.category }));
    }
  }, [correcting, categories, setValues]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = createEntrySchema.safeParse({
      ...values,
      ...(correcting ? { correctsEntryId: correcting.id } : {}),
    });
    const found: FieldErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error);
    if (!parsed.success && values.category === '') found.category = 'Kies een categorie';
    const fileProblem = attachments.problem();
    if (fileProblem) found.file = fileProblem;
    if (!validate(found) || !parsed.success) return;
    await submit(async () => {
      const entry = await api.addEntry(caseId, parsed.data, attachments.files);
      setValues({ category: only, text: '' });
      attachments.clear();
      onAdded(entry);
    });
  }

  return (
    <div className="wr-card wr-entry-form">
      <Heading level={3} id="entry-form-heading">
        {correcting ? 'Correctie toevoegen' : 'Notitie toevoegen'}
      </Heading>
      <SubmitForm id={FORM_ID} labelledBy="entry-form-heading" error={formError} onSubmit={onSubmit}>
        {correcting && (
          <div className="wr-inset wr-correcting">
            <Paragraph>
              Je corrigeert de notitie van {describe(correcting)}. De oorspronkelijke notitie blijft staan.
            </Paragraph>
            <Button
              appearance="subtle"
              onClick={() => {
                onCancelCorrection();
                document.getElementById(`${FORM_ID}-text`)?.focus();
              }}
            >
              Correctie annuleren
            </Button>
          </div>
        )}
        <EntryFields field={field} categories={categories} />
        <FileField
          id={`${FORM_ID}-file`}
          label="Bijlagen (niet verplicht)"
          error={errors.file}
          {...attachments.field}
        />
        <ButtonGroup>
          <SubmitButton busy={busy}>{correcting ? 'Correctie opslaan' : 'Notitie toevoegen'}</SubmitButton>
        </ButtonGroup>
      </SubmitForm>
    </div>
  );
}
