import { useEffect, useState } from 'react';
import { api } from './api.ts';

// The server's clock decides what "today" is (deadlines, phases); the browser's may be off or in another zone.
let cached: Promise<string> | null = null;

function browserToday(): string {
  const d = new Date(Date.now() + 8 * 3600_000);
  return d.toISOString().slice(0, 10);
}

/** Today in Beijing as the server sees it ('YYYY-MM-DD'); asked once per page load. */
export function loadToday(): Promise<string> {
  cached ??= api
    .get<{ today: string }>('/calendar/deadline', { due: browserToday() })
    .then((d) => d.today)
    .catch(() => {
      cached = null;
      return browserToday();
    });
  return cached;
}

/** The server's today, or undefined until it has answered. */
export function useToday(): string | undefined {
  const [today, setToday] = useState<string>();
  useEffect(() => {
    let live = true;
    loadToday().then((t) => live && setToday(t));
    return () => {
      live = false;
    };
  }, []);
  return today;
}

export const yearOf = (today: string | undefined): number | undefined => (today ? Number(today.slice(0, 4)) : undefined);
