import { EXIT_TASK_EVENTS, EXIT_TASK_STATUSES, type ExitTaskEvent, type ExitTaskStatus } from '@taotai/shared';
import { describe, expect, it } from 'vitest';
import { dismantleGuard, EXIT_TASK_TRANSITIONS, eventsFrom, type GuardInput, isOverdue, sealGuard, transitionFor } from './exit-task.machine.ts';

/** The whole table written out: every (state, event) pair either leads somewhere or is refused. */
const EXPECTED: Record<ExitTaskStatus, Partial<Record<ExitTaskEvent, ExitTaskStatus>>> = {
  planned: { seal: 'sealed', dismantle: 'dismantled', close: 'closed' },
  sealed: { dismantle: 'dismantled', close: 'closed', reopen: 'planned' },
  dismantled: { request_acceptance: 'acceptance_requested', reopen: 'planned' },
  acceptance_requested: { accept: 'accepted', reject: 'rejected', reopen: 'planned' },
  rejected: { resubmit: 'dismantled', reopen: 'planned' },
  accepted: { reopen: 'planned' },
  closed: { reopen: 'planned' },
};

const TODAY = '2026-07-01';
const fullSeal: GuardInput = {
  payload: { waterCut: true, powerCut: true, powerUnitsRemoved: true, equipmentSealed: true, dismantleDeadline: '2026-09-30' },
  evidence: { seal_photo: 2, commitment_scan: 1 },
  today: TODAY,
};
const fullDismantle: GuardInput = {
  payload: { legalRepresentative: '张三', officials: ['李四'], destination: 'scrapped' },
  evidence: { photo_before: 1, photo_during: 1, photo_after: 1, witness_record: 1 },
  today: TODAY,
};
const valid: Record<ExitTaskEvent, GuardInput> = {
  seal: fullSeal,
  dismantle: fullDismantle,
  resubmit: { ...fullDismantle, payload: { ...fullDismantle.payload, reason: '补拍拆除后照片' } },
  request_acceptance: { payload: {}, evidence: {}, today: TODAY },
  accept: { payload: {}, evidence: {}, today: TODAY },
  reject: { payload: { reason: '主体设备未拆除' }, evidence: {}, today: TODAY },
  close: { payload: { orderNo: '巩政〔2026〕1号', reason: '依法关闭' }, evidence: {}, today: TODAY },
  reopen: { payload: { reason: '举报核实：封存后恢复生产' }, evidence: {}, today: TODAY },
};

describe('exit task transition table', () => {
  for (const from of EXIT_TASK_STATUSES) {
    for (const event of EXIT_TASK_EVENTS) {
      const to = EXPECTED[from][event] ?? null;
      it(`${from} + ${event} → ${to ?? 'refused'}`, () => {
        const t = transitionFor(from, event);
        expect(t?.to ?? null).toBe(to);
        // Where it applies, complete facts pass the guard.
        if (t) expect(t.guard?.(valid[event]) ?? null).toBeNull();
      });
    }
  }
  it('has no duplicate (state, event) rows and lists the events offered per state', () => {
    const keys = EXIT_TASK_TRANSITIONS.map((t) => `${t.from}/${t.event}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(eventsFrom('planned')).toEqual(['seal', 'dismantle', 'close']);
    expect(eventsFrom('accepted')).toEqual(['reopen']);
  });
});

/** The refusal's message, whichever form the guard answered in. */
const msg = (r: ReturnType<typeof sealGuard> | undefined) => (r == null ? null : typeof r === 'string' ? r : r.message);

describe('guards name what is missing in Chinese', () => {
  it('sealing lists every missing measure, file and the deadline', () => {
    expect(msg(sealGuard({ payload: {}, evidence: {}, today: TODAY }))).toBe(
      '封存还缺：切断生产用水；切断生产用电；拆除动力装置；封存主体设备；主体设备封存照片（至少1份）；企业公开承诺书（签字盖章扫描件）（至少1份）；拆除期限',
    );
    expect(msg(sealGuard({ ...fullSeal, evidence: { commitment_scan: 1 } }))).toBe('封存还缺：主体设备封存照片（至少1份）');
    expect(msg(sealGuard({ ...fullSeal, payload: { ...fullSeal.payload, dismantleDeadline: '2026-06-30' } }))).toContain('拆除期限（2026-06-30已过');
  });
  it('dismantling needs the three photo stages, the witness record and signers, and the destination', () => {
    expect(msg(dismantleGuard({ ...fullDismantle, evidence: { photo_before: 1, photo_after: 1, witness_record: 1 } }))).toBe('拆除还缺：拆除中照片（至少1份）');
    const sold = (extra: object) => msg(dismantleGuard({ ...fullDismantle, payload: { ...fullDismantle.payload, destination: 'sold', ...extra } }));
    expect(sold({})).toBe('拆除还缺：设备买方名称；设备买方统一社会信用代码');
    expect(sold({ buyerName: '某回收公司', buyerUscc: '91410181MA00000000' })).toContain('校验位错误');
    expect(msg(dismantleGuard({ ...fullDismantle, payload: {} }))).toBe(
      '拆除还缺：见证记录上签字的法定代表人姓名；见证记录上签字的政府工作人员姓名（至少1人）；设备去向（报废、出售或其他）',
    );
  });
  it('rejecting, resubmitting and closing need their reasons', () => {
    expect(msg(transitionFor('acceptance_requested', 'reject')!.guard!({ ...valid.reject, payload: {} }))).toBe('验收不通过时请填写原因');
    expect(msg(transitionFor('rejected', 'resubmit')!.guard!(fullDismantle))).toBe('重新提交时请填写原因');
    expect(msg(transitionFor('planned', 'close')!.guard!({ ...valid.close, payload: {} }))).toBe('依令关闭还缺：关闭令文号；关闭原因');
  });
  it('name each missing field and evidence slot, for the form to mark', () => {
    const r = sealGuard({ ...fullSeal, payload: { ...fullSeal.payload, waterCut: false }, evidence: { commitment_scan: 1 } });
    expect(typeof r === 'object' && r?.fields).toEqual([
      { path: 'payload.waterCut', message: '还缺：切断生产用水' },
      { path: 'evidence.seal_photo', message: '还缺：主体设备封存照片（至少1份）' },
    ]);
    const d = dismantleGuard({ ...fullDismantle, evidence: { photo_before: 1 } });
    expect(typeof d === 'object' && d?.fields.map((f) => f.path)).toEqual(['evidence.photo_during', 'evidence.photo_after', 'evidence.witness_record']);
  });
});

describe('isOverdue', () => {
  it('is true only for a sealed task past its dismantling deadline', () => {
    expect(isOverdue('sealed', '2026-06-30', TODAY)).toBe(true);
    expect(isOverdue('sealed', TODAY, TODAY)).toBe(false);
    expect(isOverdue('dismantled', '2026-06-30', TODAY)).toBe(false);
    expect(isOverdue('sealed', null, TODAY)).toBe(false);
  });
});
