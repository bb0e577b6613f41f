import type {
  Criterion,
  Enterprise,
  EnterpriseStatus,
  EnterpriseSummary,
  Line,
  LineStatus,
  SizeClass,
} from '@taotai/shared';
import type { EnterpriseView } from './enterprise.repository.ts';
import type { LineView } from './line.repository.ts';

export const presentSummary = (e: EnterpriseView): EnterpriseSummary => ({
  id: e.id,
  name: e.name,
  uscc: e.uscc,
  regionCode: e.regionCode,
  regionName: e.regionName,
  industryCode: e.industryCode,
  industryName: e.industryName,
  status: e.status as EnterpriseStatus,
  lineCount: e.lineCount,
  updatedAt: e.updatedAt.toISOString(),
});

export const presentLine = (l: LineView): Line => ({
  id: l.id,
  enterpriseId: l.enterpriseId,
  name: l.name,
  specification: l.specification,
  quantity: l.quantity,
  capacity: Number(l.capacity),
  capacityUnit: l.capacityUnit,
  capacityUnitName: l.capacityUnitName,
  industryCode: l.industryCode,
  industryName: l.industryName,
  criterion: l.criterion as Criterion,
  basisItemId: l.basisItemId,
  basisText: l.basisText,
  commissioningYear: l.commissioningYear,
  plannedExitDate: l.plannedExitDate,
  status: l.status as LineStatus,
  note: l.note,
  version: l.version,
});

export const presentEnterprise = (
  e: EnterpriseView,
  lines: LineView[],
  abilities: { update: boolean; addLine: boolean },
): Enterprise => ({
  id: e.id,
  name: e.name,
  uscc: e.uscc,
  regionCode: e.regionCode,
  regionName: e.regionName,
  industryCode: e.industryCode,
  industryName: e.industryName,
  address: e.address,
  legalRepresentative: e.legalRepresentative,
  contactPerson: e.contactPerson,
  contactPhone: e.contactPhone,
  employees: e.employees,
  sizeClass: e.sizeClass as SizeClass | null,
  status: e.status as EnterpriseStatus,
  version: e.version,
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
  lines: lines.map(presentLine),
  abilities,
});
