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

/** Label, optional description, error message and the control, linked with for/aria-describedby. */
export function FormField({ id, label, description, error, children }: FormFieldProps) {
  const { descriptionId, errorId, describedBy } = describedIds(id, description, error);
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
      {description && (
        <div id={descriptionId} className="utrecht-form-field__description utrecht-form-field-description">
          {description}
        </div>
      )}
      {error && (
        <div id={errorId} className="utrecht-form-field__error-message utrecht-form-field-error-message">
          {error}
        </div>
      )}
      <div className="utrecht-form-field__input">
        {children({ id, 'aria-describedby': describedBy, invalid: Boolean(error) })}
      </div>
    </div>
  );
}
