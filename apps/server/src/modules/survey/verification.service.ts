import { VERIFICATION_RESULT_LABELS, type SurveyFiling, type VerificationBody } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { filingRepository, fireFilingEvent, loadFiling } from '../filing/index.ts';
import { getSurvey } from './survey.service.ts';
import { surveyRepository as repo } from './survey.repository.ts';

type Item = VerificationBody['items'][number];

/** Problems of the items against the filing's current lines, named by row and line (Chinese). */
function itemProblems(items: Item[], lines: Map<number, { lineName: string; enterpriseName: string }>) {
  const problems: { path: string; message: string }[] = [];
  const seen = new Set<number>();
  items.forEach((it, i) => {
    const path = `items.${i}`;
    const line = lines.get(it.surveyLineId);
    if (!line) {
      problems.push({ path: `${path}.surveyLineId`, message: `第${i + 1}项不是本次报送的生产线` });
      return;
    }
    const name = `第${i + 1}项（${line.enterpriseName} ${line.lineName}）`;
    if (seen.has(it.surveyLineId)) problems.push({ path: `${path}.surveyLineId`, message: `${name}重复` });
    seen.add(it.surveyLineId);
    if (it.result === 'discrepancy' && it.foundCapacity === null) problems.push({ path: `${path}.foundCapacity`, message: `${name}与上报不符，请填写现场核实的产能` });
    if (it.result !== 'verified' && !it.note) problems.push({ path: `${path}.note`, message: `${name}${VERIFICATION_RESULT_LABELS[it.result]}，请填写核查说明` });
  });
  return problems;
}

/**
 * Records an on-site verification by the upper office. Lines not found or differing from the filing send
 * it back to the filer in the same transaction, with the discrepancy list as the reason.
 */
export async function verifySurvey(db: Db, clock: Clock, actor: Actor, id: number, body: VerificationBody): Promise<SurveyFiling> {
  const l = await loadFiling(db, clock, actor, id);
  if (l.ctx.req.kind !== 'survey_result') throw notFound('排查报送');
  if (l.party !== 'issuer') throw forbidden('现场核查由下达要求的领导小组办公室进行');
  if (l.filing.status !== 'received') throw conflict('请先接收该报送，再录入现场核查结果');
  const lines = await repo.linesOf(db, id, l.filing.revision);
  const byId = new Map(lines.map((x) => [x.id, x]));
  const problems = itemProblems(body.items, byId);
  const files = [...new Set(body.items.flatMap((it) => it.fileIds))];
  const own = await filingRepository.ownFiles(db, files, actor.userId!);
  body.items.forEach((it, i) => {
    for (const f of it.fileIds) if (!own.has(f)) problems.push({ path: `items.${i}.fileIds`, message: `第${i + 1}项的照片（编号${f}）不存在或不是您上传的` });
  });
  if (problems.length) throw invalid(problems.map((p) => p.message).join('；'), problems);

  const findings = body.items.filter((it) => it.result !== 'verified');
  const reason = findings.length
    ? `现场核查发现${findings.length}处问题：${findings
        .map((it, i) => {
          const line = byId.get(it.surveyLineId)!;
          const what =
            it.result === 'not_found'
              ? '现场未发现'
              : `与上报不符（上报${Number(line.capacity)}${line.unitName}，核实${it.foundCapacity}${line.unitName}）`;
          return `${i + 1}. ${line.enterpriseName} ${line.lineName}：${what}${it.note ? `，${it.note}` : ''}`;
        })
        .join('；')}`
    : null;
  const now = clock.now();
  const verifiedOn = body.verifiedOn ?? l.ctx.today;
  await db.transaction(async (tx) => {
    const v = await repo.insertVerification(tx, {
      filingId: id,
      revision: l.filing.revision,
      verifiedBy: actor.userId!,
      verifiedByName: actor.displayName,
      verifiedOn,
      at: now,
      outcome: reason ? 'returned' : 'clean',
    });
    await repo.insertVerificationItems(
      tx,
      body.items.map((it) => ({
        verificationId: v.id,
        surveyLineId: it.surveyLineId,
        result: it.result,
        foundCapacity: it.foundCapacity === null ? null : String(it.foundCapacity),
        note: it.note,
        fileIds: it.fileIds,
      })),
    );
    await recordAudit(tx, actor, now, {
      action: 'survey.verify',
      entityType: 'filing',
      entityId: id,
      regionCode: l.filing.filerRegionCode,
      after: { verification: v, items: body.items },
    });
    if (reason) {
      await fireFilingEvent(tx, actor, {
        filing: l.filing,
        event: 'return',
        party: l.party,
        reason,
        snapshot: { verificationId: v.id },
        now,
        requirement: l.ctx.req,
        target: l.target,
        periodLabel: l.periodLabel,
      });
    }
  });
  return getSurvey(db, clock, actor, id);
}
