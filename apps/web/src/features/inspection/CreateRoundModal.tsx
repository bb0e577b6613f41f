import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { TEAM_ROLE_LABELS, TEAM_ROLES, type TeamRole } from '@taotai/shared';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyFieldErrors, errorMessage } from '../../shared/form-errors.ts';
import { useAsync } from '../../shared/use-async.ts';
import { inspectionApi } from './inspection-api.ts';

interface Values {
  title: string;
  year: number;
  dates: [Dayjs, Dayjs | null];
  team: { agencyId?: number; personName?: string; role: TeamRole }[];
  leaderUserId?: number;
}

/** A new round: title, dates and a team whose members come from the region's agencies (组长 + 成员). */
export function CreateRoundModal(props: { regionCode: string; year: number; onClose: () => void; onCreated: (id: number) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const agencies = useAsync(() => inspectionApi.agencies(props.regionCode), [props.regionCode]);
  const options = (agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }));
  const leaders = useAsync(() => inspectionApi.leaderAccounts(props.regionCode), [props.regionCode]);

  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const r = await inspectionApi.create({
        title: v.title.trim(),
        year: v.year,
        startDate: v.dates[0].format('YYYY-MM-DD'),
        endDate: v.dates[1] ? v.dates[1].format('YYYY-MM-DD') : null,
        team: v.team.map((m) => ({ agencyId: m.agencyId!, personName: (m.personName ?? '').trim(), role: m.role })),
        leaderUserId: v.leaderUserId ?? null,
      });
      message.success('检查验收批次已组建，请加入待验收企业');
      props.onCreated(r.id);
    } catch (e) {
      if (!applyFieldErrors(form, e, ['title', 'year', 'team', 'leaderUserId'])) message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title="组建检查验收批次" open width={760} onCancel={props.onClose} onOk={save} okText="组建" confirmLoading={saving} destroyOnHidden>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          title: `${props.year}年淘汰落后产能联合检查验收`,
          year: props.year,
          dates: [dayjs(), null],
          team: [{ role: 'leader' }, { role: 'member' }, { role: 'member' }],
        }}
      >
        <Space align="start" wrap>
          <Form.Item name="title" label="批次名称" rules={[{ required: true, message: '请填写批次名称' }]} style={{ width: 380 }}>
            <Input maxLength={100} data-testid="round-title" />
          </Form.Item>
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="dates" label="检查日期" rules={[{ required: true, message: '请选择开始日期' }]}>
            <DatePicker.RangePicker allowEmpty={[false, true]} />
          </Form.Item>
        </Space>
        <Form.Item
          name="leaderUserId"
          label="检查组组长账号（作出验收结论、结束本批次、签发验收意见）"
          rules={[{ required: true, message: '请选择检查组组长账号' }]}
          extra="本级或上级领导小组办公室的账号；组建批次的人员不能担任（验收结论须由检查组组长签署）"
        >
          <Select
            style={{ width: 380 }}
            placeholder="选择账号"
            loading={leaders.loading}
            options={(leaders.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
            showSearch
            optionFilterProp="label"
            data-testid="round-leader-account"
          />
        </Form.Item>
        <Form.List name="team">
          {(fields, { add, remove }) => (
            <>
              <div style={{ marginBottom: 8 }}>检查组（从本级领导小组成员单位抽调）</div>
              {fields.map((f) => (
                <Space key={f.key} align="start" data-testid="team-row">
                  <Form.Item name={[f.name, 'role']} rules={[{ required: true }]}>
                    <Select style={{ width: 90 }} options={TEAM_ROLES.map((r) => ({ value: r, label: TEAM_ROLE_LABELS[r] }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'agencyId']} rules={[{ required: true, message: '请选择单位' }]}>
                    <Select style={{ width: 280 }} placeholder="成员单位" loading={agencies.loading} options={options} showSearch optionFilterProp="label" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'personName']} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
                    <Input style={{ width: 160 }} placeholder="人员姓名" maxLength={50} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label="移除该成员" />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'member' })}>
                添加成员
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
