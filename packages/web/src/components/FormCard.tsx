import type { FormEvent, ReactNode } from 'react';
import { Heading, PageHeading, Paragraph } from './Heading.tsx';
import { Breadcrumb } from './Links.tsx';
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

export interface FormPageProps {
  /** The form's id. */
  id: string;
  /** The page's title: its heading and the form's name. */
  title: string;
  /** The list the page belongs to, as the breadcrumb leads back to it. */
  back: { to: string; label: string };
  /** What the form is for, above it. */
  intro: ReactNode;
  error: string | null;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}

/** A page that registers something new (a case, a meeting, a signal, a person): its form in a card. */
export function FormPage({ id, title, back, intro, error, onSubmit, children }: FormPageProps) {
  return (
    <>
      <Breadcrumb to={back.to}>{back.label}</Breadcrumb>
      <PageHeading>{title}</PageHeading>
      <Paragraph>{intro}</Paragraph>
      <SubmitForm id={id} label={title} error={error} onSubmit={onSubmit} className="wr-card">
        {children}
      </SubmitForm>
    </>
  );
}
