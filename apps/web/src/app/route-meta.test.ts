import { describe, expect, it } from 'vitest';
import { menuItems } from './menu.tsx';
import { breadcrumbs, documentTitle, metaForPathname, metaOf } from './route-meta.ts';

describe('route-meta', () => {
  it('gives a detail page its section and list as breadcrumbs, the list linked, the section not', () => {
    const meta = metaForPathname('/elimination-plans/7');
    expect(meta.title).toBe('淘汰计划详情');
    expect(breadcrumbs(meta, { id: '7' })).toEqual([
      { title: '工作台', href: '/' },
      { title: '年度工作' },
      { title: '淘汰计划', href: '/elimination-plans' },
      { title: '淘汰计划详情', href: undefined },
    ]);
  });

  it('links a parent that needs the page’s own parameter (编辑企业 under its 企业详情)', () => {
    const crumbs = breadcrumbs(metaOf('/enterprises/:id/edit'), { id: '42' });
    expect(crumbs.map((c) => c.href)).toEqual(['/', '/enterprises', '/enterprises/42', undefined]);
  });

  it('prefers a static path over a parameter, as the router does', () => {
    expect(metaForPathname('/exit-tasks/enterprises').title).toBe('按企业查看');
    expect(metaForPathname('/exit-tasks/12').title).toBe('退出任务详情');
    expect(metaForPathname('/no-such-page').title).toBe('页面不存在');
  });

  it('has an entry for every menu entry, and titles the tab after the page', () => {
    const all = ['enterprise:read', 'enterprise:write', 'user:manage', 'settings:manage', 'audit:read', 'catalogue:manage'];
    const keys: string[] = [];
    const walk = (items: unknown[]) => {
      for (const i of items as { key: string; children?: unknown[] }[]) {
        if (i.key.startsWith('/')) keys.push(i.key);
        if (i.children) walk(i.children);
      }
    };
    walk(menuItems(all, 'admin'));
    expect(keys.length).toBeGreaterThan(15);
    for (const k of keys) expect(() => metaOf(k), k).not.toThrow();
    expect(documentTitle(metaOf('/exit-tasks').title)).toBe('退出任务 - 落后产能退出综合管理平台');
  });

  it('refuses a route without an entry', () => {
    expect(() => metaOf('/nowhere')).toThrow(/缺少路由/);
  });
});
