/** Chinese names for the audit vocabulary; unknown codes are shown as they are. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.locked': '账户锁定',
  'auth.logout': '退出登录',
  'auth.password_changed': '修改密码',
  'settings.update': '修改安全设置',
  'region.create_park': '设立园区',
  'enterprise.create': '新增企业',
  'enterprise.update': '修改企业',
  'line.create': '新增生产线',
  'line.update': '修改生产线',
  'line.delete': '删除生产线',
  'survey_import.commit': '导入排查登记表',
  'enterprise.seed_demo': '载入演示企业',
  'enterprise.seed_national': '载入全国数据',
  'leading_group.create': '设立领导小组',
  'catalogue.seed': '初始化目录',
  'calendar.enter_year': '录入年度工作日历',
  'user.create': '新增用户',
  'user.update': '修改用户',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'user.reset_password': '重置密码',
  'industry.create': '新增行业',
  'industry.update': '修改行业',
  'basis_item.create': '新增判定依据',
  'basis_item.update': '修改判定依据',
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  user: '用户',
  setting: '系统设置',
  region: '行政区划',
  enterprise: '企业',
  line: '生产线',
  survey_import: '排查登记表导入',
  industry: '行业',
  basis_item: '判定依据',
  leading_group: '领导小组',
  catalogue: '目录',
  calendar_year: '工作日历',
};

export const actionLabel = (a: string) => AUDIT_ACTION_LABELS[a] ?? a;
export const entityLabel = (t: string) => AUDIT_ENTITY_LABELS[t] ?? t;
