import type { InputHTMLAttributes } from 'react';
import { cx } from './classNames.ts';

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  id: string;
  label: string;
  invalid?: boolean;
}

/** A checkbox with its label, laid out as an NL Design System checkbox form field. */
export function Checkbox({ id, label, invalid = false, className, ...rest }: CheckboxProps) {
  return (
    <div className={cx('utrecht-form-field', 'utrecht-form-field--checkbox', 'wr-checkbox', className)}>
      <div className="utrecht-form-field__input">
        <input
          id={id}
          type="checkbox"
          aria-invalid={invalid || undefined}
          className={cx(
            'utrecht-checkbox',
            'utrecht-checkbox--html-input',
            invalid && 'utrecht-checkbox--invalid',
          )}
          {...rest}
        />
      </div>
      <div className="utrecht-form-field__label">
        <label htmlFor={id} className="utrecht-form-label utrecht-form-label--checkbox">
          {label}
        </label>
      </div>
    </div>
  );
}
