import type { InspectionCandidate, InspectionRound } from '@taotai/shared';
import { Alert, App, Modal, Table } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../shared/form-errors.ts';
import { useAsync } from '../../shared/use-async.ts';
import { inspectionApi } from './inspection-api.ts';
import { linesText } from './lines-text.ts';
import { zhRowSelection } from '../../shared/row-selection.ts';

/** Picks enterprises whose exit tasks await acceptance in the round's region. */
export function AddEnterprisesModal(props: { round: InspectionRound; onClose: () => void; onDone: (r: InspectionRound) => void }) {
  const { message } = App.useApp();
  const candidates = useAsync(() => inspectionApi.candidates(props.round.id), [props.round.id]);
  const [selected, setSelected] = useState<number[]>([]);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setSaving(true);
    try {
      const r = await inspectionApi.addEnterprises(props.round.id, selected);
      message.success(`已加入${selected.length}家企业`);
      props.onDone(r);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title="加入待验收企业"
      open
      width={860}
      onCancel={props.onClose}
      onOk={save}
      okText={`加入（${selected.length}家）`}
      okButtonProps={{ disabled: selected.length === 0 }}
      confirmLoading={saving}
      destroyOnHidden
    >
      {candidates.error && <Alert type="error" showIcon title={candidates.error.message} />}
      <Table<InspectionCandidate>
        rowKey="enterpriseId"
        size="small"
        loading={candidates.loading}
        dataSource={candidates.data}
        pagination={false}
        scroll={{ y: 420 }}
        data-testid="candidate-table"
        locale={{ emptyText: '本区划暂无退出任务待验收的企业' }}
        rowSelection={zhRowSelection({ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) }, (c) => c.enterpriseName)}
        columns={[
          { title: '企业', dataIndex: 'enterpriseName', width: 260 },
          { title: '统一社会信用代码', dataIndex: 'uscc', width: 190 },
          { title: '待验收的生产线（设备）', key: 'l', render: (_, c) => linesText(c.lines) },
        ]}
      />
    </Modal>
  );
}
