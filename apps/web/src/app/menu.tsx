import {
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  DashboardOutlined,
  SafetyOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Ability } from '@taotai/shared';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';

interface Entry {
  key: string;
  label: string;
  icon: ReactNode;
  /** Shown when the user has any of these; no list means everyone. */
  anyOf?: Ability[];
  children?: Entry[];
}

const ENTRIES: Entry[] = [
  { key: '/', label: '工作台', icon: <DashboardOutlined /> },
  { key: '/enterprises', label: '企业台账', icon: <BankOutlined />, anyOf: ['enterprise:read'] },
  { key: '/catalogue', label: '行业与判定依据', icon: <AppstoreOutlined />, anyOf: ['enterprise:read', 'catalogue:manage'] },
  {
    key: 'system',
    label: '系统管理',
    icon: <SettingOutlined />,
    children: [
      { key: '/users', label: '用户管理', icon: <TeamOutlined />, anyOf: ['user:manage'] },
      { key: '/settings/security', label: '安全设置', icon: <SafetyOutlined />, anyOf: ['settings:manage'] },
      { key: '/audit', label: '审计日志', icon: <AuditOutlined />, anyOf: ['audit:read'] },
    ],
  },
];

type Item = Required<MenuProps>['items'][number];

/** The menu the user may see: entries without a needed ability vanish, as do empty groups. */
export function menuItems(abilities: string[]): Item[] {
  const allowed = (e: Entry) => !e.anyOf || e.anyOf.some((a) => abilities.includes(a));
  const build = (list: Entry[]): Item[] =>
    list.flatMap((e): Item[] => {
      if (!allowed(e)) return [];
      if (!e.children) return [{ key: e.key, label: e.label, icon: e.icon }];
      const kids = build(e.children);
      return kids.length ? [{ key: e.key, label: e.label, icon: e.icon, children: kids }] : [];
    });
  return build(ENTRIES);
}

/** The menu key for a path: the longest entry key that prefixes it. */
export function selectedKey(pathname: string): string {
  const keys = ENTRIES.flatMap((e) => [e.key, ...(e.children ?? []).map((c) => c.key)]).filter((k) => k.startsWith('/'));
  return keys.filter((k) => k === '/' ? pathname === '/' : pathname.startsWith(k)).sort((a, b) => b.length - a.length)[0] ?? '/';
}
