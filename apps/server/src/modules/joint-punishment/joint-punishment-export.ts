import type { Writable } from 'node:stream';
import {
  JOINT_PUNISHMENT_GROUND_LABELS,
  JOINT_PUNISHMENT_STATUS_LABELS,
  type JointPunishmentEntry,
  type JointPunishmentFilterQuery,
  RESTRICTION_DOMAIN_LABELS,
} from '@taotai/shared';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { primeBatches, type XlsxColumn, walkCursor, writeXlsxExport } from '../../platform/documents/xlsx-export.ts';
import { listEntries } from './joint-punishment.service.ts';

/** The restrictions as one cell a reader can scan: 领域：措施（部门，日期，文号）, one per line. */
const restrictionsText = (e: JointPunishmentEntry) =>
  e.restrictions.map((r) => `${RESTRICTION_DOMAIN_LABELS[r.domain]}：${r.measure}（${[r.agencyName, r.appliedOn, r.documentNo].filter(Boolean).join('，')}）`).join('\n');

const COLUMNS: XlsxColumn<JointPunishmentEntry>[] = [
  { kind: 'number', header: '编号', value: (e) => e.id, format: '0', width: 8 },
  { kind: 'text', header: '企业', value: (e) => e.enterpriseName, width: 30 },
  { kind: 'text', header: '统一社会信用代码', value: (e) => e.uscc, width: 20 },
  { kind: 'coded', header: '区划代码', nameHeader: '区划', code: (e) => e.regionCode, name: (e) => e.regionName },
  { kind: 'text', header: '列入事由', value: (e) => JOINT_PUNISHMENT_GROUND_LABELS[e.ground], width: 16 },
  { kind: 'text', header: '列入依据', value: (e) => e.basis, width: 36 },
  { kind: 'text', header: '发布单位', value: (e) => e.issuingAgencyName, width: 28 },
  { kind: 'date', header: '列入日期', value: (e) => e.listedOn },
  { kind: 'date', header: '异议期至', value: (e) => e.objectionUntil },
  { kind: 'text', header: '状态', value: (e) => JOINT_PUNISHMENT_STATUS_LABELS[e.status], width: 14 },
  { kind: 'text', header: '惩戒措施', value: restrictionsText, width: 48 },
  { kind: 'text', header: '异议', value: (e) => e.objection ?? '', width: 24 },
  { kind: 'text', header: '异议答复', value: (e) => e.objectionAnswer ?? '', width: 24 },
  { kind: 'text', header: '信用修复申请', value: (e) => e.repairApplication ?? '', width: 24 },
  { kind: 'text', header: '信用修复决定', value: (e) => e.repairDecision ?? '', width: 24 },
  { kind: 'date', header: '移出日期', value: (e) => e.endedOn },
];

/** The entries the list shows under the same filters, as xlsx on the one helper (ADR 0014). */
export async function prepareEntryExport(db: Db, actor: Actor, q: z.infer<typeof JointPunishmentFilterQuery>, today: string) {
  const batches = await primeBatches(walkCursor((cursor) => listEntries(db, actor, { ...q, cursor, pageSize: 200, sort: '-id' })));
  return {
    fileName: `联合惩戒名单-${today.replaceAll('-', '')}.xlsx`,
    write: (out: Writable) => writeXlsxExport(out, { sheetName: '联合惩戒名单', columns: COLUMNS, batches }),
  };
}
