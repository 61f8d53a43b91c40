import {
  CASE_TYPE_LABELS,
  CASE_TYPES,
  type CaseType,
  createProcessingActivitySchema,
  hasPermission,
  type ProcessingActivity,
  SIGNAL_SOURCE_LABELS,
  SIGNAL_SOURCES,
  type SignalSource,
} from '@wijkregie/shared';
import { type FormEvent, useCallback, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { StatusMessage } from '../../components/Alert.tsx';
import { SubmitButton } from '../../components/Button.tsx';
import { CheckboxGroup, toggled } from '../../components/Choice.tsx';
import { FormCard } from '../../components/FormCard.tsx';
import { NumberField, TextareaField, TextField } from '../../components/fields.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { Permitted } from '../../components/Permitted.tsx';
import { EditorForm, editColumn, useRowEditor } from '../../components/RowEditor.tsx';
import { Section } from '../../components/Section.tsx';
import { DataTable } from '../../components/Table.tsx';
import { keyedOptions } from '../../lib/format.ts';
import { useCategories } from '../../lib/reference.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { type Form, useForm } from '../../lib/useFormSubmit.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { conflictAt, type FieldErrors, issuesToFieldErrors } from '../../lib/validation.ts';

const TITLE = 'Verwerkingsregister';

export function ProcessingRegisterPage() {
  return (
    <Permitted permission="processing.read" title={TITLE}>
      <ProcessingRegister />
    </Permitted>
  );
}

/** What a case type or signal source a default is for, in words. */
function defaultsText(a: ProcessingActivity): string {
  const parts = [
    ...a.defaultForCaseTypes.map((t) => `casus: ${CASE_TYPE_LABELS[t]}`),
    ...a.defaultForSignalSources.map((s) => `signaal: ${SIGNAL_SOURCE_LABELS[s]}`),
  ];
  return parts.length ? parts.join('; ') : '—';
}

/**
 * The register of processing activities (AVG art. 30): what the municipality processes personal data for,
 * on which ground, how long it keeps it and which information categories it touches. Every staff member
 * reads it; the functioneel beheerder adds and changes activities.
 */
function ProcessingRegister() {
  usePageTitle(TITLE);
  const user = useUser();
  const editable = hasPermission(user, 'processing.write');
  const register = useApiData(useCallback((signal: AbortSignal) => api.listProcessingActivities(signal), []));
  const categories = useCategories();
  const [status, setStatus] = useState<string | null>(null);
  const editor = useRowEditor((id) => `activity-row-${id}`, {
    editorId: 'activity-editor',
    onToggle: () => setStatus(null),
  });
  const rows = register.data?.items ?? [];
  const editing = rows.find((a) => a.id === editor.editing) ?? null;
  const categoryName = (key: string) => categories.names.get(key) ?? key;
  const categoryOptions = keyedOptions(categories.data?.items);

  return (
    <>
      <PageHeading>{TITLE}</PageHeading>
      <Paragraph>
        Het register van verwerkingen (AVG artikel 30): waarvoor de gemeente persoonsgegevens verwerkt, op
        welke grondslag, hoe lang ze worden bewaard en welke informatiecategorieën erbij horen. Elke casus en
        elk signaal valt onder één verwerking; het auditlog noemt die bij elke inzage en wijziging.
      </Paragraph>
      {!editable && (
        <Paragraph>Alleen de functioneel beheerder kan verwerkingen toevoegen en wijzigen.</Paragraph>
      )}
      <StatusMessage message={status} />
      <Loaded data={register} loading="Het register wordt geladen…">
        {() => (
          <Section id="activities-table" title={`Verwerkingen (${rows.length})`} focusable>
            <DataTable
              caption="Verwerkingen met doel, grondslag, bewaartermijn en categorieën"
              rows={rows}
              empty="Het register is nog leeg."
              columns={[
                { header: 'Naam', cell: (a) => a.name },
                { header: 'Doel', cell: (a) => a.purpose },
                {
                  header: 'Grondslag',
                  cell: (a) => (a.lawReference ? `${a.legalBasis}; ${a.lawReference}` : a.legalBasis),
                },
                { header: 'Bewaartermijn', cell: (a) => `${a.retentionDays.toLocaleString('nl-NL')} dagen` },
                { header: 'Categorieën', cell: (a) => a.categories.map(categoryName).join(', ') || '—' },
                { header: 'Standaard voor', cell: defaultsText },
                ...(editable
                  ? [
                      editColumn<ProcessingActivity>(
                        editor,
                        (a) => a.id,
                        (a) => `verwerking ${a.name}`,
                      ),
                    ]
                  : []),
              ]}
            />
            {editable && editing && (
              <ActivityEditor
                key={editing.id}
                activity={editing}
                categoryOptions={categoryOptions}
                onCancel={editor.close}
                onSaved={(saved) => {
                  register.setData((current) => current && { items: withDefaults(current.items, saved) });
                  setStatus(`De verwerking „${saved.name}” is gewijzigd.`);
                  editor.close();
                }}
              />
            )}
          </Section>
        )}
      </Loaded>
      {editable && (
        <AddActivityForm
          categoryOptions={categoryOptions}
          onStart={() => setStatus(null)}
          onCreated={(created) => {
            register.setData((current) => current && { items: withDefaults(current.items, created) });
            setStatus(`De verwerking „${created.name}” is toegevoegd.`);
          }}
        />
      )}
    </>
  );
}

/**
 * The register after `changed` was added or saved: in its place (or at the end), and the case types and
 * signal sources it is the default for taken from the others, as the server does.
 */
function withDefaults(
  items: readonly ProcessingActivity[],
  changed: ProcessingActivity,
): ProcessingActivity[] {
  const others = items
    .filter((a) => a.id !== changed.id)
    .map((a) => ({
      ...a,
      defaultForCaseTypes: a.defaultForCaseTypes.filter((t) => !changed.defaultForCaseTypes.includes(t)),
      defaultForSignalSources: a.defaultForSignalSources.filter(
        (x) => !changed.defaultForSignalSources.includes(x),
      ),
    }));
  const at = items.findIndex((a) => a.id === changed.id);
  if (at < 0) return [...others, changed];
  return [...others.slice(0, at), changed, ...others.slice(at)];
}

type Option = { value: string; label: string };

const TEXT_FIELDS = ['name', 'purpose', 'legalBasis', 'lawReference', 'retentionDays', 'recipients'] as const;
const ALL_FIELDS = [...TEXT_FIELDS, 'categories', 'defaultForCaseTypes', 'defaultForSignalSources'] as const;
type TextValues = Record<(typeof TEXT_FIELDS)[number], string>;

interface Choices {
  categories: string[];
  defaultForCaseTypes: CaseType[];
  defaultForSignalSources: SignalSource[];
}

const CASE_TYPE_OPTIONS = CASE_TYPES.map((t) => ({ value: t, label: CASE_TYPE_LABELS[t] }));
const SOURCE_OPTIONS = SIGNAL_SOURCES.map((s) => ({ value: s, label: SIGNAL_SOURCE_LABELS[s] }));

/** The body of both forms from their values; a number field's text becomes a number when it is one. */
function bodyOf(values: TextValues, choices: Choices) {
  const days = values.retentionDays.trim();
  return {
    name: values.name,
    purpose: values.purpose,
    legalBasis: values.legalBasis,
    lawReference: values.lawReference.trim() || null,
    recipients: values.recipients.trim() || null,
    retentionDays: /^-?\d+(\.\d+)?$/.test(days) ? Number(days) : days,
    ...choices,
  };
}

/** The fields of both forms. */
function ActivityFields({
  form,
  formId,
  choices,
  setChoices,
  categoryOptions,
}: {
  form: Form<TextValues>;
  formId: string;
  choices: Choices;
  setChoices: (next: Choices) => void;
  categoryOptions: Option[];
}) {
  /** The id, name, error, choice and change of the checkbox group of one list of choices. */
  const choiceGroup = <K extends keyof Choices>(key: K) => ({
    id: `${formId}-${key}`,
    name: key,
    error: form.errors[key],
    layout: 'columns' as const,
    value: choices[key],
    onToggle: (item: string, checked: boolean) =>
      setChoices({ ...choices, [key]: toggled<string>(choices[key], item, checked) }),
  });
  return (
    <>
      <TextField {...form.field('name')} label="Naam" autoComplete="off" />
      <TextareaField {...form.field('purpose')} label="Doel" rows={3} />
      <TextField
        {...form.field('legalBasis')}
        label="Grondslag (AVG)"
        description="Bijvoorbeeld: AVG art. 6 lid 1 sub e (taak van algemeen belang)"
        autoComplete="off"
      />
      <TextField
        {...form.field('lawReference')}
        label="Wettelijke basis (optioneel)"
        description="De wet en het artikel, bijvoorbeeld: Wet gemeentelijke schuldhulpverlening art. 3"
        autoComplete="off"
      />
      <NumberField
        {...form.field('retentionDays')}
        label="Bewaartermijn in dagen"
        description="Hoe lang gegevens na afsluiten bewaard blijven, in hele dagen"
        inputMode="numeric"
      />
      <TextareaField {...form.field('recipients')} label="Ontvangers (optioneel)" rows={2} />
      <CheckboxGroup
        {...choiceGroup('categories')}
        legend="Informatiecategorieën"
        options={categoryOptions}
      />
      <CheckboxGroup
        {...choiceGroup('defaultForCaseTypes')}
        legend="Standaard voor nieuwe casussen van het soort"
        description="Een soort dat een andere verwerking als standaard had, gaat over naar deze."
        options={CASE_TYPE_OPTIONS}
      />
      <CheckboxGroup
        {...choiceGroup('defaultForSignalSources')}
        legend="Standaard voor nieuwe signalen van de bron"
        options={SOURCE_OPTIONS}
      />
    </>
  );
}

/** The browser's own check of a form's body, with its errors by field (`categories.0` → categories). */
function checked(body: ReturnType<typeof bodyOf>) {
  const parsed = createProcessingActivitySchema.safeParse(body);
  const found: FieldErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error);
  return { parsed, found };
}

