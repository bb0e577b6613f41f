import {
  type Agency,
  ANNOUNCEMENT_FORM_LABELS,
  ANNOUNCEMENT_FORMS,
  ANNOUNCEMENT_KIND_LABELS,
  ANNOUNCEMENT_KINDS,
  type AnnouncementForm,
  type AnnouncementKind,
  CASE_CRITERION_AGENCY,
  DEFAULT_NOTICE_WORKING_DAYS,
  DEPARTMENT_LIST_KINDS,
  departmentListKindOf,
} from '@taotai/shared';
import { Alert, App, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../../app/session.tsx';
import { api } from '../../shared/api.ts';
import { applyFieldErrors, errorMessage } from '../../shared/form-errors.ts';
import { useAsync } from '../../shared/use-async.ts';
import { planApi } from '../elimination-plan/plan-api.ts';
import { announcementApi } from './announcement-api.ts';

interface Values {
  kind: AnnouncementKind;
  sourcePlanId?: number;
  form: AnnouncementForm;
  noticeWorkingDays: number;
  title?: string;
}

/** Builds a draft from the records: which list, from which approved plan, 公示 (N working days) or 公告. */
export function CreateAnnouncementModal({ open, year, onClose }: { open: boolean; year: number; onClose: () => void }) {
  const me = useMe();
  const nav = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form);
  const annForm = Form.useWatch('form', form);
  // A department (成员单位) drafts only the 黄牌/红牌 lists of its own ground (ADR 0023, CASE_CRITERION_AGENCY: the
  // server refuses the others); the office drafts every kind (issue 12).
  const isAgency = me.role === 'member_agency';
  const agencies = useAsync(() => (open && isAgency ? api.get<Agency[]>(`/regions/${me.regionCode}/agencies`) : Promise.resolve([])), [open, isAgency, me.regionCode]);
  const ownKind = agencies.data?.find((a) => a.id === me.agencyId)?.kind;
  const kinds: readonly AnnouncementKind[] = isAgency
    ? DEPARTMENT_LIST_KINDS.filter((k) => !!ownKind && CASE_CRITERION_AGENCY[departmentListKindOf(k)!.criterion].includes(ownKind))
    : ANNOUNCEMENT_KINDS;
  const plans = useAsync(() => (open ? planApi.list({ year, region: me.regionCode, status: 'approved' }) : Promise.resolve([])), [open, year, me.regionCode]);

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const a = await announcementApi.create({
        regionCode: me.regionCode,
        year,
        kind: v.kind,
        sourcePlanId: v.kind === 'plan_list' ? (v.sourcePlanId ?? null) : null,
        form: v.form,
        noticeWorkingDays: v.noticeWorkingDays,
        title: v.title?.trim() || undefined,
      });
      message.success(`已生成公告草稿，共 ${a.itemCount} 条`);
      onClose();
      nav(`/announcements/${a.id}`);
    } catch (e) {
      if (!applyFieldErrors(form, e, ['kind', 'sourcePlanId', 'form', 'noticeWorkingDays', 'title'])) message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title={`生成${me.regionName.split(' / ').at(-1)}${year}年公告公示`} open={open} onCancel={onClose} onOk={submit} okText="生成草稿" confirmLoading={saving} destroyOnHidden width={560}>
      <Form<Values> form={form} layout="vertical" initialValues={{ kind: isAgency ? undefined : kinds[0], form: 'public_notice', noticeWorkingDays: DEFAULT_NOTICE_WORKING_DAYS }} preserve={false}>
        <Form.Item name="kind" label="公告内容" rules={[{ required: true, message: '请选择公告内容' }]}>
          <Radio.Group optionType="button" options={kinds.map((k) => ({ value: k, label: ANNOUNCEMENT_KIND_LABELS[k] }))} />
        </Form.Item>
        {kind === 'plan_list' && (
          <Form.Item name="sourcePlanId" label="依据的淘汰计划" rules={[{ required: true, message: '请选择已批准的本级淘汰计划' }]}>
            <Select
              loading={plans.loading}
              placeholder="选择本级已批准的年度淘汰计划"
              notFoundContent={`${year}年尚无已批准的本级淘汰计划`}
              options={(plans.data ?? []).filter((p) => p.regionCode === me.regionCode).map((p) => ({ value: p.id, label: `${p.title}（${p.lineCount} 条生产线）` }))}
            />
          </Form.Item>
        )}
        {kind === 'sealed_list' && <Alert type="info" showIcon style={{ marginBottom: 16 }} title="列入已封存（及之后阶段）且已上传企业公开承诺书的生产线" />}
        {kind === 'completed_list' && <Alert type="info" showIcon style={{ marginBottom: 16 }} title="列入已验收合格的退出任务" />}
        {kind && departmentListKindOf(kind) && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={departmentListKindOf(kind)?.colour === 'yellow' ? '列入本地区该类别限期整改（含限制生产、停产整治、停产整改）中的案件' : '列入本地区该类别复查仍不达标、已责令关闭的案件'}
          />
        )}
        <Form.Item name="form" label="形式">
          <Radio.Group options={ANNOUNCEMENT_FORMS.map((f) => ({ value: f, label: ANNOUNCEMENT_FORM_LABELS[f] }))} />
        </Form.Item>
        {annForm === 'public_notice' && (
          <Form.Item name="noticeWorkingDays" label="公示期（工作日）" extra="自发布之日的次日起按工作日计算，节假日顺延" rules={[{ required: true, message: '请填写公示期' }]}>
            <InputNumber min={1} max={30} precision={0} suffix="个工作日" style={{ width: 180 }} />
          </Form.Item>
        )}
        <Form.Item name="title" label="标题" extra="不填则按“××市××年……名单公示”命名">
          <Input maxLength={100} />
        </Form.Item>
        <div style={{ color: '#888' }}>名单在生成时从台账、计划和退出任务中复制，之后记录变化不影响已生成的名单。</div>
      </Form>
    </Modal>
  );
}
