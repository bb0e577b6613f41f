import type {
  Target,
  TargetAllocationsBody,
  TargetChildRegion,
  TargetLineCandidate,
  TargetLinesBody,
  LineStatus,
} from '@taotai/shared';
import { fromQ, toQ } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { checkVersion } from '../../platform/lifecycle/index.ts';
import { catalogueRepository } from '../catalogue/index.ts';
import { raiseFlag } from '../data-quality/index.ts';
import { targetRepository } from './target.repository.ts';
import { getTarget, lockTargetForOffice, readableTarget } from './target.service.ts';
import { openForEdit } from './target-transition.service.ts';
import { deadlineProblem, defaultLineDeadline, firstDuplicate, laterThanParent, overAllocation } from './target-rules.ts';

const item = (i: number, path: string, message: string) => {
  const full = `第${i + 1}项：${message}`;
  return invalid(full, [{ path: `items.${i}.${path}`, message: full }]);
};

/** The regions the target may be decomposed to, with what each has now (or what blocks it). */
export async function childRegions(db: Db, actor: Actor, id: number): Promise<TargetChildRegion[]> {
  const { view, region } = await readableTarget(db, actor, id);
  if (region.level === 'county') return [];
  const kids = await targetRepository.decompositionChildren(db, region);
  const held = new Map(
    (await targetRepository.byRegions(db, view.year, view.industryCode, kids.map((k) => k.code))).map((t) => [t.regionCode, t]),
  );
  return kids.map((k) => {
    const t = held.get(k.code);
    const mine = t?.parentTargetId === id;
    return {
      regionCode: k.code,
      regionName: k.name,
      directlyAdministered: k.directlyAdministered,
      targetId: mine ? t!.id : null,
      quantity: mine ? Number(t!.quantity) : null,
      blockedBy: t && !mine ? `${k.name}已有${view.year}年${view.industryName}目标任务（另行下达或自行录入）` : null,
    };
  });
}

/**
 * Replaces the target's decomposition to the regions below (province and prefecture level). Each
 * listed region gets (or keeps, with the new figures) a child target of the same industry and unit;
 * a region left out loses its share, unless it has decomposed that share further.
 */