const EDIT_FORM_ID = 'activity-edit';

function ActivityEditor({
  activity,
  categoryOptions,
  onCancel,
  onSaved,
}: {
  activity: ProcessingActivity;
  categoryOptions: Option[];
  onCancel: () => void;
  onSaved: (activity: ProcessingActivity) => void;
}) {
  const form = useForm<TextValues>(EDIT_FORM_ID, ALL_FIELDS, {
    name: activity.name,
    purpose: activity.purpose,
    legalBasis: activity.legalBasis,
    lawReference: activity.lawReference ?? '',
    retentionDays: String(activity.retentionDays),
    recipients: activity.recipients ?? '',
  });
  const [choices, setChoices] = useState<Choices>({
    categories: activity.categories,
    defaultForCaseTypes: activity.defaultForCaseTypes,
    defaultForSignalSources: activity.defaultForSignalSources,
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { parsed, found } = checked(bodyOf(form.values, choices));
    if (!form.validate(found) || !parsed.success) return;
    await form.submit(
      async () => {
        onSaved(await api.updateProcessingActivity(activity.id, parsed.data));
      },
      conflictAt(form.validate, 'name', 'Er is al een verwerking met deze naam'),
    );
  }

  return (
    <EditorForm
      id="activity-editor"
      formId={EDIT_FORM_ID}
      title={`Verwerking wijzigen: ${activity.name}`}
      busy={form.busy}
      error={form.formError}
      onSubmit={onSubmit}
      onCancel={onCancel}
    >
      <ActivityFields
        form={form}
        formId={EDIT_FORM_ID}
        choices={choices}
        setChoices={setChoices}
        categoryOptions={categoryOptions}
      />
    </EditorForm>
  );
}

const FORM_ID = 'activity';
const EMPTY: TextValues = {
  name: '',
  purpose: '',
  legalBasis: '',
  lawReference: '',
  retentionDays: '',
  recipients: '',
};
const NO_CHOICES: Choices = { categories: [], defaultForCaseTypes: [], defaultForSignalSources: [] };

function AddActivityForm({
  categoryOptions,
  onStart,
  onCreated,
}: {
  categoryOptions: Option[];
  onStart: () => void;
  onCreated: (activity: ProcessingActivity) => void;
}) {
  const form = useForm<TextValues>(FORM_ID, ALL_FIELDS, EMPTY);
  const [choices, setChoices] = useState<Choices>(NO_CHOICES);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onStart();
    const { parsed, found } = checked(bodyOf(form.values, choices));
    if (!form.validate(found) || !parsed.success) return;
    await form.submit(
      async () => {
        const created = await api.createProcessingActivity(parsed.data);
        form.setValues(EMPTY);
        setChoices(NO_CHOICES);
        onCreated(created);
      },
      conflictAt(form.validate, 'name', 'Er is al een verwerking met deze naam'),
    );
  }

  return (
    <FormCard id={FORM_ID} title="Verwerking toevoegen" error={form.formError} onSubmit={onSubmit}>
      <ActivityFields
        form={form}
        formId={FORM_ID}
        choices={choices}
        setChoices={setChoices}
        categoryOptions={categoryOptions}
      />
      <SubmitButton busy={form.busy}>Verwerking toevoegen</SubmitButton>
    </FormCard>
  );
}
