import {
  createLifeDomainSchema,
  LIFE_DOMAIN_GROUP_LABELS,
  LIFE_DOMAIN_GROUPS,
  type LifeDomain,
  updateLifeDomainSchema,
} from '@wijkregie/shared';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { StatusMessage } from '../../components/Alert.tsx';
import { SubmitButton } from '../../components/Button.tsx';
import { FormCard } from '../../components/FormCard.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { Permitted } from '../../components/Permitted.tsx';
import { EditorForm, editColumn, useRowEditor } from '../../components/RowEditor.tsx';
import { Section } from '../../components/Section.tsx';
import { DataTable } from '../../components/Table.tsx';
import { codeOptions, keyedOptions } from '../../lib/format.ts';
import { useLifeDomains } from '../../lib/plans.ts';
import { useCategories } from '../../lib/reference.ts';
import { withReplaced } from '../../lib/useApiData.ts';
import { type BoundField, useForm } from '../../lib/useFormSubmit.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { conflictAt, type FieldErrors, issuesToFieldErrors } from '../../lib/validation.ts';

const GROUP_OPTIONS = codeOptions(LIFE_DOMAIN_GROUPS, LIFE_DOMAIN_GROUP_LABELS);

export function LifeDomainsPage() {
  return (
    <Permitted permission="lifedomains.write" title="Leefgebieden">
      <LifeDomains />
    </Permitted>
  );
}

/**
 * The life domains of the plan of approach (ZRM and safety): name, group and the matrix category that
 * decides who reads and writes a domain's scores and goals. Added and changed by the regisseur and the
 * functioneel beheerder; a key never changes (scores and goals refer to it).
 */
function LifeDomains() {
  usePageTitle('Leefgebieden');
  const domains = useLifeDomains();
  const categories = useCategories();
  const [status, setStatus] = useState<string | null>(null);
  const editor = useRowEditor((key) => `domain-row-${key}`, {
    editorId: 'domain-editor',
    onToggle: () => setStatus(null),
  });
  const rows = domains.data?.items ?? [];
  const editing = rows.find((d) => d.key === editor.editing) ?? null;
  const categoryOptions = keyedOptions(categories.data?.items);
  const categoryName = (key: string) => categories.names.get(key) ?? key;

  function replace(domain: LifeDomain) {
    domains.setData((current) => withReplaced(current, domain, (d) => d.key));
  }

  return (
    <>
      <PageHeading>Leefgebieden</PageHeading>
      <Paragraph>
        De leefgebieden van het plan van aanpak: de domeinen van de Zelfredzaamheid-Matrix en de
        veiligheidsdomeinen. De categorie bepaalt via de autorisatiematrix welke partners de scores en doelen
        van een leefgebied zien en vastleggen.
      </Paragraph>
      <StatusMessage message={status} />
      <Loaded data={domains} loading="De leefgebieden worden geladen…">
        {() => (
          <Section id="domains-table" title={`Leefgebieden (${rows.length})`} focusable>
            <DataTable
              caption="Leefgebieden met hun groep en categorie, in hun vaste volgorde"
              rows={rows}
              rowKey={(d) => d.key}
              empty="Er zijn nog geen leefgebieden."
              columns={[
                { header: 'Naam', cell: (d) => d.label },
                { header: 'Sleutel', cell: (d) => <code>{d.key}</code> },
                { header: 'Groep', cell: (d) => LIFE_DOMAIN_GROUP_LABELS[d.group] },
                { header: 'Categorie', cell: (d) => categoryName(d.category) },
                editColumn<LifeDomain>(
                  editor,
                  (d) => d.key,
                  (d) => `leefgebied ${d.label}`,
                ),
              ]}
            />
            {editing && (
              <DomainEditor
                key={editing.key}
                domain={editing}
                categoryOptions={categoryOptions}
                onCancel={editor.close}
                onSaved={(saved) => {
                  replace(saved);
                  setStatus(
                    `Het leefgebied „${saved.label}” is gewijzigd: ${LIFE_DOMAIN_GROUP_LABELS[saved.group]}, categorie ${categoryName(saved.category)}.`,
                  );
                  editor.close();
                }}
              />
            )}
          </Section>
        )}
      </Loaded>
      <AddDomainForm
        categoryOptions={categoryOptions}
        onStart={() => setStatus(null)}
        onCreated={(domain) => {
          domains.setData((current) => (current ? { items: [...current.items, domain] } : current));
          setStatus(`Het leefgebied „${domain.label}” is toegevoegd.`);
        }}
      />
    </>
  );
}

