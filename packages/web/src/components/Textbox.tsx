import type { InputHTMLAttributes, Ref } from 'react';
import { controlAttributes } from './classNames.ts';

export interface TextboxProps extends InputHTMLAttributes<HTMLInputElement> {
  invalid?: boolean;
  ref?: Ref<HTMLInputElement>;
}

export function Textbox({ invalid = false, className, type = 'text', ...rest }: TextboxProps) {
  return (
    <input
      type={type}
      {...controlAttributes('utrecht-textbox', 'html-input', invalid, className, [
        type === 'password' && 'password',
      ])}
      {...rest}
    />
  );
}
