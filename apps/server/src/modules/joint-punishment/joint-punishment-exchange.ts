import { JOINT_PUNISHMENT_ACTIVE, JOINT_PUNISHMENT_GROUND_LABELS, type JointPunishmentGround, RESTRICTION_DOMAIN_LABELS, type RestrictionDomain } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { entryScope } from './joint-punishment.policy.ts';
import { jointPunishmentRepository as repo } from './joint-punishment.repository.ts';

/** Version of the exchange format (docs/exchange-format.md); raised when a field changes meaning. */
export const EXCHANGE_FORMAT_VERSION = '1.0';

export interface ExchangeRecord {
  uscc: string;
  enterprise_name: string;
  list: 'joint_punishment';
  ground: string;
  ground_label: string;
  basis: string;
  issuing_agency: string;
  listed_on: string;
  status: string;
  restrictions: { domain: string; domain_label: string; agency: string; measure: string; applied_on: string; document_no: string }[];
}

/**
 * The joint punishment list as the credit-sharing platform takes it (002 §三(八): 发改 puts the list on the
 * credit exchange platform), keyed by USCC: every entry on the list (listed, objection or repair pending) in the
 * caller's subtree, with its restrictions. The schema is docs/exchange-format.md.
 */
export async function exchangeRecords(db: Db, actor: Actor): Promise<ExchangeRecord[]> {
  const views = await repo.list(db, { scope: entryScope(actor), statuses: JOINT_PUNISHMENT_ACTIVE }, { afterId: null, ascending: true, offset: 0, limit: 100_000 });
  const restrictions = await repo.restrictionsOf(db, views.map((v) => v.e.id));
  return views.map((v) => ({
    uscc: v.uscc,
    enterprise_name: v.enterpriseName,
    list: 'joint_punishment',
    ground: v.e.ground,
    ground_label: JOINT_PUNISHMENT_GROUND_LABELS[v.e.ground as JointPunishmentGround] ?? v.e.ground,
    basis: v.e.basis,
    issuing_agency: v.e.issuingAgencyName,
    listed_on: v.e.listedOn,
    status: v.e.status,
    restrictions: restrictions
      .filter((r) => r.entryId === v.e.id)
      .map((r) => ({
        domain: r.domain,
        domain_label: RESTRICTION_DOMAIN_LABELS[r.domain as RestrictionDomain] ?? r.domain,
        agency: r.agencyName,
        measure: r.measure,
        applied_on: r.appliedOn,
        document_no: r.documentNo,
      })),
  }));
}

/** A cell that a spreadsheet would read as a formula is prefixed with an apostrophe (CSV injection). */
function cell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const CSV_COLUMNS = ['uscc', 'enterprise_name', 'list', 'ground', 'ground_label', 'basis', 'issuing_agency', 'listed_on', 'status', 'restrictions'] as const;

/** One line per entry; restrictions as `domain|agency|measure|applied_on|document_no` joined by `;`. UTF-8 with BOM, CRLF. */
export function exchangeCsv(records: ExchangeRecord[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of records) {
    const restrictions = r.restrictions.map((x) => [x.domain, x.agency, x.measure, x.applied_on, x.document_no].map((s) => s.replace(/[|;]/g, ' ')).join('|')).join(';');
    lines.push(CSV_COLUMNS.map((c) => cell(c === 'restrictions' ? restrictions : String(r[c]))).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
