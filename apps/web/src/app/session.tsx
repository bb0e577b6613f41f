import type { Ability, Me } from '@taotai/shared';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, onSessionEvent } from '../shared/api.ts';

interface Session {
  /** undefined while the first /auth/me is in flight; null when nobody is logged in. */
  me: Me | null | undefined;
  /** Why the user was sent to the login page, if it was not their own choice. */
  expired: boolean;
  setMe: (me: Me | null) => void;
  refresh: () => Promise<Me | null>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMeState] = useState<Me | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const m = await api.get<Me>('/auth/me');
      setMeState(m);
      return m;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        setMeState(null);
        return null;
      }
      throw e;
    }
  }, []);

  useEffect(() => {
    // The public site (/public) has no session: asking /auth/me there would only answer 401. Its links
    // back into the office app are full page loads, so the check runs there.
    if (window.location.pathname.startsWith('/public')) {
      setMeState(null);
      return;
    }
    refresh().catch(() => setMeState(null));
  }, [refresh]);

  useEffect(
    () =>
      onSessionEvent((e) => {
        if (e === 'unauthorized') {
          setMeState((cur) => {
            if (cur) setExpired(true);
            return null;
          });
        } else {
          setMeState((cur) => (cur ? { ...cur, mustChangePassword: true } : cur));
        }
      }),
    [],
  );

  const setMe = useCallback((m: Me | null) => {
    setExpired(false);
    setMeState(m);
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } finally {
      setExpired(false);
      setMeState(null);
    }
  }, []);

  const value = useMemo(() => ({ me, expired, setMe, refresh, logout }), [me, expired, setMe, refresh, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The logged-in user; only for pages behind RequireAuth. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a session');
  return me;
}

/** The user's own region as a form default; an administrator's "全国" is not a selectable region. */
export function useOwnRegion(): string | undefined {
  const me = useMe();
  return me.role === 'admin' || me.role === 'national_auditor' ? undefined : me.regionCode;
}

export function useCan(): (ability: Ability) => boolean {
  const { me } = useSession();
  return useCallback((a: Ability) => !!me?.abilities.includes(a), [me]);
}
