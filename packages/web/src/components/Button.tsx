import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';
import { cx } from './classNames.ts';

export type ButtonAppearance = 'primary-action' | 'secondary-action' | 'subtle';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  appearance?: ButtonAppearance;
  busy?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

export function Button({
  appearance = 'secondary-action',
  busy = false,
  className,
  type = 'button',
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      aria-busy={busy || undefined}
      className={cx(
        'utrecht-button',
        `utrecht-button--${appearance}`,
        type === 'submit' && 'utrecht-button--submit',
        busy && 'utrecht-button--busy',
        rest.disabled && 'utrecht-button--disabled',
        className,
      )}
      {...rest}
    >
      {children}
    </button>
  );
}

export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="utrecht-button-group wr-button-group">{children}</div>;
}

/** The submit button of a form: busy (and not clickable again) while the form is being sent. */
export function SubmitButton({ busy = false, appearance = 'primary-action', ...rest }: ButtonProps) {
  return <Button type="submit" appearance={appearance} busy={busy} disabled={busy} {...rest} />;
}
