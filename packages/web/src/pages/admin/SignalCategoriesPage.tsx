import { hasPermission, signalCategorySchema, updateSignalCategorySchema } from '@wijkregie/shared';
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { api, type SignalCategory } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { Alert, StatusMessage } from '../../components/Alert.tsx';
import { Button, ButtonGroup } from '../../components/Button.tsx';
import { Checkbox } from '../../components/Checkbox.tsx';
import { Fieldset } from '../../components/Fieldset.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Heading, PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Select } from '../../components/Select.tsx';
import { SubmitForm } from '../../components/SubmitForm.tsx';
import { DataTable } from '../../components/Table.tsx';
import { Textbox } from '../../components/Textbox.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { useApiData } from '../../lib/useApiData.ts';
import { useFormSubmit } from '../../lib/useFormSubmit.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { type FieldErrors, issuesToFieldErrors } from '../../lib/validation.ts';
import { NoAccessPage } from '../NotFoundPage.tsx';

const loadCategories = (signal: AbortSignal) => api.listSignalCategories(signal);

const DAY_KIND_OPTIONS = [
  { value: 'werkdagen', label: 'Werkdagen' },
  { value: 'kalenderdagen', label: 'Kalenderdagen' },
];

/** "10 werkdagen", "1 kalenderdag". */
export function formatDeadline(days: number, working: boolean): string {
  const unit = working ? 'werkdag' : 'kalenderdag';
  return `${days.toLocaleString('nl-NL')} ${days === 1 ? unit : `${unit}en`}`;
}

/** The number of days typed in a field; null when it is not a whole number. */
function parseDays(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : null;
}

const DAYS_MESSAGE = 'Vul een heel aantal dagen in, van 0 tot 365';

export function SignalCategoriesPage() {
  const user = useUser();
  if (!hasPermission(user, 'signals.configure')) return <NoAccessPage title="Signaalcategorieën" />;
  return <SignalCategories />;
}

function SignalCategories() {
  usePageTitle('Signaalcategorieën');
  const categories = useApiData(loadCategories);
  const [status, setStatus] = useState<string | null>(null);
  const [editingKey, setEditingKey] = useState<string | null>(null);

  const rows = [...(categories.data?.items ?? [])].sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  const editing = rows.find((c) => c.key === editingKey) ?? null;

  function closeEditor() {
    const key = editingKey;
    setEditingKey(null);
    if (key) requestAnimationFrame(() => document.getElementById(`category-row-${key}`)?.focus());
  }

  function replace(category: SignalCategory) {
    categories.setData((current) =>
      current
        ? { ...current, items: current.items.map((c) => (c.key === category.key ? category : c)) }
        : current,
    );
  }

  return (
    <>
      <PageHeading>Signaalcategorieën</PageHeading>
      <Paragraph>
        De soorten signalen van de gemeente, met de termijn waarbinnen er eerste contact moet zijn. Bewoners
        kunnen bij een melding alleen kiezen uit de categorieën die daarvoor openstaan.
      </Paragraph>
      <StatusMessage message={status} />
      {categories.error && (
        <Alert type="error" role="alert">
          {categories.error}
        </Alert>
      )}
      {categories.loading && !categories.data && <Paragraph>De categorieën worden geladen…</Paragraph>}
      {categories.data && (
        <section aria-labelledby="categories-table-heading">
          <Heading level={2} id="categories-table-heading" tabIndex={-1} className="wr-focus-target">
            Categorieën ({rows.length})
          </Heading>
          <DataTable
            caption="Signaalcategorieën met de termijn voor eerste contact"
            rows={rows}
            rowKey={(c) => c.key}
            empty="Er zijn nog geen categorieën."
            columns={[
              { header: 'Naam', cell: (c) => c.label },
              { header: 'Sleutel', cell: (c) => <code>{c.key}</code> },
              {
                header: 'Termijn eerste contact',
                cell: (c) => (
                  <span className="wr-nowrap">{formatDeadline(c.deadlineDays, c.deadlineWorking)}</span>
                ),
              },
              { header: 'Bewoners kunnen kiezen', cell: (c) => (c.publicReport ? 'Ja' : 'Nee') },
              {
                header: 'Wijzigen',
                cell: (c) => (
                  <Button
                    id={`category-row-${c.key}`}
                    appearance="subtle"
                    className="wr-nowrap"
                    aria-expanded={editingKey === c.key}
                    aria-controls={editingKey === c.key ? 'category-editor' : undefined}
                    onClick={() => {
                      setStatus(null);
                      setEditingKey(editingKey === c.key ? null : c.key);
                    }}
                  >
                    Wijzigen<VisuallyHidden> categorie {c.label}</VisuallyHidden>
                  </Button>
                ),
              },
            ]}
          />
          {editing && (
            <CategoryEditor
              key={editing.key}
              category={editing}
              onCancel={closeEditor}
              onSaved={(saved) => {
                replace(saved);
                setStatus(
                  `De categorie „${saved.label}” is gewijzigd: termijn ${formatDeadline(
                    saved.deadlineDays,
                    saved.deadlineWorking,
                  )}, bewoners kunnen haar ${saved.publicReport ? '' : 'niet '}kiezen.`,
                );
                closeEditor();
              }}
            />
          )}
        </section>
      )}
      <AddCategoryForm
        onStart={() => setStatus(null)}
        onCreated={(category) => {
          categories.setData((current) =>
            current ? { items: [...current.items, category], total: current.total + 1 } : current,
          );
          setStatus(`De categorie „${category.label}” is toegevoegd.`);
        }}
      />
    </>
  );
}

