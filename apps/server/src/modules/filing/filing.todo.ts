import { FILING_EVENT_LABELS, FILING_STATUS_LABELS } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { AwaitingCandidate, AwaitingSource, Machine, Transition } from '../../platform/lifecycle/index.ts';
import { filingMachine } from './filing.machine.ts';
import { filingPolicy } from './filing.policy.ts';
import { filingRepository } from './filing.repository.ts';

/** What the relations look at: who issued the requirement and whom the filing is from. */
export interface FilingRecord {
  issuerRegionCode: string;
  target: { regionCode: string | null; agencyId: number | null };
}

/**
 * The filing machine's rows with the issuer's moves marked as awaited (ADR 0016). The filing machine decides
 * a party from the loaded filing; the to-do lists filings not yet loaded, so its relations ask the policy
 * the same question from the actor (the issuing office receives and accepts).
 */
export const filingTodoMachine: Machine<string, string, FilingRecord> = {
  entityType: 'filing',
  noun: '报送',
  statusLabels: { ...FILING_STATUS_LABELS, none: '未报送' },
  eventLabels: FILING_EVENT_LABELS,
  transitions: filingMachine.transitions.map(
    (t): Transition<string, string> =>
      t.by === 'issuer' && t.event !== 'return' ? { ...t, awaits: { kind: t.event === 'receive' ? 'receive' : 'verify' } } : { ...t },
  ),
  relations: {
    issuer: (actor: Actor, r: FilingRecord) => (filingPolicy.isIssuer(actor, r) ? null : '由下达要求的领导小组办公室操作'),
    filer: (actor: Actor, r: FilingRecord) => (filingPolicy.filesFor(actor, r.target) ? null : '由报送单位操作'),
  },
};

type AwaitingRow = NonNullable<Awaited<ReturnType<typeof filingRepository.awaitingById>>>;

const candidateOf = (r: AwaitingRow): AwaitingCandidate<FilingRecord> => ({
  id: r.filing.id,
  status: r.filing.status,
  record: { issuerRegionCode: r.issuerRegionCode, target: { regionCode: r.targetRegionCode, agencyId: r.targetAgencyId } },
  title: `${r.title}（${r.filerName}）`,
  // The item sits with the issuer: its region decides who is told.
  regionCode: r.issuerRegionCode,
  link: `/filings/${r.filing.id}`,
  since: r.filing.updatedAt,
});

/** Filings waiting for the issuing office to receive (接收) or accept (采纳) them. */
export const filingTodoSource: AwaitingSource<FilingRecord> = {
  machine: filingTodoMachine,
  kindLabel: '报送',
  async candidates(db: Db, reach: Actor | null, statuses: string[], limit: number) {
    // Only the issuing office acts on a filing: its own region's requirements are all it needs to look at.
    if (reach && reach.role !== 'group_office') return [];
    return (await filingRepository.awaiting(db, reach ? reach.regionCode : null, statuses, limit)).map(candidateOf);
  },
  async one(db: Db, id: number) {
    const r = await filingRepository.awaitingById(db, id);
    return r ? candidateOf(r) : null;
  },
};
