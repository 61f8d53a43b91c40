import type { ReactNode } from 'react';
import { cx } from './classNames.ts';
import { describedIds, FieldMessages } from './FormField.tsx';

export interface FieldsetProps {
  id: string;
  legend: string;
  description?: ReactNode;
  error?: string | undefined;
  /** Another class of the group besides the form-fieldset ones (e.g. `wr-picker`). */
  className?: string;
  children: ReactNode;
}

/** A group of controls (checkboxes, radio buttons) with a legend and an error message for the group. */
export function Fieldset({ id, legend, description, error, className, children }: FieldsetProps) {
  const { describedBy } = describedIds(id, description, error);
  return (
    <div
      className={cx(
        'utrecht-form-fieldset',
        'wr-field',
        className,
        error && 'utrecht-form-fieldset--invalid',
      )}
    >
      <fieldset
        id={id}
        aria-describedby={describedBy}
        className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset"
      >
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          {legend}
        </legend>
        <FieldMessages id={id} description={description} error={error} />
        {children}
      </fieldset>
    </div>
  );
}
