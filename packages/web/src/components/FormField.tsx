import type { ReactNode } from 'react';
import { cx } from './classNames.ts';

/** The attributes a control needs to be tied to its label, description and error message. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  invalid: boolean;
}

export interface FormFieldProps {
  id: string;
  label: string;
  description?: ReactNode;
  error?: string | undefined;
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * The ids of a field's description and error message (`<id>-description`, `<id>-error`) when it has
 * them, and the `aria-describedby` of its control that names both.
 */
export function describedIds(id: string, description: ReactNode, error: string | undefined) {
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
  return { descriptionId, errorId, describedBy };
}

/**
 * A field's (or group's) description and error message, with the ids `describedIds` gives them; `part`
 * also names them as parts of a form field (`utrecht-form-field__description`, …).
 */
export function FieldMessages({
  id,
  description,
  error,
  part = false,
}: {
  id: string;
  description: ReactNode;
  error: string | undefined;
  part?: boolean;
}) {
  const { descriptionId, errorId } = describedIds(id, description, error);
  return (
    <>
      {description && (
        <div
          id={descriptionId}
          className={cx(part && 'utrecht-form-field__description', 'utrecht-form-field-description')}
        >
          {description}
        </div>
      )}
      {error && (
        <div
          id={errorId}
          className={cx(part && 'utrecht-form-field__error-message', 'utrecht-form-field-error-message')}
        >
          {error}
        </div>
      )}
    </>
  );
}

/** Label, optional description, error message and the control, linked with for/aria-describedby. */
export function FormField({ id, label, description, error, children }: FormFieldProps) {
  const { describedBy } = describedIds(id, description, error);
  return (
    <div
      className={cx(
        'utrecht-form-field',
        'utrecht-form-field--text',
        'wr-field',
        error && 'utrecht-form-field--invalid',
      )}
    >
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      <FieldMessages id={id} description={description} error={error} part />
      <div className="utrecht-form-field__input">
        {children({ id, 'aria-describedby': describedBy, invalid: Boolean(error) })}
      </div>
    </div>
  );
}
