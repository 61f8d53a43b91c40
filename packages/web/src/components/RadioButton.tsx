import type { InputHTMLAttributes } from 'react';
import { cx } from './classNames.ts';

export interface RadioButtonProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  id: string;
  label: string;
  invalid?: boolean;
}

/** A radio button with its label, laid out as an NL Design System radio form field. */
export function RadioButton({ id, label, invalid = false, className, ...rest }: RadioButtonProps) {
  return (
    <div className={cx('utrecht-form-field', 'utrecht-form-field--radio', 'wr-checkbox', className)}>
      <div className="utrecht-form-field__input">
        <input
          id={id}
          type="radio"
          aria-invalid={invalid || undefined}
          className={cx(
            'utrecht-radio-button',
            'utrecht-radio-button--html-input',
            invalid && 'utrecht-radio-button--invalid',
          )}
          {...rest}
        />
      </div>
      <div className="utrecht-form-field__label">
        <label htmlFor={id} className="utrecht-form-label utrecht-form-label--radio">
          {label}
        </label>
      </div>
    </div>
  );
}
