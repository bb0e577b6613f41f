import type {
  InspectedLine,
  InspectionConclusion,
  InspectionRecord,
  InspectionRecordStatus,
  InspectionRoundStatus,
  InspectionRoundSummary,
  OpinionStatus,
  TeamMember,
} from '@taotai/shared';
import { presentStoredFile } from '../../platform/files/index.ts';
import type { RecordView, RoundRow, TaskLineRow } from './inspection.repository.ts';

export const presentLine = (r: TaskLineRow): InspectedLine => ({
  taskId: r.taskId,
  lineId: r.lineId,
  lineName: r.lineName,
  specification: r.specification,
  capacity: Number(r.capacity),
  unitName: r.unitName,
});

export function presentRoundSummary(r: RoundRow, regionName: string, counts: { total: number; concluded: number }, leaderAccountName: string | null): InspectionRoundSummary {
  return {
    id: r.id,
    regionCode: r.regionCode,
    regionName,
    title: r.title,
    year: r.year,
    startDate: r.startDate,
    endDate: r.endDate,
    status: r.status as InspectionRoundStatus,
    team: r.team as TeamMember[],
    leaderUserId: r.leaderUserId,
    leaderAccountName,
    enterpriseCount: counts.total,
    concludedCount: counts.concluded,
    version: r.version,
  };
}

/** A pending record shows the tasks awaiting acceptance now; a concluded one the lines it concluded. */
export function presentRecord(v: RecordView, liveLines: InspectedLine[], abilities: InspectionRecord['abilities']): InspectionRecord {
  const r = v.record;
  return {
    id: r.id,
    roundId: r.roundId,
    enterpriseId: r.enterpriseId,
    enterpriseName: v.enterpriseName,
    uscc: v.uscc,
    regionCode: v.enterpriseRegionCode,
    status: r.status as InspectionRecordStatus,
    checklist: {
      equipmentDismantled: r.equipmentDismantled,
      powerCut: r.powerCut,
      destinationDocumented: r.destinationDocumented,
      workersPlaced: r.workersPlaced,
    },
    notes: r.notes,
    inspectedOn: r.inspectedOn,
    conclusion: r.conclusion as InspectionConclusion | null,
    reasons: r.reasons,
    concludedAt: r.concludedAt?.toISOString() ?? null,
    concludedBy: r.concludedBy,
    lines: r.status === 'concluded' ? ((r.lines as InspectedLine[] | null) ?? []) : liveLines,
    opinion: {
      documentNumber: r.opinionNumber,
      status: r.opinionStatus as OpinionStatus,
      signedScan: v.signedFile ? presentStoredFile(v.signedFile) : null,
    },
    version: r.version,
    abilities,
  };
}
