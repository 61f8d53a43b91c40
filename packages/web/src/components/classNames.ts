/** Join class names, skipping empty ones. */
export function cx(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}

/**
 * What a Utrecht form control (textbox, select, textarea, checkbox) carries for its look and state: the
 * classes `<block>`, `<block>--<element>`, the `modifiers` and `<block>--invalid`, then `className`; and
 * `aria-invalid` while it is invalid.
 */
export function controlAttributes(
  block: string,
  element: string,
  invalid: boolean,
  className?: string,
  modifiers: ReadonlyArray<string | false> = [],
) {
  return {
    'aria-invalid': invalid || undefined,
    className: cx(
      block,
      `${block}--${element}`,
      ...modifiers.map((m) => m && `${block}--${m}`),
      invalid && `${block}--invalid`,
      className,
    ),
  };
}
