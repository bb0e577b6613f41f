import {
  AimOutlined,
  AlertOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  ContainerOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FieldTimeOutlined,
  FileTextOutlined,
  FlagOutlined,
  MessageOutlined,
  FileExclamationOutlined,
  StopOutlined,
  ThunderboltOutlined,
  FundOutlined,
  NotificationOutlined,
  ProjectOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  SendOutlined,
  SettingOutlined,
  TeamOutlined,
  ToolOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { Ability, Role } from '@taotai/shared';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';

interface Entry {
  key: string;
  label: string;
  icon: ReactNode;
  /** Shown when the user has any of these; no list means everyone. */
  anyOf?: Ability[];
  /** Shown only to these roles (the year's work is the offices' and agencies' business, not enterprises'). */
  roles?: Role[];
  children?: Entry[];
}

const GOVERNMENT: Role[] = ['admin', 'auditor', 'national_auditor', 'group_office', 'member_agency', 'town', 'leader'];
/** The levers (issue 12): offices, leaders and auditors watch; member departments act. */
const ENFORCERS: Role[] = ['admin', 'auditor', 'group_office', 'member_agency', 'leader'];
const OVERSEERS: Role[] = ['admin', 'auditor', 'national_auditor', 'group_office', 'leader'];

const ENTRIES: Entry[] = [
  { key: '/', label: '工作台', icon: <DashboardOutlined /> },
  { key: '/progress', label: '进度总览', icon: <FundOutlined />, anyOf: ['enterprise:read'], roles: GOVERNMENT },
  { key: '/enterprises', label: '企业台账', icon: <BankOutlined />, anyOf: ['enterprise:read'] },
  {
    key: 'year',
    label: '年度工作',
    icon: <ProjectOutlined />,
    children: [
      { key: '/work-plan', label: '工作方案', icon: <ScheduleOutlined />, roles: GOVERNMENT },
      { key: '/filings', label: '报送管理', icon: <SendOutlined />, roles: GOVERNMENT },
      { key: '/survey', label: '摸底排查', icon: <FileSearchOutlined />, roles: OVERSEERS },
      { key: '/elimination-plans', label: '淘汰计划', icon: <FileDoneOutlined />, roles: GOVERNMENT },
      { key: '/targets', label: '目标任务', icon: <AimOutlined />, roles: GOVERNMENT },
      { key: '/letters', label: '目标责任书', icon: <FileTextOutlined /> },
    ],
  },
  {
    key: 'exit',
    label: '退出验收',
    icon: <ContainerOutlined />,
    children: [
      { key: '/exit-tasks', label: '退出任务', icon: <ToolOutlined />, anyOf: ['enterprise:read'] },
      { key: '/inspections', label: '联合验收', icon: <FileProtectOutlined />, roles: GOVERNMENT },
      // The identity custodian opens a 公示's objections to reveal an objector's number (issue 13).
      { key: '/announcements', label: '公告公示', icon: <NotificationOutlined />, roles: [...GOVERNMENT, 'identity_custodian'] },
    ],
  },
  { key: '/department-lists', label: '黄牌/红牌名单', icon: <WarningOutlined />, anyOf: ['enterprise:read'], roles: GOVERNMENT },
  // Issue 12: the departments' cases; an enterprise sees its own as 我的整改.
  { key: '/cases', label: '案件管理', icon: <AlertOutlined />, roles: ['admin', 'member_agency', 'group_office', 'leader'] },
  { key: '/cases', label: '我的整改', icon: <AlertOutlined />, roles: ['enterprise'] },
  // Issue 13: public tips; never towns or enterprises (the town may be the one that hid the kiln).
  { key: '/tips', label: '举报管理', icon: <MessageOutlined />, roles: ['group_office', 'leader', 'member_agency', 'identity_custodian'] },
  {
    key: 'levers',
    label: '执法联动',
    icon: <StopOutlined />,
    children: [
      { key: '/price-measures', label: '价格信贷措施', icon: <ThunderboltOutlined />, roles: ENFORCERS },
      { key: '/joint-punishment', label: '联合惩戒', icon: <StopOutlined />, roles: [...ENFORCERS, 'enterprise'] },
      { key: '/joint-notices', label: '到期联合通知', icon: <FileExclamationOutlined />, roles: ENFORCERS },
    ],
  },
  { key: '/data-quality', label: '数据质量', icon: <FileSearchOutlined />, roles: ['admin', 'auditor', 'group_office', 'member_agency', 'leader'] },
  { key: '/todo', label: '我的待办', icon: <CheckSquareOutlined />, roles: GOVERNMENT },
  { key: '/my-calendar', label: '我的日历', icon: <CalendarOutlined /> },
  { key: '/notifications', label: '通知中心', icon: <BellOutlined /> },
  { key: '/catalogue', label: '行业与判定依据', icon: <AppstoreOutlined />, anyOf: ['enterprise:read', 'catalogue:manage'] },
  {
    key: 'system',
    label: '系统管理',
    icon: <SettingOutlined />,
    children: [
      { key: '/users', label: '用户管理', icon: <TeamOutlined />, anyOf: ['user:manage'] },
      { key: '/settings/security', label: '安全设置', icon: <SafetyOutlined />, anyOf: ['settings:manage'] },
      { key: '/settings/holidays', label: '节假日设置', icon: <FlagOutlined />, anyOf: ['settings:manage'] },
      { key: '/settings/todo', label: '待办提醒设置', icon: <FieldTimeOutlined />, anyOf: ['settings:manage'] },
      { key: '/settings/documents', label: '公文设置', icon: <FileTextOutlined />, roles: ['group_office'] },
      { key: '/settings/tips', label: '举报办理时限', icon: <FieldTimeOutlined />, roles: ['group_office'] },
      { key: '/audit', label: '审计日志', icon: <AuditOutlined />, anyOf: ['audit:read'] },
    ],
  },
];

type Item = Required<MenuProps>['items'][number];

/** The menu the user may see: entries without a needed ability vanish, as do empty groups. */
export function menuItems(abilities: string[], role: Role): Item[] {
  const allowed = (e: Entry) => (!e.anyOf || e.anyOf.some((a) => abilities.includes(a))) && (!e.roles || e.roles.includes(role));
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
  // A requirement's page belongs to 报送管理 (its list lives at /filings).
  if (pathname.startsWith('/filing-requirements')) return '/filings';
  const keys = ENTRIES.flatMap((e) => [e.key, ...(e.children ?? []).map((c) => c.key)]).filter((k) => k.startsWith('/'));
  return keys.filter((k) => k === '/' ? pathname === '/' : pathname.startsWith(k)).sort((a, b) => b.length - a.length)[0] ?? '/';
}
