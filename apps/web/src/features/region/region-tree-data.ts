import type { Region } from '@taotai/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../shared/api.ts';

export interface RegionNode {
  key: string;
  value: string;
  title: string;
  isLeaf: boolean;
  region: Region;
  children?: RegionNode[];
}

/**
 * Provinces, prefectures and counties always get an expander: expanding one that turns out empty costs one
 * request, while trusting a wrong `hasChildren` would hide a whole subtree.
 */
const toNode = (r: Region): RegionNode => ({
  key: r.code,
  value: r.code,
  title: r.name,
  isLeaf: !r.hasChildren && (r.level === 'township' || r.level === 'park'),
  region: r,
});

function withChildren(nodes: RegionNode[], code: string, kids: RegionNode[]): RegionNode[] {
  return nodes.map((n) => {
    if (n.key === code) return { ...n, children: kids };
    return n.children ? { ...n, children: withChildren(n.children, code, kids) } : n;
  });
}

function find(nodes: RegionNode[], code: string): RegionNode | undefined {
  for (const n of nodes) {
    if (n.key === code) return n;
    const hit = n.children && find(n.children, code);
    if (hit) return hit;
  }
  return undefined;
}

export const regionApi = {
  /** Without a parent the server answers the user's own region (or the provinces for an administrator). */
  children: (parent?: string) => api.get<Region[]>('/regions', { parent }),
  get: (code: string) => api.get<Region>(`/regions/${code}`),
};

/**
 * A lazily loaded region tree, starting at the user's region. `reveal(code)` loads the branches down to
 * a region so a form can show the name of a value it was given.
 */
export function useRegionTree() {
  const [nodes, setNodes] = useState<RegionNode[]>([]);
  const [error, setError] = useState<string>();
  const nodesRef = useRef(nodes);
  nodesRef.current = nodes;

  useEffect(() => {
    regionApi
      .children()
      .then((rs) => setNodes(rs.map(toNode)))
      .catch((e: Error) => setError(e.message));
  }, []);

  const loadChildren = useCallback(async (code: string) => {
    const existing = find(nodesRef.current, code);
    if (existing?.children) return;
    const kids = (await regionApi.children(code)).map(toNode);
    nodesRef.current = withChildren(nodesRef.current, code, kids);
    setNodes(nodesRef.current);
  }, []);

  const reveal = useCallback(
    async (code: string) => {
      if (!code || find(nodesRef.current, code)) return;
      const chain: string[] = [];
      let cur: Region | null = await regionApi.get(code).catch(() => null);
      while (cur?.parentCode && !find(nodesRef.current, cur.code)) {
        chain.unshift(cur.parentCode);
        cur = find(nodesRef.current, cur.parentCode) ? null : await regionApi.get(cur.parentCode).catch(() => null);
      }
      for (const c of chain) if (find(nodesRef.current, c)) await loadChildren(c);
    },
    [loadChildren],
  );

  return { nodes, error, loadChildren, reveal, find: (code: string) => find(nodes, code) };
}
