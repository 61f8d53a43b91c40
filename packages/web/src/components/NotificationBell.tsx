import { alertLabel } from '@wijkregie/shared';
import { NavLink } from 'react-router-dom';
import { bellLabel, useAlerts } from '../lib/alerts.tsx';

/**
 * The link to the notifications with the unread count, kept current by the alert stream. Its name reads
 * "Notificaties, 3 ongelezen" (the visible "Notificaties 3" in words); a polite live region (not role=status, so pages keep one status region)
 * announces each new alert.
 */
export function NotificationBell() {
  const { enabled, unread, latest, arrivals } = useAlerts();
  if (!enabled) return null;
  const count = unread ?? 0;
  return (
    <div className="wr-bell">
      <NavLink
        to="/notificaties"
        aria-label={bellLabel(unread)}
        className={({ isActive }) =>
          `utrecht-nav-list__link wr-nav__link wr-bell__link${isActive ? ' wr-nav__link--current' : ''}`
        }
      >
        <svg className="wr-bell__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        Notificaties
        {count > 0 && <span className="wr-bell__count">{count}</span>}
      </NavLink>
      <div className="wr-visually-hidden" aria-live="polite">
        {arrivals > 0 && latest
          ? `Nieuwe notificatie: ${alertLabel(latest)}${latest.caseReference ? ` bij casus ${latest.caseReference}` : ''}.`
          : ''}
      </div>
    </div>
  );
}
