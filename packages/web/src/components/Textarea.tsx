import type { Ref, TextareaHTMLAttributes } from 'react';
import { controlAttributes } from './classNames.ts';

export interface TextareaProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  invalid?: boolean;
  ref?: Ref<HTMLTextAreaElement>;
}

export function Textarea({ invalid = false, className, rows = 5, ...rest }: TextareaProps) {
  return (
    <textarea
      rows={rows}
      {...controlAttributes('utrecht-textarea', 'html-textarea', invalid, className)}
      {...rest}
    />
  );
}