export async function setAllocations(db: Db, clock: Clock, actor: Actor, id: number, body: TargetAllocationsBody): Promise<Target> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const { row: parent, region } = await lockTargetForOffice(tx, actor, id, '分解该目标任务');
    if (region.level === 'county') throw invalid('县级目标任务应分解到企业和生产线，而不是下级区划');
    checkVersion(parent.version, body.version);
    await openForEdit(tx, actor, parent, region, now);
    const dup = firstDuplicate(body.items.map((x) => x.regionCode));
    if (dup) throw item(dup.index, 'regionCode', `与第${dup.firstIndex + 1}项的区划重复`);

    const allowed = new Map((await targetRepository.decompositionChildren(tx, region)).map((r) => [r.code, r]));
    const items = body.items.map((x, i) => {
      const r = allowed.get(x.regionCode);
      if (!r) throw item(i, 'regionCode', `“${x.regionCode}”不是${region.name}可分解的下级区划`);
      const deadline = x.deadline ?? parent.deadline;
      const problem = deadlineProblem(deadline, parent.year) ?? laterThanParent(deadline, parent.deadline);
      if (problem) throw item(i, 'deadline', problem);
      return { ...x, deadline, region: r };
    });

    const over = overAllocation(toQ(parent.quantity), items.map((x) => toQ(x.quantity)));
    const unit = over ? ((await catalogueRepository.unitByCode(tx, parent.unitCode))?.name ?? parent.unitCode) : '';
    const overText = over
      ? `分解合计${fromQ(over.sumQ)}${unit}，超过目标任务${Number(parent.quantity)}${unit}（超出${fromQ(over.overQ)}${unit}）`
      : '';
    if (over && !body.overAllocationReason) {
      const message = `${overText}；如确需下达更严格的地方目标，请标明“超额分解”并说明理由`;
      throw invalid(message, [{ path: 'overAllocationReason', message }]);
    }

    const existing = new Map((await targetRepository.childRows(tx, id)).map((c) => [c.regionCode, c]));
    const newcomers = items.filter((x) => !existing.has(x.regionCode)).map((x) => x.regionCode);
    const taken = await targetRepository.byRegions(tx, parent.year, parent.industryCode, newcomers);
    if (taken.length > 0) {
      const name = allowed.get(taken[0]!.regionCode)!.name;
      throw conflict(`${name}已有${parent.year}年该行业目标任务（另行下达或自行录入），不能重复分解`);
    }
    const keep = new Set(items.map((x) => x.regionCode));
    const removed = [...existing.values()].filter((c) => !keep.has(c.regionCode));
    const further = await targetRepository.decomposedFurther(tx, removed.map((c) => c.id));
    const blocked = removed.find((c) => further.has(c.id));
    if (blocked) throw conflict(`${allowed.get(blocked.regionCode)?.name ?? blocked.regionCode}已将该目标任务继续分解，不能取消对其的分解`);

    for (const c of removed) await targetRepository.delete(tx, c.id);
    for (const x of items) {
      const cur = existing.get(x.regionCode);
      const figures = { quantity: String(x.quantity), enterpriseCount: x.enterpriseCount, deadline: x.deadline };
      if (!cur) {
        await targetRepository.insert(tx, {
          year: parent.year,
          regionCode: x.regionCode,
          parentTargetId: id,
          industryCode: parent.industryCode,
          unitCode: parent.unitCode,
          ...figures,
          source: `${region.name}分解下达`,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        });
      } else if (Number(cur.quantity) !== x.quantity || cur.enterpriseCount !== x.enterpriseCount || cur.deadline !== x.deadline) {
        await targetRepository.update(tx, cur.id, { ...figures, updatedAt: now });
      }
    }
    await targetRepository.update(tx, id, { updatedAt: now });
    const shares = (xs: { regionCode: string; quantity: string | number; enterpriseCount: number | null; deadline: string }[]) =>
      xs.map((x) => ({ regionCode: x.regionCode, quantity: Number(x.quantity), enterpriseCount: x.enterpriseCount, deadline: x.deadline }));
    await recordAudit(tx, actor, now, {
      action: 'target.decompose',
      entityType: 'target',
      entityId: id,
      regionCode: region.code,
      before: { allocations: shares([...existing.values()]) },
      after: { allocations: shares(items), ...(over ? { overAllocationReason: body.overAllocationReason } : {}) },
    });
    if (over) {
      // Accepted with the stated reason, and raised to the level above (issue 10 §3).
      await raiseFlag(tx, actor, now, {
        regionCode: region.code,
        kind: 'target_over_allocation',
        entityType: 'target',
        entityId: id,
        message: `${region.name}${parent.year}年目标任务超额分解：${overText}。理由：${body.overAllocationReason}`,
        details: { targetId: id, quantity: Number(parent.quantity), decomposed: fromQ(over.sumQ), unitCode: parent.unitCode, reason: body.overAllocationReason },
      });
    }
  });
  return getTarget(db, actor, id);
}

/**
 * Replaces the named lines of a county target: each line of the county's enterprises in the target's
 * industry (and so its unit) covers part of the target with its whole capacity. A line counts once a year.
 */