const EDIT_FORM_ID = 'category-edit';
const EDIT_FIELDS = ['deadlineDays', 'deadlineWorking', 'publicReport'] as const;

interface CategoryEditorProps {
  category: SignalCategory;
  onCancel: () => void;
  onSaved: (category: SignalCategory) => void;
}

/** Change the deadline of a category and whether residents may choose it; opens below the table. */
function CategoryEditor({ category, onCancel, onSaved }: CategoryEditorProps) {
  const [deadlineDays, setDeadlineDays] = useState(String(category.deadlineDays));
  const [working, setWorking] = useState(category.deadlineWorking);
  const [publicReport, setPublicReport] = useState(category.publicReport);
  const { busy, formError, errors, validate, submit } = useFormSubmit(EDIT_FORM_ID, EDIT_FIELDS);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const days = parseDays(deadlineDays);
    const parsed = updateSignalCategorySchema.safeParse({
      deadlineDays: days ?? 0,
      deadlineWorking: working,
      publicReport,
    });
    const found: FieldErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error);
    if (days === null) found.deadlineDays = DAYS_MESSAGE;
    if (!validate(found) || !parsed.success) return;
    await submit(async () => {
      onSaved(await api.updateSignalCategory(category.key, parsed.data));
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === 'Escape' && !busy) {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    // Escape closes the editor, as the Annuleren button does.
    <section
      id="category-editor"
      className="wr-card wr-action-editor"
      aria-labelledby="category-edit-heading"
      onKeyDown={onKeyDown}
    >
      <Heading
        level={3}
        id="category-edit-heading"
        ref={headingRef}
        tabIndex={-1}
        className="wr-focus-target"
      >
        Categorie wijzigen: {category.label}
      </Heading>
      <SubmitForm id={EDIT_FORM_ID} labelledBy="category-edit-heading" error={formError} onSubmit={onSubmit}>
        <DeadlineFields
          formId={EDIT_FORM_ID}
          days={deadlineDays}
          working={working}
          errors={errors}
          onDays={setDeadlineDays}
          onWorking={setWorking}
        />
        <Checkbox
          id={`${EDIT_FORM_ID}-publicReport`}
          label="Bewoners kunnen deze categorie kiezen bij een melding"
          checked={publicReport}
          onChange={(e) => setPublicReport(e.target.checked)}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action" busy={busy} disabled={busy}>
            Wijzigingen opslaan
          </Button>
          <Button appearance="subtle" disabled={busy} onClick={onCancel}>
            Annuleren
          </Button>
        </ButtonGroup>
      </SubmitForm>
    </section>
  );
}

interface DeadlineFieldsProps {
  formId: string;
  days: string;
  working: boolean;
  errors: FieldErrors;
  onDays: (days: string) => void;
  onWorking: (working: boolean) => void;
}

