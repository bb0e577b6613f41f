import { generatePath, matchPath, type Params } from 'react-router-dom';

/**
 * One table for every signed-in page: its path pattern, its title and the page it sits under (issue 11, "Layout").
 * The router attaches each entry to its route, the layout renders the entry's title as the page's one `<h1>` and
 * the chain of parents as breadcrumbs, and `document.title` reads 「<title> - 落后产能退出综合管理平台」.
 * `section` names the menu group a page lives in (not a page itself, so it is a breadcrumb without a link).
 */
export interface RouteMeta {
  path: string;
  title: string;
  parent?: string;
  section?: string;
}

export const APP_NAME = '落后产能退出综合管理平台';

const YEAR = '年度工作';
const EXIT = '退出验收';
const SYSTEM = '系统管理';
const LEVERS = '执法联动';

export const ROUTE_META: readonly RouteMeta[] = [
  { path: '/', title: '工作台' },
  { path: '/progress', title: '进度总览', parent: '/' },
  { path: '/enterprises', title: '企业台账', parent: '/' },
  { path: '/enterprises/new', title: '新增企业', parent: '/enterprises' },
  { path: '/enterprises/:id', title: '企业详情', parent: '/enterprises' },
  { path: '/enterprises/:id/edit', title: '编辑企业', parent: '/enterprises/:id' },
  { path: '/account', title: '我的账户', parent: '/' },
  { path: '/catalogue', title: '行业与判定依据', parent: '/' },
  { path: '/work-plan', title: '工作方案', parent: '/', section: YEAR },
  { path: '/filings', title: '报送管理', parent: '/', section: YEAR },
  { path: '/filings/:id', title: '报送', parent: '/filings', section: YEAR },
  { path: '/filing-requirements/:id', title: '报送要求', parent: '/filings', section: YEAR },
  { path: '/survey', title: '摸底排查', parent: '/', section: YEAR },
  { path: '/survey-filings/:id', title: '排查登记', parent: '/survey', section: YEAR },
  { path: '/elimination-plans', title: '淘汰计划', parent: '/', section: YEAR },
  { path: '/elimination-plans/:id', title: '淘汰计划详情', parent: '/elimination-plans', section: YEAR },
  { path: '/targets', title: '目标任务', parent: '/', section: YEAR },
  { path: '/targets/:id', title: '目标任务详情', parent: '/targets', section: YEAR },
  { path: '/letters', title: '目标责任书', parent: '/', section: YEAR },
  { path: '/letters/:id', title: '责任书详情', parent: '/letters', section: YEAR },
  { path: '/exit-tasks', title: '退出任务', parent: '/', section: EXIT },
  { path: '/exit-tasks/enterprises', title: '按企业查看', parent: '/exit-tasks', section: EXIT },
  { path: '/exit-tasks/:id', title: '退出任务详情', parent: '/exit-tasks', section: EXIT },
  { path: '/inspections', title: '联合验收', parent: '/', section: EXIT },
  { path: '/inspections/:id', title: '验收轮次详情', parent: '/inspections', section: EXIT },
  { path: '/announcements', title: '公告公示', parent: '/', section: EXIT },
  { path: '/announcements/:id', title: '公告详情', parent: '/announcements', section: EXIT },
  { path: '/department-lists', title: '黄牌/红牌名单', parent: '/' },
  { path: '/cases', title: '案件管理', parent: '/' },
  { path: '/cases/:id', title: '案件详情', parent: '/cases' },
  { path: '/tips', title: '举报管理', parent: '/' },
  { path: '/tips/:id', title: '举报详情', parent: '/tips' },
  { path: '/price-measures', title: '价格信贷措施', parent: '/', section: LEVERS },
  { path: '/price-measures/:id', title: '措施详情', parent: '/price-measures', section: LEVERS },
  { path: '/joint-punishment', title: '联合惩戒', parent: '/', section: LEVERS },
  { path: '/joint-punishment/:id', title: '联合惩戒详情', parent: '/joint-punishment', section: LEVERS },
  { path: '/joint-notices', title: '到期联合通知', parent: '/', section: LEVERS },
  { path: '/joint-notices/:id', title: '联合通知详情', parent: '/joint-notices', section: LEVERS },
  { path: '/data-quality', title: '数据质量', parent: '/' },
  { path: '/my-calendar', title: '我的日历', parent: '/' },
  { path: '/notifications', title: '通知中心', parent: '/' },
  { path: '/todo', title: '我的待办', parent: '/' },
  { path: '/users', title: '用户管理', parent: '/', section: SYSTEM },
  { path: '/settings/security', title: '安全设置', parent: '/', section: SYSTEM },
  { path: '/settings/holidays', title: '节假日设置', parent: '/', section: SYSTEM },
  { path: '/settings/documents', title: '公文设置', parent: '/', section: SYSTEM },
  { path: '/settings/todo', title: '待办提醒设置', parent: '/', section: SYSTEM },
  { path: '/settings/tips', title: '举报办理时限', parent: '/', section: SYSTEM },
  { path: '/audit', title: '审计日志', parent: '/', section: SYSTEM },
  { path: '*', title: '页面不存在', parent: '/' },
  // Outside the layout: no h1 or breadcrumbs from here, only the document title.
  { path: '/login', title: '登录' },
  { path: '/change-password', title: '修改密码' },
];

const BY_PATH = new Map(ROUTE_META.map((m) => [m.path, m]));

/** The entry of a path pattern; a pattern missing from the table is a programming error, found at start. */
export function metaOf(path: string): RouteMeta {
  const m = BY_PATH.get(path);
  if (!m) throw new Error(`route-meta：缺少路由 ${path} 的标题`);
  return m;
}

/** The entry a concrete pathname falls under (static patterns win over `:id`, as in the router). */
export function metaForPathname(pathname: string): RouteMeta {
  const hits = ROUTE_META.filter((m) => m.path !== '*' && matchPath(m.path, pathname));
  hits.sort((a, b) => score(b.path) - score(a.path));
  return hits[0] ?? metaOf('*');
}

const score = (p: string) => p.split('/').reduce((s, seg) => s + (seg.startsWith(':') ? 1 : 3), 0);

export interface Crumb {
  title: string;
  /** Absent for the current page and for a menu section. */
  href?: string;
}

/** 工作台 / 年度工作 / 淘汰计划 / 淘汰计划详情: parents with links, the section without, the page itself last. */
export function breadcrumbs(meta: RouteMeta, params: Params): Crumb[] {
  const chain: RouteMeta[] = [];
  for (let m: RouteMeta | undefined = meta; m; m = m.parent ? BY_PATH.get(m.parent) : undefined) chain.unshift(m);
  const crumbs: Crumb[] = [];
  chain.forEach((m, i) => {
    const last = i === chain.length - 1;
    if (m.section && (i === 0 || chain[i - 1]?.section !== m.section)) crumbs.push({ title: m.section });
    crumbs.push({ title: m.title, href: last ? undefined : safePath(m.path, params) });
  });
  return crumbs;
}

function safePath(pattern: string, params: Params): string | undefined {
  try {
    return generatePath(pattern, params);
  } catch {
    return undefined; // a parent needing a parameter the current page does not carry
  }
}

export const documentTitle = (title: string) => `${title} - ${APP_NAME}`;