export async function setLines(db: Db, clock: Clock, actor: Actor, id: number, body: TargetLinesBody): Promise<Target> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const { row: t, region } = await lockTargetForOffice(tx, actor, id, '将该目标任务分解到企业');
    if (region.level !== 'county') throw invalid('只有县级目标任务分解到企业和生产线，市级以上请分解到下级区划');
    checkVersion(t.version, body.version);
    await openForEdit(tx, actor, t, region, now);
    const ids = body.items.map((x) => x.lineId);
    const dup = firstDuplicate(ids);
    if (dup) throw item(dup.index, 'lineId', `与第${dup.firstIndex + 1}项的生产线重复`);

    const found = new Map((await targetRepository.linesForNaming(tx, ids)).map((l) => [l.lineId, l]));
    const items = body.items.map((x, i) => {
      const l = found.get(x.lineId);
      // A line outside the county is reported like a missing one: its name is none of this office's business.
      if (!l || l.countyCode !== region.code) throw item(i, 'lineId', `生产线#${x.lineId}不存在或不在${region.name}`);
      if (l.industryCode !== t.industryCode || l.capacityUnit !== t.unitCode) {
        throw item(i, 'lineId', `生产线“${l.lineName}”（${l.enterpriseName}）的行业或产能单位与目标任务不符，不同单位的产能不能相加`);
      }
      const deadline = x.deadline ?? defaultLineDeadline(l.plannedExitDate, t.deadline);
      const problem = deadlineProblem(deadline, t.year) ?? laterThanParent(deadline, t.deadline);
      if (problem) throw item(i, 'deadline', problem);
      return { lineId: x.lineId, enterpriseId: l.enterpriseId, deadline, name: l.lineName };
    });
    const elsewhere = await targetRepository.namedElsewhere(tx, ids, t.year, id);
    if (elsewhere.length > 0) {
      const l = found.get(elsewhere[0]!.lineId)!;
      throw conflict(`生产线“${l.lineName}”（${l.enterpriseName}）已分解到${elsewhere[0]!.regionName}${t.year}年的其他目标任务`);
    }

    const existing = new Map((await targetRepository.namedLineRows(tx, id)).map((r) => [r.lineId, r]));
    const keep = new Set(ids);
    await targetRepository.deleteNamedLines(
      tx,
      id,
      [...existing.keys()].filter((l) => !keep.has(l)),
    );
    await targetRepository.insertNamedLines(
      tx,
      items.filter((x) => !existing.has(x.lineId)).map((x) => ({ targetId: id, lineId: x.lineId, enterpriseId: x.enterpriseId, deadline: x.deadline, createdAt: now })),
    );
    for (const x of items) {
      const cur = existing.get(x.lineId);
      if (cur && cur.deadline !== x.deadline) await targetRepository.updateNamedLineDeadline(tx, id, x.lineId, x.deadline);
    }
    await targetRepository.update(tx, id, { updatedAt: now });
    await recordAudit(tx, actor, now, {
      action: 'target.name_lines',
      entityType: 'target',
      entityId: id,
      regionCode: region.code,
      before: { lines: [...existing.values()].map((r) => ({ lineId: r.lineId, deadline: r.deadline })) },
      after: { lines: items.map((x) => ({ lineId: x.lineId, deadline: x.deadline })) },
    });
  });
  return getTarget(db, actor, id);
}

/** Lines of the county's enterprises in the target's industry not yet named under it (keyset by line id). */
export async function lineCandidates(
  db: Db,
  actor: Actor,
  id: number,
  q: { q?: string; cursor?: number; limit: number },
): Promise<{ items: TargetLineCandidate[]; nextCursor: number | null }> {
  const { view, region } = await readableTarget(db, actor, id);
  if (region.level !== 'county') return { items: [], nextCursor: null };
  const rows = await targetRepository.lineCandidates(db, {
    countyCode: region.code,
    industryCode: view.industryCode,
    targetId: id,
    q: q.q,
    after: q.cursor,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((l) => ({
      lineId: l.lineId,
      enterpriseId: l.enterpriseId,
      enterpriseName: l.enterpriseName,
      uscc: l.uscc,
      regionName: l.regionName,
      lineName: l.lineName,
      specification: l.specification,
      capacity: Number(l.capacity),
      capacityUnit: l.capacityUnit,
      capacityUnitName: l.capacityUnitName,
      status: l.status as LineStatus,
      plannedExitDate: l.plannedExitDate,
    })),
    nextCursor: rows.length > q.limit ? page.at(-1)!.lineId : null,
  };
}
