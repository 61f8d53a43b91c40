import type { Ref, TextareaHTMLAttributes } from 'react';
import { cx } from './classNames.ts';

export interface TextareaProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  invalid?: boolean;
  ref?: Ref<HTMLTextAreaElement>;
}

export function Textarea({ invalid = false, className, rows = 5, ...rest }: TextareaProps) {
  return (
    <textarea
      rows={rows}
      aria-invalid={invalid || undefined}
      className={cx(
        'utrecht-textarea',
        'utrecht-textarea--html-textarea',
        invalid && 'utrecht-textarea--invalid',
        className,
      )}
      {...rest}
    />
  );
}
