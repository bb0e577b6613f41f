import type { Writable } from 'node:stream';
import type { AuditEntry, AuditQuery, FiltersOf } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { auditRepository } from '../../platform/audit/audit.repository.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { primeBatches, type XlsxColumn, writeXlsxExport } from '../../platform/documents/xlsx-export.ts';
import { regionRepository } from '../region/index.ts';
import { auditFilter, presentAuditEntry } from './audit.service.ts';

type Row = AuditEntry & { regionName: string | null };

/** Excel keeps at most 32,767 characters in a cell; a longer change record is cut and says so. */
const CELL_MAX = 32_000;
const json = (v: unknown) => {
  if (v == null) return null;
  const s = JSON.stringify(v);
  return s.length > CELL_MAX ? `${s.slice(0, CELL_MAX)}…（已截断）` : s;
};

const COLUMNS: XlsxColumn<Row>[] = [
  { kind: 'number', header: '序号', value: (e) => e.id, width: 9 },
  { kind: 'datetime', header: '时间', value: (e) => e.at },
  { kind: 'text', header: '操作人', value: (e) => e.actorName, width: 16 },
  { kind: 'text', header: '动作', value: (e) => e.action, width: 28 },
  { kind: 'text', header: '对象类型', value: (e) => e.entityType, width: 18 },
  { kind: 'text', header: '对象ID', value: (e) => e.entityId, width: 10 },
  { kind: 'coded', header: '区划代码', nameHeader: '区划', code: (e) => e.regionCode, name: (e) => e.regionName },
  { kind: 'text', header: 'IP', value: (e) => e.ip, width: 16 },
  { kind: 'text', header: '变更前', value: (e) => json(e.before), width: 40 },
  { kind: 'text', header: '变更后', value: (e) => json(e.after), width: 40 },
];

const BATCH = 500;

/**
 * 审计日志 under the list's filters, as xlsx: the whole filtered set, newest first, walked by the id keyset in
 * batches (each batch's region names read at once). A region out of scope answers 404 before anything is sent.
 */
export async function prepareAuditExport(db: Db, clock: Clock, actor: Actor, q: FiltersOf<AuditQuery>) {
  const filter = await auditFilter(db, actor, q);
  async function* batches(): AsyncGenerator<Row[]> {
    let afterId: number | null = null;
    for (;;) {
      const rows = await auditRepository.list(db, filter, { afterId, limit: BATCH });
      const codes = [...new Set(rows.map((r) => r.regionCode).filter((c): c is string => !!c))];
      const names = new Map((codes.length ? await regionRepository.byCodes(db, codes) : []).map((r) => [r.code, r.fullName]));
      if (rows.length) yield rows.map((r) => ({ ...presentAuditEntry(r), regionName: r.regionCode ? (names.get(r.regionCode) ?? null) : null }));
      if (rows.length < BATCH) return;
      afterId = rows.at(-1)!.id;
    }
  }
  const primed = await primeBatches(batches());
  return {
    fileName: `审计日志-${todayInChina(clock.now()).replaceAll('-', '')}.xlsx`,
    write: (out: Writable) => writeXlsxExport(out, { sheetName: '审计日志', columns: COLUMNS, batches: primed }),
  };
}
