import type { FormEvent, ReactNode } from 'react';
import { Heading } from './Heading.tsx';
import { SubmitForm } from './SubmitForm.tsx';

export interface FormCardProps {
  /** The form's id; its heading is `<id>-form-heading`. */
  id: string;
  title: string;
  error: string | null;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}

/** A form to add something below a list (a partner, a user, a rule), named by its heading. */
export function FormCard({ id, title, error, onSubmit, children }: FormCardProps) {
  const headingId = `${id}-form-heading`;
  return (
    <section className="wr-card wr-form-card">
      <Heading level={2} id={headingId}>
        {title}
      </Heading>
      <SubmitForm id={id} labelledBy={headingId} error={error} onSubmit={onSubmit}>
        {children}
      </SubmitForm>
    </section>
  );
}
