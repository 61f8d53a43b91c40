import { type FormEvent, type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { focusSoon } from '../lib/focus.ts';
import { Button, ButtonGroup, SubmitButton } from './Button.tsx';
import { Heading } from './Heading.tsx';
import { SubmitForm } from './SubmitForm.tsx';
import type { Column } from './Table.tsx';
import { VisuallyHidden } from './VisuallyHidden.tsx';

export interface RowEditorOptions {
  /** The id of the editor below the table (see `EditorCard`). */
  editorId: string;
  /** Called before a row's button opens or closes its editor (e.g. to clear the last status message). */
  onToggle?: () => void;
}

/**
 * Which row of a table has its editor open below the table. Closing it puts the focus back on the row's
 * button (`buttonId(key)`), so keyboard users continue where they were. `button(key)` gives a row's
 * EditButton its id, state and click handler.
 */
export function useRowEditor(buttonId: (key: string) => string, { editorId, onToggle }: RowEditorOptions) {
  const [editing, setEditing] = useState<string | null>(null);
  function close() {
    const key = editing;
    setEditing(null);
    if (key) focusSoon(buttonId(key));
  }
  const toggle = (key: string) => setEditing(editing === key ? null : key);
  const button = (key: string) => ({
    id: buttonId(key),
    open: editing === key,
    editorId,
    onClick: () => {
      onToggle?.();
      toggle(key);
    },
  });
  return { editing, close, toggle, button };
}

export interface EditButtonProps {
  id: string;
  /** The editor of this row is open; it is the element `editorId`. */
  open: boolean;
  editorId: string;
  onClick: () => void;
  children: ReactNode;
}

/** The button in a row that opens (or closes) its editor below the table. */
export function EditButton({ id, open, editorId, onClick, children }: EditButtonProps) {
  return (
    <Button
      id={id}
      appearance="subtle"
      className="wr-nowrap"
      aria-expanded={open}
      aria-controls={open ? editorId : undefined}
      onClick={onClick}
    >
      {children}
    </Button>
  );
}

/**
 * The "Wijzigen" column of a table whose rows open their editor (`useRowEditor`); `what` names the row
 * for a screen reader ("leefgebied Wonen").
 */
export function editColumn<T>(
  editor: { button: (key: string) => Omit<EditButtonProps, 'children'> },
  keyOf: (row: T) => string,
  what: (row: T) => string,
): Column<T> {
  return {
    header: 'Wijzigen',
    cell: (row) => (
      <EditButton {...editor.button(keyOf(row))}>
        Wijzigen<VisuallyHidden> {what(row)}</VisuallyHidden>
      </EditButton>
    ),
  };
}

export interface EditorCardProps {
  id: string;
  headingId: string;
  title: ReactNode;
  /** Escape closes the editor (unless it is busy). */
  onEscape?: () => void;
  children: ReactNode;
}

/** The editor of a row, below the table; its heading takes the focus when it opens. */
export function EditorCard({ id, headingId, title, onEscape, children }: EditorCardProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === 'Escape' && onEscape) {
      event.preventDefault();
      onEscape();
    }
  }

  return (
    <section
      id={id}
      className="wr-card wr-action-editor"
      aria-labelledby={headingId}
      onKeyDown={onEscape ? onKeyDown : undefined}
    >
      <Heading level={3} id={headingId} ref={headingRef} tabIndex={-1} className="wr-focus-target">
        {title}
      </Heading>
      {children}
    </section>
  );
}

export interface EditorFormProps {
  /** The editor's id (the `editorId` of the rows' buttons). */
  id: string;
  /** The form's id; its heading is `<formId>-heading`. */
  formId: string;
  title: ReactNode;
  busy: boolean;
  error: string | null;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** Annuleren, and Escape while the form is not busy, close the editor. */
  onCancel: () => void;
  children: ReactNode;
}

/** A row's editor that is one form: its fields, then "Wijzigingen opslaan" and "Annuleren". */
export function EditorForm({
  id,
  formId,
  title,
  busy,
  error,
  onSubmit,
  onCancel,
  children,
}: EditorFormProps) {
  const headingId = `${formId}-heading`;
  return (
    <EditorCard id={id} headingId={headingId} title={title} onEscape={busy ? undefined : onCancel}>
      <SubmitForm id={formId} labelledBy={headingId} error={error} onSubmit={onSubmit}>
        {children}
        <ButtonGroup>
          <SubmitButton busy={busy}>Wijzigingen opslaan</SubmitButton>
          <Button appearance="subtle" disabled={busy} onClick={onCancel}>
            Annuleren
          </Button>
        </ButtonGroup>
      </SubmitForm>
    </EditorCard>
  );
}
