import type { ReactNode } from 'react';
import { cx } from './classNames.ts';

export type AlertType = 'info' | 'ok' | 'warning' | 'error';

export interface AlertProps {
  type?: AlertType;
  /** `alert` for errors that need attention now; `status` for polite confirmations; none for static text. */
  role?: 'alert' | 'status';
  heading?: string;
  children: ReactNode;
  id?: string;
}

export function Alert({ type = 'info', role, heading, children, id }: AlertProps) {
  return (
    <div id={id} role={role} className={cx('utrecht-alert', `utrecht-alert--${type}`, 'wr-alert')}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          {heading && <p className="utrecht-paragraph wr-alert__heading">{heading}</p>}
          <div className="utrecht-paragraph">{children}</div>
        </div>
      </div>
    </div>
  );
}

/**
 * A polite live region that is always in the document, so that a message put into it is announced.
 * Shows an "ok" alert when there is a message.
 */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <div role="status" className="wr-status">
      {message && <Alert type="ok">{message}</Alert>}
    </div>
  );
}

/** An error that needs attention now (role alert); nothing when there is no message. */
export function ErrorAlert({ message, heading }: { message: string | null | undefined; heading?: string }) {
  if (!message) return null;
  return (
    <Alert type="error" role="alert" heading={heading}>
      {message}
    </Alert>
  );
}
