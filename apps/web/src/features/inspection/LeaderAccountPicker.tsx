import type { InspectionRound } from '@taotai/shared';
import { App, Button, Select, Space } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../shared/form-errors.ts';
import { useAsync } from '../../shared/use-async.ts';
import { inspectionApi } from './inspection-api.ts';

/**
 * The round's 检查组组长账号 (issue 10 §2), changeable by the organising office until the round ends: a
 * round formed before accounts were named gets one here, since only that account concludes it.
 */
export function LeaderAccountPicker(props: { round: InspectionRound; onSaved: (r: InspectionRound) => void }) {
  const { message } = App.useApp();
  const { round } = props;
  const [value, setValue] = useState<number | null>(round.leaderUserId);
  const [saving, setSaving] = useState(false);
  const accounts = useAsync(() => inspectionApi.leaderAccounts(round.regionCode), [round.regionCode]);
  const save = async () => {
    setSaving(true);
    try {
      const { title, year, startDate, endDate, version } = round;
      const team = round.team.map((m) => ({ agencyId: m.agencyId, personName: m.personName, role: m.role }));
      props.onSaved(await inspectionApi.update(round.id, { title, year, startDate, endDate, team, version, leaderUserId: value }));
      message.success('检查组组长账号已保存');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Space>
      <Select
        size="small"
        style={{ width: 220 }}
        placeholder="指定或更换组长账号"
        value={value ?? undefined}
        onChange={(v: number) => setValue(v)}
        loading={accounts.loading}
        options={(accounts.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
        showSearch
        optionFilterProp="label"
        aria-label="检查组组长账号"
      />
      <Button size="small" disabled={value === null || value === round.leaderUserId} loading={saving} onClick={save}>
        保存
      </Button>
    </Space>
  );
}
