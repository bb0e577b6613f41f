/** Chinese names of request fields, so a validation message always says which field is wrong. */
export const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  uscc: '统一社会信用代码',
  regionCode: '所在区划',
  industryCode: '行业',
  address: '地址',
  legalRepresentative: '法定代表人',
  contactPerson: '联系人',
  contactPhone: '联系电话',
  employees: '职工人数',
  sizeClass: '企业规模',
  status: '状态',
  specification: '规格型号',
  quantity: '数量',
  capacity: '产能',
  capacityUnit: '产能单位',
  criterion: '不达标类别',
  basisItemId: '判定依据',
  basisText: '判定依据说明',
  commissioningYear: '投产年份',
  plannedExitDate: '计划淘汰时间',
  note: '备注',
  username: '用户名',
  password: '密码',
  displayName: '姓名',
  role: '角色',
  limit: '每页条数',
  version: '版本号',
};

export function labelForPath(path: string): string {
  const parts = path.split('.').filter((p) => !['body', 'querystring', 'params'].includes(p));
  const last = [...parts].reverse().find((p) => !/^\d+$/.test(p)) ?? parts.join('.');
  return FIELD_LABELS[last] ?? last;
}
