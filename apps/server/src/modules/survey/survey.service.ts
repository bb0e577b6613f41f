import type { CandidateLine, Criterion, LineStatus, SurveyFiling, SurveyFilingBody, SurveyResubmitBody, VerificationResult } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import { type Actor, confinedEnterprise } from '../../platform/access/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { type FilingExtension, getFiling, loadFiling, resubmitFiling, submitFiling } from '../filing/index.ts';
import { raiseFlag } from '../data-quality/index.ts';
import { regionInActorScope, regionRepository } from '../region/index.ts';
import { addUnits, fromScaled, toScaled, type UnitTotals } from './rollup.ts';
import { type CandidateRow, surveyRepository as repo } from './survey.repository.ts';
import { checkZeroReport, type ExplainedLine, explanationSummary } from './zero-report.ts';

export const presentCandidate = (l: CandidateRow): CandidateLine => ({
  lineId: l.lineId,
  enterpriseId: l.enterpriseId,
  enterpriseName: l.enterpriseName,
  uscc: l.uscc,
  regionCode: l.regionCode,
  regionName: l.regionName,
  lineName: l.lineName,
  specification: l.specification,
  capacity: Number(l.capacity),
  capacityUnit: l.capacityUnit,
  capacityUnitName: l.capacityUnitName,
  industryCode: l.industryCode,
  industryName: l.industryName,
  criterion: l.criterion as Criterion,
  lineStatus: l.lineStatus as LineStatus,
});

/**
 * Registry lines a region may list in its survey: its reporting subtree's lines that are not eliminated.
 * An enterprise user's region is its county, but it sees only its own enterprise's lines (issue 9).
 */
export async function candidateLines(db: Db, actor: Actor, q: { region?: string; q?: string }): Promise<CandidateLine[]> {
  const region = await regionInActorScope(db, actor, q.region ?? actor.regionCode);
  return (await repo.candidates(db, region, q.q, undefined, confinedEnterprise(actor))).map(presentCandidate);
}

type SurveyContent = Pick<SurveyFilingBody, 'zeroReport' | 'statement' | 'lineIds' | 'lineExplanations'>;

/**
 * The survey's part of a filing: the chosen lines are checked against the filer region's subtree and
 * snapshotted (capacity, unit, industry as the registry holds them now), or a zero report is recorded.
 */
function surveyExtension(clock: Clock, body: SurveyContent): FilingExtension {
  return {
    kind: 'survey_result',
    async prepare(db, { target, actor }) {
      const region = target.regionCode ? await regionRepository.byCode(db, target.regionCode) : null;
      if (!region) throw invalid('摸底排查结果应由区划报送');
      const ids = [...new Set(body.lineIds)];
      if (ids.length !== body.lineIds.length) throw invalid('所选生产线有重复', [{ path: 'lineIds', message: '生产线重复' }]);
      const lines = body.zeroReport ? [] : await repo.candidates(db, region, undefined, ids);
      const found = new Set(lines.map((l) => l.lineId));
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length) {
        const message = `生产线（编号${missing.slice(0, 10).join('、')}${missing.length > 10 ? '等' : ''}）不存在、已淘汰或不在${region.name}范围内`;
        throw invalid(message, [{ path: 'lineIds', message }]);
      }
      let explained: ExplainedLine[] = [];
      if (body.zeroReport) {
        const check = checkZeroReport(region.name, await repo.candidates(db, region, undefined), body.lineExplanations);
        if ('refusal' in check) throw invalid(check.refusal.message, check.refusal.fields);
        explained = check.explained;
      }
      return async (tx, filing) => {
        await repo.saveReport(tx, {
          filingId: filing.id,
          regionCode: region.code,
          year: filing.year,
          zeroReport: body.zeroReport,
          statement: body.statement,
          lineExplanations: explained,
        });
        if (explained.length > 0) {
          // Accepted only with the filer's word on each line, and so flagged to the level above.
          await raiseFlag(tx, actor, clock.now(), {
            regionCode: region.code,
            kind: 'zero_report_explained',
            entityType: 'filing',
            entityId: filing.id,
            message: `${region.name}报送零报告，但台账中有${explained.length}条未淘汰生产线，报送单位逐条说明${explanationSummary(explained)}`,
            details: { filingId: filing.id, lines: explained },
          });
        }
        await repo.insertLines(
          tx,
          lines.map((l) => ({
            filingId: filing.id,
            revision: filing.revision,
            lineId: l.lineId,
            enterpriseId: l.enterpriseId,
            enterpriseName: l.enterpriseName,
            uscc: l.uscc,
            regionCode: l.regionCode,
            lineName: l.lineName,
            specification: l.specification,
            capacity: String(l.capacity),
            capacityUnit: l.capacityUnit,
            industryCode: l.industryCode,
            criterion: l.criterion,
            lineStatus: l.lineStatus,
          })),
        );
        return {
          zeroReport: body.zeroReport,
          statement: body.statement,
          lineExplanations: explained,
          lines: lines.map((l) => ({ lineId: l.lineId, enterpriseName: l.enterpriseName, lineName: l.lineName, capacity: Number(l.capacity), capacityUnit: l.capacityUnit })),
        };
      };
    },
  };
}

