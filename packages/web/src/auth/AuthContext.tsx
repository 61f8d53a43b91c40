import type { User } from '@wijkregie/shared';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, setUnauthorizedHandler } from '../api/client.ts';
import { api } from '../api/endpoints.ts';

export const SESSION_EXPIRED_MESSAGE = 'Je sessie is verlopen, log opnieuw in';

/** What the login page receives in the router state: the page to return to after logging in. */
export interface LoginState {
  from?: string;
}

type AuthStatus = 'loading' | 'authenticated' | 'anonymous' | 'error';

interface AuthContextValue {
  status: AuthStatus;
  user: User | null;
  /** A message for the login page, such as "your session expired". */
  notice: string | null;
  /**
   * The user's role requires tweestapsverificatie and they have not set it up: the session may only
   * enrol, so <RequireAuth> shows the enrolment instead of the app.
   */
  mustEnrolTotp: boolean;
  /** Set after a successful POST /session. */
  signedIn: (user: User, mustEnrolTotp?: boolean) => void;
  /** The forced enrolment is done: the session may now do everything. */
  enrolled: () => void;
  logout: () => Promise<void>;
  retry: () => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [status, setStatus] = useState<AuthStatus>('loading');
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [mustEnrolTotp, setMustEnrolTotp] = useState(false);

  // Ask the server whether a session exists (the cookie is HttpOnly, so only it knows).
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt re-runs the check on retry.
  useEffect(() => {
    const controller = new AbortController();
    setStatus('loading');
    api
      .getSession(controller.signal)
      .then(({ user: current, mustEnrolTotp: mustEnrol }) => {
        setUser(current);
        setMustEnrolTotp(mustEnrol === true);
        setStatus('authenticated');
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setUser(null);
        setStatus(error instanceof ApiError && error.status === 401 ? 'anonymous' : 'error');
      });
    return () => controller.abort();
  }, [attempt]);

  // A 401 on any other call means the session ended on the server. <RequireAuth> then sends the user
  // to /login (remembering the page), where the notice is shown.
  useEffect(() => {
    setUnauthorizedHandler(() => {
      setNotice(SESSION_EXPIRED_MESSAGE);
      setUser(null);
      setStatus('anonymous');
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  const signedIn = useCallback((next: User, mustEnrol = false) => {
    setNotice(null);
    setUser(next);
    setMustEnrolTotp(mustEnrol);
    setStatus('authenticated');
  }, []);

  // After logging out, load the login page afresh: nothing of the previous session (lists of people,
  // partners, users) stays in the browser's memory.
  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      window.location.replace('/login');
    }
  }, []);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const enrolled = useCallback(() => setMustEnrolTotp(false), []);

  const value = useMemo(
    () => ({ status, user, notice, mustEnrolTotp, signedIn, enrolled, logout, retry }),
    [status, user, notice, mustEnrolTotp, signedIn, enrolled, logout, retry],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const context = useContext(AuthContext);
  if (!context) throw new Error('useAuth must be used inside <AuthProvider>');
  return context;
}

/** The signed-in user; only for components rendered behind <RequireAuth>. */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useUser called without a signed-in user');
  return user;
}
