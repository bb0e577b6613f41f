import type { BasisItem, Criterion, Industry } from '@taotai/shared';
import type { BasisItemRow, IndustryRow } from './catalogue.repository.ts';

export const presentIndustry = (r: IndustryRow): Industry => ({
  code: r.code,
  name: r.name,
  unitCode: r.unitCode,
  isKey: r.isKey,
  sortOrder: r.sortOrder,
});

export const presentBasisItem = (r: BasisItemRow): BasisItem => ({
  id: r.id,
  criterion: r.criterion as Criterion,
  industryCode: r.industryCode,
  title: r.title,
  source: r.source,
  active: r.active,
});
