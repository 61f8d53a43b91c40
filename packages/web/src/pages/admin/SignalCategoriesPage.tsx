import { type SignalCategoryView, signalCategorySchema, updateSignalCategorySchema } from '@wijkregie/shared';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { StatusMessage } from '../../components/Alert.tsx';
import { SubmitButton } from '../../components/Button.tsx';
import { Checkbox } from '../../components/Choice.tsx';
import { Fieldset } from '../../components/Fieldset.tsx';
import { FormCard } from '../../components/FormCard.tsx';
import { NumberField, SelectField, TextField } from '../../components/fields.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { Permitted } from '../../components/Permitted.tsx';
import { EditorForm, editColumn, useRowEditor } from '../../components/RowEditor.tsx';
import { Section } from '../../components/Section.tsx';
import { DataTable } from '../../components/Table.tsx';
import { useApiData, withItem, withReplaced } from '../../lib/useApiData.ts';
import { type BoundField, useForm } from '../../lib/useFormSubmit.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { conflictAt, type FieldErrors, issuesToFieldErrors, type Parser } from '../../lib/validation.ts';

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
  return (
    <Permitted permission="signals.configure" title="Signaalcategorieën">
      <SignalCategories />
    </Permitted>
  );
}

function SignalCategories() {
  usePageTitle('Signaalcategorieën');
  const categories = useApiData(loadCategories);
  const [status, setStatus] = useState<string | null>(null);
  const editor = useRowEditor((key) => `category-row-${key}`, {
    editorId: 'category-editor',
    onToggle: () => setStatus(null),
  });

  const rows = [...(categories.data?.items ?? [])].sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  const editing = rows.find((c) => c.key === editor.editing) ?? null;

  function replace(category: SignalCategoryView) {
    categories.setData((current) => withReplaced(current, category, (c) => c.key));
  }

  return (
    <>
      <PageHeading>Signaalcategorieën</PageHeading>
      <Paragraph>
        De soorten signalen van de gemeente, met de termijn waarbinnen er eerste contact moet zijn. Bewoners
        kunnen bij een melding alleen kiezen uit de categorieën die daarvoor openstaan.
      </Paragraph>
      <StatusMessage message={status} />
      <Loaded data={categories} loading="De categorieën worden geladen…">
        {() => (
          <Section id="categories-table" title={`Categorieën (${rows.length})`} focusable>
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
                editColumn<SignalCategoryView>(
                  editor,
                  (c) => c.key,
                  (c) => `categorie ${c.label}`,
                ),
              ]}
            />
            {editing && (
              <CategoryEditor
                key={editing.key}
                category={editing}
                onCancel={editor.close}
                onSaved={(saved) => {
                  replace(saved);
                  setStatus(
                    `De categorie „${saved.label}” is gewijzigd: termijn ${formatDeadline(
                      saved.deadlineDays,
                      saved.deadlineWorking,
                    )}, bewoners kunnen haar ${saved.publicReport ? '' : 'niet '}kiezen.`,
                  );
                  editor.close();
                }}
              />
            )}
          </Section>
        )}
      </Loaded>
      <AddCategoryForm
        onStart={() => setStatus(null)}
        onCreated={(category) => {
          categories.setData((current) => withItem(current, category));
          setStatus(`De categorie „${category.label}” is toegevoegd.`);
        }}
      />
    </>
  );
}

/** The deadline as typed; the number of days is checked before it is sent. */
interface DeadlineValues {
  deadlineDays: string;
  deadlineWorking: string;
}

/** The category as the API takes it, or the messages by field. */
function parseCategory<T>(
  values: DeadlineValues,
  publicReport: boolean,
  schema: Parser<T>,
  rest: Record<string, string> = {},
): { data: T | null; errors: FieldErrors } {
  const days = parseDays(values.deadlineDays);
  const parsed = schema.safeParse({
    ...rest,
    publicReport,
    deadlineDays: days ?? 0,
    deadlineWorking: values.deadlineWorking === 'werkdagen',
  });
  const errors: FieldErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error);
  if (days === null) errors.deadlineDays = DAYS_MESSAGE;
  return { data: parsed.success ? parsed.data : null, errors };
}

const EDIT_FORM_ID = 'category-edit';
const EDIT_FIELDS = ['deadlineDays', 'deadlineWorking', 'publicReport'] as const;

