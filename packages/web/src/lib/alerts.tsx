import type { Alert, User } from '@wijkregie/shared';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api } from '../api/endpoints.ts';

/**
 * What an alert is about, as a link: the case (with its reference), the area approach, or the signal —
 * the same on the start page and the notifications page.
 */
export function alertSubject(alert: Alert): { to: string; label: string } {
  if (alert.caseId) return { to: `/casussen/${alert.caseId}`, label: alert.caseReference ?? 'Casus' };
  if (alert.approachId) return { to: `/wijkbeeld/aanpak/${alert.approachId}`, label: 'Wijkaanpak' };
  return { to: `/signalen/${alert.signalId}`, label: 'Signaal' };
}

/** Only the people who work on cases get SITRAP alerts. */
export function receivesAlerts(user: User): boolean {
  return user.roles.includes('regisseur') || user.roles.includes('professional');
}

interface AlertsContextValue {
  /** Whether the signed-in user gets alerts at all. */
  enabled: boolean;
  /** The number of unread alerts; null until it is known. */
  unread: number | null;
  /** The newest alert that arrived through the stream, and a counter that changes with every arrival. */
  latest: Alert | null;
  arrivals: number;
  /** Ask the server for the unread count again (after marking alerts read). */
  refresh: () => void;
}

const AlertsContext = createContext<AlertsContextValue>({
  enabled: false,
  unread: null,
  latest: null,
  arrivals: 0,
  refresh: () => {},
});

const STREAM_URL = '/api/v1/alerts/stream';
/** Waits before opening the stream again after the server closed it: 2 s, 4 s, … at most 60 s. */
const RETRY_MIN_MS = 2_000;
const RETRY_MAX_MS = 60_000;

/**
 * Keeps the unread count of the signed-in user current: loads it, then listens to the alert stream
 * (Server-Sent Events). The browser reconnects by itself after a network error; when the server ends
 * the stream for good (EventSource closed) we open a new one after a growing pause. After every
 * (re)connect the count is loaded again, so alerts missed while disconnected are counted too.
 */
export function AlertsProvider({ user, children }: { user: User; children: ReactNode }) {
  const enabled = receivesAlerts(user);
  const [unread, setUnread] = useState<number | null>(null);
  const [latest, setLatest] = useState<Alert | null>(null);
  const [arrivals, setArrivals] = useState(0);
  const [version, setVersion] = useState(0);

  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: version re-runs the load on refresh().
  useEffect(() => {
    if (!enabled) return undefined;
    const controller = new AbortController();
    api
      .unreadAlerts(controller.signal)
      .then((list) => setUnread(list.unread))
      .catch(() => {
        // The count stays as it was; the next event or refresh tries again.
      });
    return () => controller.abort();
  }, [enabled, version]);

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return undefined;
    let source: EventSource | null = null;
    let timer: number | undefined;
    let delay = RETRY_MIN_MS;
    let stopped = false;

    const onAlert = (event: MessageEvent<string>) => {
      // An alert that counts up ("3 nieuwe notities") was unread already: it changes no count.
      let counted = true;
      try {
        const alert = JSON.parse(event.data) as Alert;
        counted = !(alert.count > 1);
        setLatest(alert);
      } catch {
        // An event we cannot read still means something arrived.
      }
      if (counted) setUnread((n) => (n === null ? n : n + 1));
      setArrivals((n) => n + 1);
    };

    const connect = () => {
      if (stopped) return;
      source = new EventSource(STREAM_URL, { withCredentials: true });
      source.addEventListener('alert', onAlert as EventListener);
      source.addEventListener('open', () => {
        delay = RETRY_MIN_MS;
        setVersion((v) => v + 1);
      });
      source.addEventListener('error', () => {
        if (!source || source.readyState !== EventSource.CLOSED) return;
        source.close();
        timer = window.setTimeout(connect, delay);
        delay = Math.min(delay * 2, RETRY_MAX_MS);
      });
    };
    connect();

    return () => {
      stopped = true;
      window.clearTimeout(timer);
      source?.close();
    };
  }, [enabled]);

  const value = useMemo(
    () => ({ enabled, unread, latest, arrivals, refresh }),
    [enabled, unread, latest, arrivals, refresh],
  );
  return <AlertsContext.Provider value={value}>{children}</AlertsContext.Provider>;
}

export function useAlerts(): AlertsContextValue {
  return useContext(AlertsContext);
}

/** "Notificaties, 3 ongelezen" — the accessible name of the bell. */
export function bellLabel(unread: number | null): string {
  if (unread === null || unread === 0) return 'Notificaties, geen ongelezen';
  return `Notificaties, ${unread} ongelezen`;
}
