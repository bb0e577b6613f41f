import { ColumnHeightOutlined, DownloadOutlined, ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Dropdown, Popover, Progress, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { DENSITY_LABELS, type Density } from './list-settings.ts';

interface Props {
  extra?: ReactNode;
  onReload: () => void;
  loading: boolean;
  columns: { key: string; title: string }[];
  hidden: Set<string>;
  onHiddenChange: (hidden: string[]) => void;
  onResetColumns: () => void;
  density: Density;
  onDensityChange: (d: Density) => void;
  onExport?: () => void;
  exporting: boolean;
  /** 0–99 while the file streams in; null when no export runs. */
  exportPercent: number | null;
  exportBytes: number;
}

/** 刷新, 列设置, 密度 and 导出 (with its progress), after the list's own buttons. */
export function ListToolbar(p: Props) {
  const columnSettings = (
    <div data-testid="column-settings" style={{ display: 'flex', flexDirection: 'column', gap: 6, minWidth: 160 }}>
      {p.columns.map((c) => (
        <Checkbox
          key={c.key}
          checked={!p.hidden.has(c.key)}
          onChange={(e) => {
            const next = new Set(p.hidden);
            if (e.target.checked) next.delete(c.key);
            else next.add(c.key);
            // Never hide every column: an empty table reads as "no data".
            if (next.size < p.columns.length) p.onHiddenChange([...next]);
          }}
        >
          {c.title}
        </Checkbox>
      ))}
      <Button size="small" type="link" onClick={p.onResetColumns} style={{ alignSelf: 'flex-start', padding: 0 }}>
        恢复默认
      </Button>
    </div>
  );

  return (
    <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, flexWrap: 'wrap', marginBottom: 12 }}>
      {/* Always rendered, so the toolbar keeps to the right even when the list has no buttons of its own. */}
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>{p.extra}</div>
      <Space wrap size={4}>
        {p.exportPercent !== null && (
          <Space size={6}>
            <Progress percent={p.exportPercent} size="small" style={{ width: 120, margin: 0 }} aria-label="导出进度" status="active" />
            <Typography.Text type="secondary" data-testid="export-bytes">
              已接收 {Math.ceil(p.exportBytes / 1024)} KB
            </Typography.Text>
          </Space>
        )}
        {p.onExport && (
          <Button icon={<DownloadOutlined />} onClick={p.onExport} loading={p.exporting} data-testid="list-export">
            导出
          </Button>
        )}
        <Button type="text" icon={<ReloadOutlined spin={p.loading} />} aria-label="刷新" title="刷新" onClick={p.onReload} />
        <Dropdown
          trigger={['click']}
          menu={{
            selectable: true,
            selectedKeys: [p.density],
            items: (Object.keys(DENSITY_LABELS) as Density[]).map((d) => ({ key: d, label: DENSITY_LABELS[d] })),
            onClick: ({ key }) => p.onDensityChange(key as Density),
          }}
        >
          <Button type="text" icon={<ColumnHeightOutlined />} aria-label="密度" title="密度" />
        </Dropdown>
        <Popover trigger="click" placement="bottomRight" title="列设置" content={columnSettings}>
          <Button type="text" icon={<SettingOutlined />} aria-label="列设置" title="列设置" />
        </Popover>
      </Space>
    </div>
  );
}
