/** Closed vocabularies shared by server and web, each with its Chinese label. */

export const ROLES = ['admin', 'auditor', 'national_auditor', 'group_office', 'member_agency', 'town', 'enterprise', 'leader', 'identity_custodian'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  auditor: '审计员',
  national_auditor: '全国审计员',
  group_office: '领导小组办公室',
  member_agency: '成员单位',
  town: '乡镇（街道）/园区',
  enterprise: '企业用户',
  leader: '领导',
  /** 身份保管人: the only role that may reveal a sealed tipster's or objector's identity, with a reason (issue 13). */
  identity_custodian: '身份保管人',
};

export const REGION_LEVELS = ['province', 'prefecture', 'county', 'township', 'park'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];
export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  province: '省级',
  prefecture: '市级',
  county: '县级',
  township: '乡镇（街道）',
  park: '重点园区',
};

export const CRITERIA = ['energy', 'environment', 'quality', 'safety', 'technology'] as const;
export type Criterion = (typeof CRITERIA)[number];
export const CRITERION_LABELS: Record<Criterion, string> = {
  energy: '能耗',
  environment: '环保',
  quality: '质量',
  safety: '安全',
  technology: '技术',
};
/** Words that appear for each criterion in hand-filled forms. */
export const CRITERION_ALIASES: Record<Criterion, string[]> = {
  energy: ['能耗', '能源', '节能'],
  environment: ['环保', '环境', '排放'],
  quality: ['质量'],
  safety: ['安全'],
  technology: ['技术', '工艺', '装备', '淘汰类'],
};

export const SIZE_CLASSES = ['large', 'medium', 'small', 'micro'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];
export const SIZE_CLASS_LABELS: Record<SizeClass, string> = { large: '大型', medium: '中型', small: '小型', micro: '微型' };

export const ENTERPRISE_STATUSES = ['operating', 'exiting', 'exited', 'closed'] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];
export const ENTERPRISE_STATUS_LABELS: Record<EnterpriseStatus, string> = {
  operating: '在产',
  exiting: '退出中',
  exited: '已退出',
  closed: '已关闭',
};

export const LINE_STATUSES = ['registered', 'planned', 'stopped', 'eliminated'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];
export const LINE_STATUS_LABELS: Record<LineStatus, string> = {
  registered: '已登记',
  planned: '已列入计划',
  stopped: '已停产',
  eliminated: '已淘汰',
};

export const AGENCY_KINDS = [
  'government',
  'industry',
  'development',
  'ecology',
  'market',
  'emergency',
  'hr',
  'natural_resources',
  'finance',
  'tax',
  'pboc',
  'power',
  'union',
  'commerce',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];
/** Suffix of each agency's name; the region name is the prefix (巩义市 + 工业和信息化局). */
export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = {
  government: '人民政府',
  industry: '工业和信息化局',
  development: '发展和改革委员会',
  ecology: '生态环境局',
  market: '市场监督管理局',
  emergency: '应急管理局',
  hr: '人力资源和社会保障局',
  natural_resources: '自然资源局',
  finance: '财政局',
  tax: '税务局',
  pboc: '人民银行分支机构',
  power: '供电公司',
  union: '总工会',
  commerce: '商务局',
};

export const GROUP_MEMBER_ROLES = ['leader', 'deputy_leader', 'member'] as const;
export type GroupMemberRole = (typeof GROUP_MEMBER_ROLES)[number];
export const GROUP_MEMBER_ROLE_LABELS: Record<GroupMemberRole, string> = {
  leader: '组长',
  deputy_leader: '副组长',
  member: '成员',
};
