import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { Button } from './Button.tsx';
import { Heading } from './Heading.tsx';

/**
 * Which row of a table has its editor open below the table. Closing it puts the focus back on the row's
 * button (`buttonId(key)`), so keyboard users continue where they were.
 */
export function useRowEditor(buttonId: (key: string) => string) {
  const [editing, setEditing] = useState<string | null>(null);
  function close() {
    const key = editing;
    setEditing(null);
    if (key) requestAnimationFrame(() => document.getElementById(buttonId(key))?.focus());
  }
  const toggle = (key: string) => setEditing(editing === key ? null : key);
  return { editing, close, toggle };
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
