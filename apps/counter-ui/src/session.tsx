import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

/** The signed-in user, as `login`/`me` return it. */
export interface SessionUser {
  username: string;
  displayName: string;
  roles: string[];
  policeType?: string | null;
  unitCode: string;
  unitName: string;
}

interface Session {
  token: string | null;
  user: SessionUser | null;
  signIn(token: string, user: SessionUser): void;
  signOut(): void;
}

const TOKEN_KEY = 'onewindow.token';
const USER_KEY = 'onewindow.user';
export const LOGOUT_EVENT = 'onewindow:logout';

/** The token lives in sessionStorage: closing the tab signs the clerk out (shared window PCs). */
export function storedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

function storedUser(): SessionUser | null {
  try {
    const raw = sessionStorage.getItem(USER_KEY);
    return raw ? (JSON.parse(raw) as SessionUser) : null;
  } catch {
    return null;
  }
}

export function clearSession(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(USER_KEY);
  sessionStorage.removeItem('onewindow.citizen');
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children, onSignOut }: { children: ReactNode; onSignOut?: () => void }) {
  const [token, setToken] = useState<string | null>(storedToken);
  const [user, setUser] = useState<SessionUser | null>(storedUser);

  const signIn = useCallback((t: string, u: SessionUser) => {
    sessionStorage.setItem(TOKEN_KEY, t);
    sessionStorage.setItem(USER_KEY, JSON.stringify(u));
    setToken(t);
    setUser(u);
  }, []);

  const signOut = useCallback(() => {
    clearSession();
    setToken(null);
    setUser(null);
    onSignOut?.();
  }, [onSignOut]);

  // The Apollo error link signals an expired/invalid token.
  useEffect(() => {
    const handler = () => {
      // Keep the deep link: after signing in again the user returns to it.
      const here = location.pathname + location.search;
      history.replaceState(null, '', `/login?expired=1${here.startsWith('/login') ? '' : `&next=${encodeURIComponent(here)}`}`);
      signOut();
    };
    window.addEventListener(LOGOUT_EVENT, handler);
    return () => window.removeEventListener(LOGOUT_EVENT, handler);
  }, [signOut]);

  const value = useMemo(() => ({ token, user, signIn, signOut }), [token, user, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

export function hasRole(user: SessionUser | null, ...roles: string[]): boolean {
  return !!user && user.roles.some((r) => roles.includes(r));
}
