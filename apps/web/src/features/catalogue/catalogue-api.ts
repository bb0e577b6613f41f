import type { BasisItem, CapacityUnit, Industry } from '@taotai/shared';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api.ts';

export interface Catalogue {
  units: CapacityUnit[];
  industries: Industry[];
  basisItems: BasisItem[];
}

// The catalogues change rarely; one copy per page load, dropped after an edit.
let cached: Promise<Catalogue> | null = null;

export function loadCatalogue(): Promise<Catalogue> {
  cached ??= Promise.all([
    api.get<CapacityUnit[]>('/catalogue/units'),
    api.get<Industry[]>('/catalogue/industries'),
    api.get<BasisItem[]>('/catalogue/basis-items'),
  ])
    .then(([units, industries, basisItems]) => ({ units, industries, basisItems }))
    .catch((e) => {
      cached = null;
      throw e;
    });
  return cached;
}

export function invalidateCatalogue(): void {
  cached = null;
}

const EMPTY: Catalogue = { units: [], industries: [], basisItems: [] };

/** Catalogue lists for selects and labels; empty lists until loaded (or if the call fails). */
export function useCatalogue(): Catalogue & { loaded: boolean } {
  const [cat, setCat] = useState<Catalogue | null>(null);
  useEffect(() => {
    let live = true;
    loadCatalogue()
      .then((c) => live && setCat(c))
      .catch(() => live && setCat(EMPTY));
    return () => {
      live = false;
    };
  }, []);
  return { ...(cat ?? EMPTY), loaded: cat !== null };
}

export const unitName = (units: CapacityUnit[], code: string) => units.find((u) => u.code === code)?.name ?? code;