type Option = { value: string; label: string };

/** Name, group and category: the fields of both forms. */
function DomainFields({
  field,
  categoryOptions,
}: {
  field: (name: 'label' | 'group' | 'category') => BoundField;
  categoryOptions: Option[];
}) {
  return (
    <>
      <TextField {...field('label')} label="Naam" autoComplete="off" />
      <SelectField {...field('group')} label="Groep" options={GROUP_OPTIONS} />
      <SelectField
        {...field('category')}
        label="Categorie"
        description="De informatiecategorie van de autorisatiematrix die bepaalt wie dit leefgebied ziet en vastlegt"
        placeholder="Kies een categorie"
        options={categoryOptions}
      />
    </>
  );
}

const EDIT_FORM_ID = 'domain-edit';
const EDIT_FIELDS = ['label', 'group', 'category'] as const;

function DomainEditor({
  domain,
  categoryOptions,
  onCancel,
  onSaved,
}: {
  domain: LifeDomain;
  categoryOptions: Option[];
  onCancel: () => void;
  onSaved: (domain: LifeDomain) => void;
}) {
  const form = useForm(EDIT_FORM_ID, EDIT_FIELDS, {
    label: domain.label,
    group: domain.group as string,
    category: domain.category,
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = updateLifeDomainSchema.safeParse(form.values);
    const found: FieldErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error);
    if (!form.validate(found) || !parsed.success) return;
    await form.submit(async () => {
      onSaved(await api.updateLifeDomain(domain.key, parsed.data));
    });
  }

  return (
    <EditorForm
      id="domain-editor"
      formId={EDIT_FORM_ID}
      title={`Leefgebied wijzigen: ${domain.label}`}
      busy={form.busy}
      error={form.formError}
      onSubmit={onSubmit}
      onCancel={onCancel}
    >
      <DomainFields field={form.field} categoryOptions={categoryOptions} />
    </EditorForm>
  );
}

const FORM_ID = 'domain';
const FIELDS = ['label', 'key', 'group', 'category'] as const;
const EMPTY = { label: '', key: '', group: 'zrm', category: '' };

function AddDomainForm({
  categoryOptions,
  onStart,
  onCreated,
}: {
  categoryOptions: Option[];
  onStart: () => void;
  onCreated: (domain: LifeDomain) => void;
}) {
  const form = useForm(FORM_ID, FIELDS, EMPTY);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onStart();
    const parsed = createLifeDomainSchema.safeParse({ ...form.values, key: form.values.key.trim() });
    const found: FieldErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error);
    if (form.values.category === '') found.category = 'Kies een categorie';
    if (!form.validate(found) || !parsed.success) return;
    await form.submit(
      async () => {
        const domain = await api.createLifeDomain(parsed.data);
        form.setValues(EMPTY);
        onCreated(domain);
      },
      // The key is taken: say so at the field.
      conflictAt(form.validate, 'key', 'Er is al een leefgebied met deze sleutel'),
    );
  }

  return (
    <FormCard id={FORM_ID} title="Leefgebied toevoegen" error={form.formError} onSubmit={onSubmit}>
      <TextField {...form.field('label')} label="Naam" autoComplete="off" />
      <TextField
        {...form.field('key')}
        label="Sleutel"
        description="Kleine letters, cijfers en _, 2 tot 50 tekens, beginnend met een letter. De sleutel kan later niet meer veranderen."
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
      />
      <SelectField {...form.field('group')} label="Groep" options={GROUP_OPTIONS} />
      <SelectField
        {...form.field('category')}
        label="Categorie"
        description="De informatiecategorie van de autorisatiematrix die bepaalt wie dit leefgebied ziet en vastlegt"
        placeholder="Kies een categorie"
        options={categoryOptions}
      />
      <SubmitButton busy={form.busy}>Leefgebied toevoegen</SubmitButton>
    </FormCard>
  );
}
