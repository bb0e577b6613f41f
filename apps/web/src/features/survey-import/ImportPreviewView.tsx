import type { ImportPreview, ImportRowError } from '@taotai/shared';
import { Alert, Descriptions, Space, Table, Tag } from 'antd';
import { fmtNumber } from '../../shared/format.ts';

/** What the server found in the file: counts, capacity per unit (never summed across units), and row errors. */
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const clean = preview.token !== null && preview.errorCount === 0;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {clean ? (
        <Alert type="success" showIcon title="校验通过，可以导入" description="确认无误后点击“确认导入”，数据将写入企业台账。" />
      ) : (
        <Alert
          type="error"
          showIcon
          title={`发现 ${preview.errorCount} 处错误，未导入任何数据`}
          description="请按下表修改排查登记表后重新上传。"
        />
      )}
      <Descriptions
        size="small"
        bordered
        column={2}
        items={[
          { key: 'f', label: '文件', children: preview.fileName, span: 2 },
          { key: 't', label: '表格标题', children: preview.title ?? '—', span: 2 },
          { key: 'r', label: '数据行数', children: preview.rowCount },
          { key: 'l', label: '生产线（设备）', children: `${preview.lineCount} 条` },
          { key: 'e', label: '涉及企业', children: `${preview.enterpriseCount} 家（其中新增 ${preview.newEnterpriseCount} 家）` },
          {
            key: 'c',
            label: '产能合计',
            children: preview.capacityByUnit.length ? (
              <Space wrap size={4}>
                {preview.capacityByUnit.map((c) => (
                  <Tag key={c.unit} color="blue">
                    {fmtNumber(c.total)} {c.unit}
                  </Tag>
                ))}
              </Space>
            ) : (
              '—'
            ),
          },
        ]}
      />
      {preview.errors.length > 0 && (
        <Table<ImportRowError>
          size="small"
          bordered
          rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
          dataSource={preview.errors}
          pagination={preview.errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          columns={[
            { title: '行号', dataIndex: 'row', width: 70, align: 'center' },
            { title: '列', dataIndex: 'column', width: 160, render: (c: string | null) => c ?? '—' },
            { title: '错误说明', dataIndex: 'message' },
          ]}
          data-testid="import-errors"
        />
      )}
    </Space>
  );
}