export async function submitSurvey(db: Db, clock: Clock, actor: Actor, body: SurveyFilingBody): Promise<SurveyFiling> {
  const id = await submitFiling(
    db,
    clock,
    actor,
    body.requirementId,
    { periodKey: body.periodKey, values: body.values, note: body.note, fileIds: body.fileIds },
    surveyExtension(clock, body),
  );
  return getSurvey(db, clock, actor, id);
}

export async function resubmitSurvey(db: Db, clock: Clock, actor: Actor, id: number, body: SurveyResubmitBody): Promise<SurveyFiling> {
  const l = await loadFiling(db, clock, actor, id);
  if (l.ctx.req.kind !== 'survey_result') throw notFound('排查报送');
  await resubmitFiling(db, clock, actor, id, { values: body.values, note: body.note, fileIds: body.fileIds }, surveyExtension(clock, body));
  return getSurvey(db, clock, actor, id);
}

function unitTotalsOf(lines: { capacityUnit: string; capacity: string; unitName: string }[]) {
  const totals: UnitTotals = new Map();
  const names = new Map<string, string>();
  for (const l of lines) {
    addUnits(totals, new Map([[l.capacityUnit, { lines: 1, scaled: toScaled(l.capacity) }]]));
    names.set(l.capacityUnit, l.unitName);
  }
  return [...totals].map(([unitCode, t]) => ({ unitCode, unitName: names.get(unitCode)!, capacity: fromScaled(t.scaled), lineCount: t.lines }));
}

/** A survey filing with its current lines, each line's latest site verification, and the verification visits. */
export async function getSurvey(db: Db, clock: Clock, actor: Actor, id: number): Promise<SurveyFiling> {
  const l = await loadFiling(db, clock, actor, id);
  const report = await repo.reportOf(db, id);
  if (l.ctx.req.kind !== 'survey_result' || !report) throw notFound('排查报送');
  const region = (await regionRepository.byCode(db, report.regionCode))!;
  const lines = await repo.linesOf(db, id, l.filing.revision);
  const latest = new Map<number, Awaited<ReturnType<typeof repo.latestItems>>[number]>();
  for (const x of await repo.latestItems(db, lines.map((x) => x.id))) latest.set(x.item.surveyLineId, x);
  const visits = await repo.verificationsOf(db, id);
  return {
    filing: await getFiling(db, clock, actor, id),
    regionCode: region.code,
    regionName: region.name,
    zeroReport: report.zeroReport,
    statement: report.statement,
    lineExplanations: (report.lineExplanations ?? []) as ExplainedLine[],
    lines: lines.map((x) => {
      const v = latest.get(x.id);
      return {
        id: x.id,
        revision: x.revision,
        lineId: x.lineId,
        enterpriseId: x.enterpriseId,
        enterpriseName: x.enterpriseName,
        uscc: x.uscc,
        regionCode: x.regionCode,
        lineName: x.lineName,
        specification: x.specification,
        capacity: Number(x.capacity),
        capacityUnit: x.capacityUnit,
        industryCode: x.industryCode,
        criterion: x.criterion as Criterion,
        lineStatus: x.lineStatus as LineStatus,
        verification: v
          ? {
              result: v.item.result as VerificationResult,
              foundCapacity: v.item.foundCapacity === null ? null : Number(v.item.foundCapacity),
              note: v.item.note,
              fileIds: v.item.fileIds as number[],
              verifiedOn: v.verifiedOn,
              verifiedByName: v.verifiedByName,
            }
          : null,
      };
    }),
    totals: unitTotalsOf(lines),
    registryLineCount: await repo.registryLineCount(db, region),
    verifications: visits.map((x) => ({
      id: x.v.id,
      revision: x.v.revision,
      verifiedOn: x.v.verifiedOn,
      verifiedByName: x.v.verifiedByName,
      outcome: x.v.outcome as 'clean' | 'returned',
      itemCount: Number(x.itemCount),
    })),
    abilities: {
      verify: l.party === 'issuer' && l.filing.status === 'received',
      resubmit: l.party === 'filer' && l.filing.status === 'returned',
    },
  };
}
