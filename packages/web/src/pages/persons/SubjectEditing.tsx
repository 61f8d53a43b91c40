import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { Paragraph } from '../../components/Heading.tsx';
import { Section } from '../../components/Section.tsx';

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

/**
 * The "Gegevens" card of a person's, household's, group's or location's page: the data, and the form that
 * changes them (see EditToggle). After saving, the page says so (`onChanged`) and the card's heading takes
 * the focus.
 */
export function SubjectDataSection({
  id,
  canEdit,
  what,
  view,
  form,
  onChanged,
}: {
  id: string;
  canEdit: boolean | null;
  what: string;
  view: ReactNode;
  form: (actions: { onCancel: () => void; onSaved: () => void }) => ReactNode;
  onChanged: (text: string) => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  return (
    <Section id={id} title="Gegevens" className="wr-card" headingRef={heading} focusable>
      <EditToggle
        canEdit={canEdit}
        what={what}
        view={view}
        form={(close) =>
          form({
            onCancel: () => close(false),
            onSaved: () => {
              close(true);
              onChanged('De gegevens zijn opgeslagen. De vorige waarden staan bij Wijzigingen.');
              heading.current?.focus();
            },
          })
        }
      />
    </Section>
  );
}
