import { type Agency, TIP_EVENT_LABELS, TIP_FINDING_LABELS, TIP_FINDINGS, type Tip, type TipEvent, type TipFinding, type TipTransitionBody } from '@taotai/shared';
import { App, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { TransitionActions } from '../../shared/TransitionActions.tsx';
import { useAsync } from '../../shared/use-async.ts';
import { RegionSelect } from '../region/RegionSelect.tsx';
import { tipApi } from './tip-api.ts';

const SUCCESS: Record<TipEvent, string> = {
  accept: '已受理，进入核查',
  forward: '已转办',
  extend: '已延期',
  submit_conclusion: '已提交办结，待审定',
  return: '已退回',
  conclude: '已审定办结，结果已公开',
};

type Run = (what: () => Promise<unknown>, done: string) => Promise<boolean>;

/**
 * A tip's lifecycle buttons (TransitionActions), with what each event needs beside its reason: 转办 a county office
 * or a member department of the handling region; 延期 1–15 working days; 提交办结 the finding, the reply to the
 * tipster and the measures taken (the server names whatever is missing).
 */
export function TipActions({ t, busy, run }: { t: Tip; busy: boolean; run: Run }) {
  const [regionCode, setRegionCode] = useState<string>();
  const [agencyId, setAgencyId] = useState<number>();
  const [days, setDays] = useState<number | null>(5);
  const [finding, setFinding] = useState<TipFinding | undefined>(t.finding ?? undefined);
  const [reply, setReply] = useState(t.reply ?? '');
  const [measures, setMeasures] = useState(t.measures ?? '');
  const [why, setWhy] = useState('');
  const { message } = App.useApp();
  const agencies = useAsync(() => (regionCode ? api.get<Agency[]>(`/regions/${regionCode}/agencies`) : Promise.resolve([] as Agency[])), [regionCode]);

  const fire = async (event: TipEvent, reason: string) => {
    // 转办 and 延期 are ordinary steps (not refusals): their reason is asked among their fields, so the buttons stay neutral.
    const ownReason = event === 'forward' || event === 'extend';
    if (ownReason && !why.trim()) {
      message.error(event === 'forward' ? '请填写转办理由' : '请填写延期理由');
      return false;
    }
    const body: TipTransitionBody = { event, version: t.version, reason: (ownReason ? why.trim() : reason) || undefined };
    if (event === 'forward') body.forwardTo = regionCode ? { regionCode, agencyId } : undefined;
    if (event === 'extend') body.extendDays = days ?? undefined;
    if (event === 'submit_conclusion') Object.assign(body, { finding, reply: reply.trim() || undefined, measures: measures.trim() || undefined });
    return run(() => tipApi.transition(t.id, body), SUCCESS[event]);
  };

  const fields = {
    forward: (
      <Form layout="vertical" component="div">
        <Form.Item label="转办至（县级领导小组办公室或本级成员单位）" required>
          <RegionSelect value={regionCode} onChange={(c) => {
              setRegionCode(c);
              setAgencyId(undefined);
            }} placeholder="选择区划" />
        </Form.Item>
        <Form.Item label="成员单位（不选则转该地区领导小组办公室）">
          <Select
            allowClear
            value={agencyId}
            onChange={setAgencyId}
            loading={agencies.loading}
            options={(agencies.data ?? []).filter((a) => !a.isGroupOffice).map((a) => ({ value: a.id, label: a.name }))}
            aria-label="成员单位"
          />
        </Form.Item>
        <Form.Item label="转办理由" required style={{ marginBottom: 0 }}>
          <Input.TextArea rows={3} maxLength={500} value={why} onChange={(e) => setWhy(e.target.value)} aria-label="转办理由" data-testid="tip-reason" />
        </Form.Item>
      </Form>
    ),
    extend: (
      <Form layout="vertical" component="div">
        <Form.Item label="延长工作日（1–15，只能延期一次）" required>
          <InputNumber min={1} max={15} value={days} onChange={setDays} style={{ width: 120 }} aria-label="延长工作日" data-testid="tip-extend-days" />
        </Form.Item>
        <Form.Item label="延期理由" required style={{ marginBottom: 0 }}>
          <Input.TextArea rows={3} maxLength={500} value={why} onChange={(e) => setWhy(e.target.value)} aria-label="延期理由" data-testid="tip-reason" />
        </Form.Item>
      </Form>
    ),
    submit_conclusion: (
      <Form layout="vertical" component="div">
        <Form.Item label="核查结论" required>
          <Radio.Group value={finding} onChange={(e) => setFinding(e.target.value)} options={TIP_FINDINGS.map((f) => ({ value: f, label: TIP_FINDING_LABELS[f] }))} data-testid="tip-finding" />
        </Form.Item>
        <Form.Item label="答复举报人（办结后举报人凭查询码可见）" required>
          <Input.TextArea rows={4} maxLength={5000} value={reply} onChange={(e) => setReply(e.target.value)} aria-label="答复举报人" data-testid="tip-reply" />
        </Form.Item>
        <Form.Item label="处理措施（向社会公开，不含举报人信息）" required style={{ marginBottom: 0 }}>
          <Input.TextArea rows={3} maxLength={5000} value={measures} onChange={(e) => setMeasures(e.target.value)} aria-label="处理措施" data-testid="tip-measures" />
        </Form.Item>
      </Form>
    ),
  };

  return (
    <TransitionActions<TipEvent>
      events={t.availableEvents}
      labels={TIP_EVENT_LABELS}
      noun="举报"
      busy={busy}
      fields={fields}
      confirm={{
        accept: '受理后进入核查，请在办理期限内核查并答复。',
        conclude: '审定后办结：答复发送给举报人，核查结论和处理措施向社会公开。',
        submit_conclusion: '提交后由本单位其他人员审定办结。',
      }}
      onFire={fire}
    />
  );
}
