import type { InputHTMLAttributes, Ref } from 'react';
import { cx } from './classNames.ts';

export interface TextboxProps extends InputHTMLAttributes<HTMLInputElement> {
  invalid?: boolean;
  ref?: Ref<HTMLInputElement>;
}

export function Textbox({ invalid = false, className, type = 'text', ...rest }: TextboxProps) {
  return (
    <input
      type={type}
      aria-invalid={invalid || undefined}
      className={cx(
        'utrecht-textbox',
        'utrecht-textbox--html-input',
        type === 'password' && 'utrecht-textbox--password',
        invalid && 'utrecht-textbox--invalid',
        className,
      )}
      {...rest}
    />
  );
}
