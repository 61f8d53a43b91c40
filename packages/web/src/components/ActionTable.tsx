import { ACTION_STATUS_LABELS, type Action, type UpdateAction } from '@wijkregie/shared';
import { type FormEvent, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { formatDate } from '../lib/format.ts';
import { type Names, partnerName } from '../lib/reference.ts';
import { apiErrorToSubmitErrors, type FieldErrors } from '../lib/validation.ts';
import { ErrorAlert } from './Alert.tsx';
import { Button, ButtonGroup } from './Button.tsx';
import { cx } from './classNames.ts';
import { DateField, TextareaField } from './fields.tsx';
import { Paragraph } from './Heading.tsx';
import { TextLink } from './Links.tsx';
import { EditButton, EditorCard, useRowEditor } from './RowEditor.tsx';
import type { TableSorting } from './Sorting.tsx';
import { DataTable } from './Table.tsx';
import { VisuallyHidden } from './VisuallyHidden.tsx';

/** Status text with "te laat" spelled out, so that overdue is never shown by colour alone. */
export function ActionStatusBadge({ action }: { action: Action }) {
  if (action.overdue) {
    return (
      <span className="wr-badge wr-badge--overdue">
        <span aria-hidden="true">! </span>Te laat
      </span>
    );
  }
  return (
    <span className={cx('wr-badge', `wr-badge--action-${action.status}`)}>
      {ACTION_STATUS_LABELS[action.status] ?? action.status}
    </span>
  );
}

export interface ActionTableProps {
  caption: string;
  actions: readonly Action[];
  partnerNames: Names;
  /** Show the case reference column (not on the case page itself). */
  showCase?: boolean;
  empty?: string;
  onChanged: (action: Action, message: string) => void;
  /** Makes the title, due date and status headers sort the list (the Acties page). */
  sorting?: TableSorting;
  /** The list's order without a choice, in words. */
  usualOrder?: string;
}

/** Actions in a table; the ones the user may change get a "Bijwerken" button that opens a form below. */
export function ActionTable({
  caption,
  actions,
  partnerNames,
  showCase = true,
  empty = 'Er zijn geen acties.',
  onChanged,
  sorting,
  usualOrder,
}: ActionTableProps) {
  const editor = useRowEditor((id) => `action-edit-${id}`, { editorId: 'action-editor' });
  const editing = actions.find((a) => a.id === editor.editing) ?? null;

  return (
    <>
      <DataTable
        caption={caption}
        rows={actions}
        empty={empty}
        sorting={sorting}
        usualOrder={usualOrder}
        columns={[
          { header: 'Actie', sort: 'title', cell: (a) => <span className="wr-action-title">{a.title}</span> },
          ...(showCase
            ? [
                {
                  header: 'Casus',
                  cell: (a: Action) => (
                    <TextLink nowrap to={`/casussen/${a.caseId}`}>
                      {a.caseReference}
                    </TextLink>
                  ),
                },
              ]
            : []),
          { header: 'Organisatie', cell: (a) => partnerName(partnerNames, a.ownerPartnerId) },
          {
            header: 'Uitvoerder',
            cell: (a) => a.assigneeName ?? <span className="wr-muted">Nog niemand</span>,
          },
          {
            header: 'Termijn',
            sort: 'dueDate',
            cell: (a) => (
              <span className={cx('wr-nowrap', a.overdue && 'wr-overdue')}>{formatDate(a.dueDate)}</span>
            ),
          },
          {
            header: 'Status',
            sort: 'status',
            cell: (a) => (
              <>
                <ActionStatusBadge action={a} />
                {a.result && <p className="utrecht-paragraph wr-action-result">Resultaat: {a.result}</p>}
              </>
            ),
          },
          {
            header: 'Wijzigen',
            cell: (a) =>
              a.canEdit ? (
                <EditButton {...editor.button(a.id)}>
                  Bijwerken<VisuallyHidden> actie {a.title}</VisuallyHidden>
                </EditButton>
              ) : (
                <span className="wr-muted">Alleen lezen</span>
              ),
          },
        ]}
      />
      {editing && (
        <ActionEditor
          key={editing.id}
          action={editing}
          onCancel={editor.close}
          onSaved={(saved, message) => {
            editor.close();
            onChanged(saved, message);
          }}
        />
      )}
    </>
  );
}

interface ActionEditorProps {
  action: Action;
  onCancel: () => void;
  onSaved: (action: Action, message: string) => void;
}

/** Mark an action done (with its result), let it lapse, reopen it, or move its due date. */
function ActionEditor({ action, onCancel, onSaved }: ActionEditorProps) {
  const [result, setResult] = useState(action.result ?? '');
  const [dueDate, setDueDate] = useState(action.dueDate.slice(0, 10));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function save(kind: string, input: UpdateAction, message: string) {
    setFormError(null);
    setFieldErrors({});
    setBusy(kind);
    try {
      const saved = await api.updateAction(action.id, input);
      onSaved(saved, message);
    } catch (error) {
      const errors = apiErrorToSubmitErrors(error, ['result', 'dueDate', 'status']);
      setFormError(errors.form);
      setFieldErrors(errors.fields);
      setBusy(null);
    }
  }

  function done(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = result.trim();
    void save(
      'done',
      { status: 'done', ...(text ? { result: text } : {}) },
      `De actie „${action.title}” is afgerond.`,
    );
  }

  const open = action.status === 'open';
  return (
    <EditorCard
      id="action-editor"
      headingId="action-editor-heading"
      title={`Actie bijwerken: ${action.title}`}
    >
      <Paragraph className="wr-muted">
        Casus {action.caseReference}, termijn {formatDate(action.dueDate)}, status{' '}
        {ACTION_STATUS_LABELS[action.status].toLowerCase()}
        {action.overdue ? ' (te laat)' : ''}.
      </Paragraph>
      <ErrorAlert message={formError} />
      {open ? (
        <form id="action-done" aria-label="Actie afronden" noValidate onSubmit={done} className="wr-form">
          <TextareaField
            id="action-done-result"
            label="Resultaat (optioneel)"
            description="Wat is er gedaan of bereikt?"
            error={fieldErrors.result}
            name="result"
            rows={3}
            value={result}
            onValue={setResult}
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action" busy={busy === 'done'} disabled={busy !== null}>
              Markeer als gedaan
            </Button>
            <Button
              busy={busy === 'cancel'}
              disabled={busy !== null}
              onClick={() =>
                void save('cancel', { status: 'cancelled' }, `De actie „${action.title}” is vervallen.`)
              }
            >
              Actie laten vervallen
            </Button>
          </ButtonGroup>
        </form>
      ) : (
        <ButtonGroup>
          <Button
            busy={busy === 'reopen'}
            disabled={busy !== null}
            onClick={() => void save('reopen', { status: 'open' }, `De actie „${action.title}” is heropend.`)}
          >
            Actie heropenen
          </Button>
        </ButtonGroup>
      )}
      {open && (
        <form
          id="action-due"
          aria-label="Termijn wijzigen"
          noValidate
          className="wr-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!dueDate) {
              setFieldErrors({ dueDate: 'Vul een termijn in' });
              document.getElementById('action-due-dueDate')?.focus();
              return;
            }
            void save('due', { dueDate }, `De termijn van „${action.title}” is nu ${formatDate(dueDate)}.`);
          }}
        >
          <DateField
            id="action-due-dueDate"
            label="Nieuwe termijn"
            error={fieldErrors.dueDate}
            name="dueDate"
            value={dueDate}
            onValue={setDueDate}
          />
          <Button type="submit" busy={busy === 'due'} disabled={busy !== null}>
            Termijn wijzigen
          </Button>
        </form>
      )}
      <Button appearance="subtle" onClick={onCancel}>
        Sluiten
      </Button>
    </EditorCard>
  );
}
