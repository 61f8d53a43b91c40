import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';

/** What a page may pass in the router state when it sends the user to another page. */
export interface FlashState {
  message?: string;
}

/**
 * A message handed over in the router state ("Casus 2026-0001 is aangemaakt."), put into the page's
 * live region just after the page has rendered (so that screen readers announce it), and then removed
 * from the history entry so that a reload does not show it again.
 */
export function useFlashMessage(): [string | null, (message: string | null) => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const flash = (location.state as FlashState | null)?.message;

  useEffect(() => {
    if (!flash) return;
    setPending(flash);
    void navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }, [flash, navigate, location.pathname, location.search]);

  useEffect(() => {
    if (!pending) return undefined;
    const timer = window.setTimeout(() => {
      setMessage(pending);
      setPending(null);
    }, 150);
    return () => window.clearTimeout(timer);
  }, [pending]);

  return [message, setMessage];
}

/** Goes to another page with a message for its live region (see `useFlashMessage`). */
export function useNavigateWithMessage(): (to: string, message: string) => void {
  const navigate = useNavigate();
  return (to, message) => {
    const state: FlashState = { message };
    void navigate(to, { state });
  };
}
