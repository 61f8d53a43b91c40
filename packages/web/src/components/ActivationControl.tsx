import { type ReactNode, useState } from 'react';
import { Button, ButtonGroup } from './Button.tsx';
import { Paragraph } from './Heading.tsx';

interface ActivationControlProps {
  /** What is (de)activated, as the buttons name it: `Partner`, `Gebruiker`. */
  noun: string;
  active: boolean;
  busy: boolean;
  /** What deactivating does, shown before the admin confirms it. */
  consequences: ReactNode;
  /** Asked to change the state; resolves when done (failures are the form's message). */
  onSetActive: (active: boolean) => Promise<void>;
}

/**
 * Deactivating (after a confirmation that says what follows) or activating again, the same for
 * users and partners in the admin pages.
 */
export function ActivationControl({ noun, active, busy, consequences, onSetActive }: ActivationControlProps) {
  const [confirming, setConfirming] = useState(false);
  if (!active) {
    return (
      <Button busy={busy} disabled={busy} onClick={() => void onSetActive(true)}>
        {noun} weer activeren
      </Button>
    );
  }
  if (!confirming) return <Button onClick={() => setConfirming(true)}>{noun} deactiveren</Button>;
  return (
    <div className="wr-card">
      <Paragraph>{consequences} Deactiveren?</Paragraph>
      <ButtonGroup>
        <Button
          appearance="primary-action"
          busy={busy}
          disabled={busy}
          onClick={() => void onSetActive(false)}
        >
          Ja, deactiveren
        </Button>
        <Button onClick={() => setConfirming(false)}>Nee</Button>
      </ButtonGroup>
    </div>
  );
}
