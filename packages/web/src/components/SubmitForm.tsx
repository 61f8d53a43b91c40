import type { FormEvent, ReactNode } from 'react';
import { ErrorAlert } from './Alert.tsx';
import { cx } from './classNames.ts';

export interface SubmitFormProps {
  id: string;
  /** The id of the heading that names the form; `<id>-heading` by default. */
  labelledBy?: string;
  /** The form's name when no heading names it. */
  label?: string;
  /** The message of the last failed submit, an alert above the form. */
  error: string | null;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  className?: string;
  children: ReactNode;
}

/** A form that checks its fields itself (no browser validation), with the message of a failed submit above it. */
export function SubmitForm({ id, labelledBy, label, error, onSubmit, className, children }: SubmitFormProps) {
  return (
    <>
      <ErrorAlert message={error} />
      <form
        id={id}
        aria-label={label}
        aria-labelledby={label ? undefined : (labelledBy ?? `${id}-heading`)}
        noValidate
        onSubmit={onSubmit}
        className={cx('wr-form', className)}
      >
        {children}
      </form>
    </>
  );
}
