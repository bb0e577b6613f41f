import { TIP_LINK_KIND_LABELS, type Tip, type TipLinkBody } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, conflict, forbidden, invalid } from '../../platform/errors.ts';
import { tipConclusion } from '../../platform/lifecycle/index.ts';
import { raiseFlag } from '../data-quality/index.ts';
import { readableEnterprise } from '../enterprise/index.ts';
import { reopenExitTask } from '../exit-task/index.ts';
import { readableCase } from '../non-compliance-case/index.ts';
import { isHandler } from './tip.machine.ts';
import { tipNo, tipRecordOf } from './tip.presenter.ts';
import { tipRecordRepository as records } from './tip-record.repository.ts';
import { type TipView, tipRepository } from './tip.repository.ts';
import { presentReadable, readableTip } from './tip.service.ts';

const targetError = (message: string) => invalid(message, [{ path: 'targetId', message }]);

/** A target out of the actor's scope is, for the form, a wrong number: 400 naming the field (never whose it is). */
async function inScope<T>(read: () => Promise<T>, message: string): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof AppError && e.statusCode === 404) throw targetError(message);
    throw e;
  }
}

/** What the link points at and where it counts, by kind; the reopen and the flag happen here, in the tip's transaction. */
async function linkTarget(tx: Db, now: Date, actor: Actor, v: TipView, body: TipLinkBody): Promise<{ targetId: number | null; regionCode: string }> {
  const no = tipNo(v.t.receivedOn, v.t.id);
  const need = () => {
    if (!body.targetId) throw targetError(`请选择${TIP_LINK_KIND_LABELS[body.kind]}的对象`);
    return body.targetId;
  };
  switch (body.kind) {
    case 'exit_task_reopened': {
      const id = need();
      const reason = `举报 ${no} 核实恢复生产${body.note ? `：${body.note}` : ''}`;
      const task = await inScope(() => reopenExitTask(tx, now, actor, id, reason), '退出任务不存在或不在本单位管辖范围内');
      return { targetId: id, regionCode: task.regionCode };
    }
    case 'registry_line': {
      const id = need();
      const enterpriseId = await records.lineEnterprise(tx, id);
      if (enterpriseId === null) throw targetError('生产线不存在或不在本单位管辖范围内');
      const e = await inScope(() => readableEnterprise(tx, actor, enterpriseId), '生产线不存在或不在本单位管辖范围内');
      return { targetId: id, regionCode: e.regionCode };
    }
    case 'case': {
      const id = need();
      const c = await inScope(() => readableCase(tx, actor, id), '案件不存在或不在本单位管辖范围内');
      return { targetId: id, regionCode: c.regionCode };
    }
    case 'relocation_flag': {
      const regionCode = body.regionCode ?? v.t.regionCode;
      if (!(await records.regionByCode(tx, regionCode))) throw invalid('设备转移地区不存在', [{ path: 'regionCode', message: '地区代码不存在' }]);
      const flagId = await raiseFlag(tx, actor, now, {
        regionCode,
        kind: 'tip_relocation',
        entityType: 'tip',
        entityId: v.t.id,
        message: `举报 ${no} 核实：${v.t.enterpriseName ?? '被举报企业'}的淘汰设备疑似转移至异地${body.note ? `（${body.note}）` : ''}`,
        details: { tipId: v.t.id, note: body.note ?? null },
      });
      return { targetId: flagId, regionCode };
    }
    case 'concealment': {
      // 瞒报 counts against the place's county by default (its officials answer for the registry), for the assessment.
      const regionCode = body.regionCode ?? v.placeCountyCode ?? v.t.regionCode;
      if (!(await records.regionByCode(tx, regionCode))) throw invalid('瞒报地区不存在', [{ path: 'regionCode', message: '地区代码不存在' }]);
      return { targetId: null, regionCode };
    }
  }
}

/**
 * 关联核查结果 (issue 13 "A substantiated tip links to what it produced"): by the handling office while the tip is
 * being verified or its conclusion awaits approval, unless its finding is 不属实. `exit_task_reopened` fires the exit
 * task's reopen in this transaction (rollups move with it); `relocation_flag` raises a data-quality flag. Audited.
 */
export async function addTipLink(db: Db, clock: Clock, actor: Actor, id: number, body: TipLinkBody): Promise<Tip> {
  const now = clock.now();
  const today = todayInChina(now);
  return db.transaction(async (tx) => {
    await tipRepository.lock(tx, id);
    const v = await readableTip(tx, actor, id);
    const r = tipRecordOf(v);
    if (!isHandler(actor, r) && tipConclusion(actor, r, []) !== null) throw forbidden('只有承办单位可以关联核查结果');
    if (v.t.status !== 'verifying' && v.t.status !== 'concluding') throw conflict('只能在核查中或办结待审定时关联核查结果');
    if (v.t.finding === 'unsubstantiated') throw conflict('核查结论为不属实的举报不能关联处理结果');
    const target = await linkTarget(tx, now, actor, v, body);
    const link = await records.insertLink(tx, {
      tipId: id,
      kind: body.kind,
      targetId: target.targetId,
      regionCode: target.regionCode,
      year: Number(today.slice(0, 4)),
      note: body.note ?? null,
      createdBy: actor.userId,
      createdAt: now,
    });
    await recordAudit(tx, actor, now, {
      action: 'tip.link',
      entityType: 'tip',
      entityId: id,
      regionCode: v.t.handlingRegionCode,
      after: { linkId: link.id, kind: body.kind, targetId: target.targetId, regionCode: target.regionCode, year: link.year },
    });
    return presentReadable(tx, actor, v, today);
  });
}