interface CategoryEditorProps {
  category: SignalCategoryView;
  onCancel: () => void;
  onSaved: (category: SignalCategoryView) => void;
}

/** Change the deadline of a category and whether residents may choose it; opens below the table. */
function CategoryEditor({ category, onCancel, onSaved }: CategoryEditorProps) {
  const form = useForm(EDIT_FORM_ID, EDIT_FIELDS, {
    deadlineDays: String(category.deadlineDays),
    deadlineWorking: category.deadlineWorking ? 'werkdagen' : 'kalenderdagen',
  });
  const [publicReport, setPublicReport] = useState(category.publicReport);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { data, errors } = parseCategory(form.values, publicReport, updateSignalCategorySchema);
    if (!form.validate(errors) || !data) return;
    await form.submit(async () => {
      onSaved(await api.updateSignalCategory(category.key, data));
    });
  }

  return (
    // Escape closes the editor, as the Annuleren button does.
    <EditorForm
      id="category-editor"
      formId={EDIT_FORM_ID}
      title={`Categorie wijzigen: ${category.label}`}
      busy={form.busy}
      error={form.formError}
      onSubmit={onSubmit}
      onCancel={onCancel}
    >
      <DeadlineFields formId={EDIT_FORM_ID} field={form.field} />
      <PublicReportCheckbox formId={EDIT_FORM_ID} checked={publicReport} onChange={setPublicReport} />
    </EditorForm>
  );
}

/** The deadline for first contact: a number of days and whether they are working or calendar days. */
function DeadlineFields({
  formId,
  field,
}: {
  formId: string;
  field: (name: keyof DeadlineValues) => BoundField;
}) {
  return (
    <Fieldset id={`${formId}-deadline`} legend="Termijn eerste contact">
      <div className="wr-field-row">
        <NumberField {...field('deadlineDays')} label="Aantal dagen" min={0} max={365} />
        <SelectField {...field('deadlineWorking')} label="Soort dagen" options={DAY_KIND_OPTIONS} />
      </div>
    </Fieldset>
  );
}

function PublicReportCheckbox({
  formId,
  checked,
  onChange,
}: {
  formId: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <Checkbox
      id={`${formId}-publicReport`}
      label="Bewoners kunnen deze categorie kiezen bij een melding"
      checked={checked}
      onChange={(e) => onChange(e.target.checked)}
    />
  );
}

const FORM_ID = 'category';
const FIELDS = ['label', 'key', 'deadlineDays', 'deadlineWorking', 'publicReport'] as const;
const EMPTY = { label: '', key: '', deadlineDays: '10', deadlineWorking: 'werkdagen' };

interface AddCategoryFormProps {
  onStart: () => void;
  onCreated: (category: SignalCategoryView) => void;
}

function AddCategoryForm({ onStart, onCreated }: AddCategoryFormProps) {
  const form = useForm(FORM_ID, FIELDS, EMPTY);
  const [publicReport, setPublicReport] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onStart();
    const { key, label } = form.values;
    const { data, errors } = parseCategory(form.values, publicReport, signalCategorySchema, {
      key: key.trim(),
      label,
    });
    if (!form.validate(errors) || !data) return;
    await form.submit(
      async () => {
        const category = await api.createSignalCategory(data);
        form.setValues(EMPTY);
        setPublicReport(false);
        onCreated(category);
      },
      // The key is taken: say so at the field.
      conflictAt(form.validate, 'key', 'Er is al een categorie met deze sleutel'),
    );
  }

  return (
    <FormCard id={FORM_ID} title="Categorie toevoegen" error={form.formError} onSubmit={onSubmit}>
      <TextField {...form.field('label')} label="Naam" />
      <TextField
        {...form.field('key')}
        label="Sleutel"
        description="Kleine letters, cijfers en _, 2 tot 60 tekens, beginnend met een letter. De sleutel kan later niet meer veranderen."
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
      />
      <DeadlineFields formId={FORM_ID} field={form.field} />
      <PublicReportCheckbox formId={FORM_ID} checked={publicReport} onChange={setPublicReport} />
      <SubmitButton busy={form.busy}>Categorie toevoegen</SubmitButton>
    </FormCard>
  );
}