/** The deadline for first contact: a number of days and whether they are working or calendar days. */
function DeadlineFields({ formId, days, working, errors, onDays, onWorking }: DeadlineFieldsProps) {
  return (
    <Fieldset id={`${formId}-deadline`} legend="Termijn eerste contact">
      <div className="wr-field-row">
        <FormField id={`${formId}-deadlineDays`} label="Aantal dagen" error={errors.deadlineDays}>
          {(control) => (
            <Textbox
              {...control}
              type="number"
              inputMode="numeric"
              min={0}
              max={365}
              name="deadlineDays"
              className="wr-number"
              value={days}
              onChange={(e) => onDays(e.target.value)}
            />
          )}
        </FormField>
        <FormField id={`${formId}-deadlineWorking`} label="Soort dagen" error={errors.deadlineWorking}>
          {(control) => (
            <Select
              {...control}
              name="deadlineWorking"
              options={DAY_KIND_OPTIONS}
              value={working ? 'werkdagen' : 'kalenderdagen'}
              onChange={(e) => onWorking(e.target.value === 'werkdagen')}
            />
          )}
        </FormField>
      </div>
    </Fieldset>
  );
}

const FORM_ID = 'category';
const FIELDS = ['label', 'key', 'deadlineDays', 'deadlineWorking', 'publicReport'] as const;

interface AddCategoryFormProps {
  onStart: () => void;
  onCreated: (category: SignalCategory) => void;
}

function AddCategoryForm({ onStart, onCreated }: AddCategoryFormProps) {
  const [label, setLabel] = useState('');
  const [key, setKey] = useState('');
  const [deadlineDays, setDeadlineDays] = useState('10');
  const [working, setWorking] = useState(true);
  const [publicReport, setPublicReport] = useState(false);
  const { busy, formError, errors, validate, submit } = useFormSubmit(FORM_ID, FIELDS);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onStart();
    const days = parseDays(deadlineDays);
    const parsed = signalCategorySchema.safeParse({
      key: key.trim(),
      label,
      publicReport,
      deadlineDays: days ?? 0,
      deadlineWorking: working,
    });
    const found: FieldErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error);
    if (days === null) found.deadlineDays = DAYS_MESSAGE;
    if (!validate(found) || !parsed.success) return;
    await submit(
      async () => {
        const category = await api.createSignalCategory(parsed.data);
        setLabel('');
        setKey('');
        setDeadlineDays('10');
        setWorking(true);
        setPublicReport(false);
        onCreated(category);
      },
      (error) => {
        // The key is taken: say so at the field.
        if (!(error instanceof ApiError) || error.status !== 409) return false;
        validate({ key: 'Er is al een categorie met deze sleutel' });
        return true;
      },
    );
  }

  return (
    <section className="wr-card wr-form-card">
      <Heading level={2} id="category-form-heading">
        Categorie toevoegen
      </Heading>
      <SubmitForm id={FORM_ID} labelledBy="category-form-heading" error={formError} onSubmit={onSubmit}>
        <FormField id={`${FORM_ID}-label`} label="Naam" error={errors.label}>
          {(control) => (
            <Textbox {...control} name="label" value={label} onChange={(e) => setLabel(e.target.value)} />
          )}
        </FormField>
        <FormField
          id={`${FORM_ID}-key`}
          label="Sleutel"
          description="Kleine letters, cijfers en _, 2 tot 60 tekens, beginnend met een letter. De sleutel kan later niet meer veranderen."
          error={errors.key}
        >
          {(control) => (
            <Textbox
              {...control}
              name="key"
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              value={key}
              onChange={(e) => setKey(e.target.value)}
            />
          )}
        </FormField>
        <DeadlineFields
          formId={FORM_ID}
          days={deadlineDays}
          working={working}
          errors={errors}
          onDays={setDeadlineDays}
          onWorking={setWorking}
        />
        <Checkbox
          id={`${FORM_ID}-publicReport`}
          label="Bewoners kunnen deze categorie kiezen bij een melding"
          checked={publicReport}
          onChange={(e) => setPublicReport(e.target.checked)}
        />
        <Button type="submit" appearance="primary-action" busy={busy} disabled={busy}>
          Categorie toevoegen
        </Button>
      </SubmitForm>
    </section>
  );
}
