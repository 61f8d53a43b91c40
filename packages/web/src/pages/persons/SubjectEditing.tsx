import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { Paragraph } from '../../components/Heading.tsx';

/**
 * The "Gegevens" card's change button and the form it opens in place of the data; focus goes to the
 * form's first field on opening and back to the button on cancel. Explains when the user may not change.
 */
export function EditToggle({
  canEdit,
  what,
  view,
  form,
}: {
  /** null while it is not yet known. */
  canEdit: boolean | null;
  /** "de gegevens van deze persoon" */
  what: string;
  view: ReactNode;
  form: (close: (saved: boolean) => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) wrapRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [open]);

  if (open) {
    return (
      <div ref={wrapRef}>
        {form((saved) => {
          setOpen(false);
          if (!saved) window.setTimeout(() => buttonRef.current?.focus(), 0);
        })}
      </div>
    );
  }
  return (
    <>
      {view}
      {canEdit === true && (
        <Button ref={buttonRef} onClick={() => setOpen(true)}>
          Gegevens wijzigen
        </Button>
      )}
      {canEdit === false && (
        <Paragraph className="wr-muted">
          Je organisatie mag {what} niet wijzigen: daarvoor is schrijfrecht op basisgegevens nodig. Vraag de
          regisseur om een wijziging.
        </Paragraph>
      )}
    </>
  );
}
