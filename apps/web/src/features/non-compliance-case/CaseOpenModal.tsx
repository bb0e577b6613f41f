import { CASE_CRITERION_LABELS, type CaseCreateBody, type CaseCriterion, type Enterprise } from '@taotai/shared';
import { App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { applyFieldErrors, errorMessage } from '../../shared/form-errors.ts';
import { enterpriseApi } from '../enterprise/enterprise-api.ts';
import { caseApi } from './case-api.ts';

interface Values {
  enterpriseId?: number;
  lineId?: number;
  criterion: CaseCriterion;
  standardText: string;
  findings: string;
  decisionNo: string;
  servedOn: Dayjs;
  measure?: 'restricted' | 'suspended';
  deadline?: Dayjs;
}

const FIELDS = ['enterpriseId', 'lineId', 'criterion', 'standardText', 'findings', 'decisionNo', 'servedOn', 'measure', 'deadline'];
/** Grounds whose deadline is the department's (environment: required; technology, land: optional, else 6 months). */
const GIVES_DATE: CaseCriterion[] = ['environment', 'technology', 'land'];

/**
 * 立案: the department's form (issue 12). The ground decides what is asked: environment asks 限制生产/停产整治 and the
 * department's date; safety stops production at once (no date); energy and quality run 6 months from service.
 */
export function CaseOpenModal({ open, onClose, criteria, enterprise }: { open: boolean; onClose: () => void; criteria: CaseCriterion[]; enterprise?: Enterprise }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const nav = useNavigate();
  const [busy, setBusy] = useState(false);
  const [picked, setPicked] = useState<Enterprise | undefined>(enterprise);
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const criterion = Form.useWatch('criterion', form);

  useEffect(() => setPicked(enterprise), [enterprise]);
  const search = (q: string) =>
    enterpriseApi
      .list({ q }, { limit: 20 })
      .then((p) => setOptions(p.items.map((e) => ({ value: e.id, label: `${e.name}（${e.regionName}）` }))))
      .catch(() => setOptions([]));

  const submit = async (v: Values) => {
    setBusy(true);
    const body: CaseCreateBody = {
      enterpriseId: enterprise?.id ?? v.enterpriseId!,
      lineId: v.lineId ?? null,
      criterion: v.criterion,
      standardText: v.standardText,
      findings: v.findings,
      decisionNo: v.decisionNo,
      servedOn: v.servedOn.format('YYYY-MM-DD'),
      measure: v.criterion === 'environment' ? v.measure : null,
      deadline: GIVES_DATE.includes(v.criterion) && v.deadline ? v.deadline.format('YYYY-MM-DD') : null,
    };
    try {
      const c = await caseApi.create(body);
      message.success('已立案');
      onClose();
      nav(`/cases/${c.id}`);
    } catch (e) {
      if (!applyFieldErrors(form, e, FIELDS)) message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="立案" open={open} onCancel={onClose} onOk={() => form.submit()} okText="立案" confirmLoading={busy} destroyOnHidden width={640}>
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ criterion: criteria[0], servedOn: dayjs() }} preserve={false}>
        {enterprise ? (
          <Form.Item label="企业">{enterprise.name}</Form.Item>
        ) : (
          <Form.Item name="enterpriseId" label="企业" rules={[{ required: true, message: '请选择企业' }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: search }}
              options={options}
              placeholder="输入企业名称查找"
              onFocus={() => options.length === 0 && search('')}
              onChange={(id: number) => enterpriseApi.get(id).then(setPicked)}
              data-testid="case-enterprise"
            />
          </Form.Item>
        )}
        <Form.Item name="lineId" label="生产线（不选则针对整个企业）">
          <Select allowClear placeholder="整个企业" options={(picked?.lines ?? []).map((l) => ({ value: l.id, label: l.specification ? `${l.name}（${l.specification}）` : l.name }))} data-testid="case-line" />
        </Form.Item>
        <Form.Item name="criterion" label="案件类别" rules={[{ required: true, message: '请选择案件类别' }]}>
          <Radio.Group options={criteria.map((c) => ({ value: c, label: CASE_CRITERION_LABELS[c] }))} data-testid="case-criterion" />
        </Form.Item>
        {criterion === 'environment' && (
          <Form.Item name="measure" label="处理措施" rules={[{ required: true, message: '请选择限制生产或停产整治' }]}>
            <Radio.Group options={[{ value: 'restricted', label: '限制生产' }, { value: 'suspended', label: '停产整治' }]} />
          </Form.Item>
        )}
        <Form.Item name="standardText" label="依据的标准或目录条目" rules={[{ required: true, message: '请填写依据的标准或目录条目' }]}>
          <Input maxLength={1000} data-testid="case-standard" />
        </Form.Item>
        <Form.Item name="findings" label="检查发现" rules={[{ required: true, message: '请填写检查发现的问题' }]}>
          <Input.TextArea rows={3} maxLength={5000} data-testid="case-findings" />
        </Form.Item>
        <Form.Item name="decisionNo" label="决定书文号" rules={[{ required: true, message: '请填写决定书文号' }]}>
          <Input maxLength={100} placeholder="如：巩发改能监〔2026〕1号" data-testid="case-decision-no" />
        </Form.Item>
        <Form.Item name="servedOn" label="送达日期" rules={[{ required: true, message: '请选择送达日期' }]} extra={hint(criterion)}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="case-served-on" />
        </Form.Item>
        {criterion && GIVES_DATE.includes(criterion) && (
          <Form.Item name="deadline" label="整改期限" rules={criterion === 'environment' ? [{ required: true, message: '请填写生态环境部门确定的整改期限' }] : []}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function hint(c: CaseCriterion | undefined): string {
  if (c === 'energy' || c === 'quality') return '整改期限为送达之日起6个月（按日历月计算，月末顺延至当月最后一天）';
  if (c === 'safety') return '立即停产整改，复查合格后方可恢复生产';
  if (c === 'environment') return '整改期限由生态环境部门确定，须晚于送达日期';
  return '不填整改期限则为送达之日起6个月';
}
