import { useCallback, useState } from 'react';

export type Density = 'large' | 'middle' | 'small';
export const DENSITY_LABELS: Record<Density, string> = { large: '默认', middle: '中等', small: '紧凑' };

interface Stored {
  hidden: string[];
  density: Density;
}

const storageKey = (listKey: string) => `taotai.list.${listKey}`;

function read(listKey: string, fallback: Stored): Stored {
  try {
    const raw = localStorage.getItem(storageKey(listKey));
    if (!raw) return fallback;
    const v = JSON.parse(raw) as Partial<Stored>;
    return {
      hidden: Array.isArray(v.hidden) ? v.hidden.filter((x) => typeof x === 'string') : fallback.hidden,
      density: v.density && v.density in DENSITY_LABELS ? v.density : fallback.density,
    };
  } catch {
    // Private mode or a hand-edited value: the defaults, never a broken page.
    return fallback;
  }
}

/** 列设置 and 密度 of one list, kept per list in localStorage so they survive reloads. */
export function useListSettings(listKey: string, defaultHidden: string[] = []) {
  const [s, setS] = useState<Stored>(() => read(listKey, { hidden: defaultHidden, density: 'middle' }));
  const save = useCallback(
    (next: Stored) => {
      setS(next);
      try {
        localStorage.setItem(storageKey(listKey), JSON.stringify(next));
      } catch {
        // Storage full or disabled: the setting holds for this visit only.
      }
    },
    [listKey],
  );
  return {
    hidden: new Set(s.hidden),
    density: s.density,
    setHidden: (hidden: string[]) => save({ ...s, hidden }),
    setDensity: (density: Density) => save({ ...s, density }),
    reset: () => save({ hidden: defaultHidden, density: 'middle' }),
  };
}
