import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { CRITERION_LABELS, ENTERPRISE_STATUS_LABELS, type EnterpriseSummary } from '@taotai/shared';
import { App, Button, Card, Col, Collapse, Grid, Input, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useCan } from '../../app/session.tsx';
import { api } from '../../shared/api.ts';
import { errorMessage } from '../../shared/form-errors.ts';
import { fmtDate } from '../../shared/format.ts';
import { type ListColumn, type ListFilterField, ListPage, listQuery } from '../../shared/list-page/index.ts';
import { useCatalogue } from '../catalogue/catalogue-api.ts';
import { RegionTree } from '../region/RegionTree.tsx';
import { ImportDialog } from '../survey-import/ImportDialog.tsx';
import { type EnterpriseFilters, type EnterprisePage, enterpriseApi } from './enterprise-api.ts';
import { options, StatusTag } from './labels.tsx';

// Sortable fields are the server's whitelist (ENTERPRISE_SORT_FIELDS): each is served by a (scope column, field, id) index.
const columns: ListColumn<EnterpriseSummary>[] = [
  { key: 'name', title: '企业名称', dataIndex: 'name', width: 240, sortField: 'name', render: (name: string, r) => <Link to={`/enterprises/${r.id}`}>{name}</Link> },
  { key: 'uscc', title: '统一社会信用代码', dataIndex: 'uscc', width: 172, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
  { key: 'regionName', title: '所在区划', dataIndex: 'regionName', width: 120, ellipsis: true },
  { key: 'industryName', title: '行业', dataIndex: 'industryName', width: 84 },
  { key: 'lineCount', title: '生产线', dataIndex: 'lineCount', width: 70, align: 'right', render: (n: number) => `${n} 条` },
  { key: 'status', title: '状态', dataIndex: 'status', width: 72, render: (s: EnterpriseSummary['status']) => <StatusTag status={s} /> },
  { key: 'updatedAt', title: '更新时间', dataIndex: 'updatedAt', width: 112, sortField: 'updatedAt', render: fmtDate },
];

/** 企业台账: region tree + the list page; filters, page and sort live in the URL so a link reproduces the view. */
export default function EnterpriseListPage() {
  const wide = Grid.useBreakpoint().lg ?? true;
  const [params, setParams] = useSearchParams();
  const can = useCan();
  const nav = useNavigate();
  const { message } = App.useApp();
  const { industries } = useCatalogue();
  const [regionName, setRegionName] = useState<string>();
  const [formExporting, setFormExporting] = useState(false);
  const [reloadToken, setReloadToken] = useState(0);
  const region = params.get('region') ?? undefined;
  const importOpen = params.get('import') === '1';

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'region') next.delete('page');
    setParams(next, { replace: true });
  };

  const filterFields: ListFilterField[] = [
    { name: 'q', label: '名称/信用代码', node: <Input placeholder="企业名称或信用代码" allowClear /> },
    {
      name: 'industry',
      label: '行业',
      node: <Select allowClear placeholder="全部" options={industries.map((i) => ({ value: i.code, label: i.name }))} showSearch={{ optionFilterProp: 'label' }} />,
    },
    { name: 'criterion', label: '不达标类别', node: <Select allowClear placeholder="全部" options={options(CRITERION_LABELS)} /> },
    { name: 'status', label: '状态', node: <Select allowClear placeholder="全部" options={options(ENTERPRISE_STATUS_LABELS)} /> },
  ];

  // The survey form (one row per line, re-importable) stays its own file beside the list's 导出.
  const exportForm = async () => {
    setFormExporting(true);
    try {
      const f: EnterpriseFilters = {};
      for (const k of ['region', 'industry', 'criterion', 'status', 'q'] as const) f[k] = params.get(k) ?? undefined;
      const name = await enterpriseApi.export(f);
      message.success(`已导出：${name}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setFormExporting(false);
    }
  };

  const actions = (
    <>
      {can('enterprise:write') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => nav(`/enterprises/new${region ? `?region=${region}` : ''}`)}>
          新增企业
        </Button>
      )}
      {can('enterprise:import') && (
        <Button icon={<UploadOutlined />} onClick={() => setParam('import', '1')}>
          导入排查登记表
        </Button>
      )}
      {can('enterprise:export') && (
        <Button icon={<DownloadOutlined />} loading={formExporting} onClick={exportForm}>
          导出排查登记表
        </Button>
      )}
    </>
  );

  const tree = (
    <RegionTree
      selected={region}
      onSelect={(code, name) => {
        setRegionName(name);
        setParam('region', code);
      }}
    />
  );
  // Beside the list on a desktop; on a phone or tablet folded above it, so the list keeps the width (issue 11).
  return (
    <Row gutter={[16, 16]} wrap={!wide}>
      <Col flex={wide ? '240px' : '100%'} style={{ minWidth: 0 }}>
        {wide ? (
          tree
        ) : (
          <Collapse size="small" items={[{ key: 'tree', label: `按行政区划筛选${regionName && region ? `：${regionName}` : ''}`, children: tree }]} />
        )}
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        <Card>
          <ListPage<EnterpriseSummary, EnterprisePage>
            listKey="enterprise"
            testId="enterprise"
            rowKey="id"
            columns={columns}
            filterFields={filterFields}
            extraFilterKeys={['region']}
            fetchPage={(r) => api.get<EnterprisePage>('/enterprises', listQuery(r))}
            exportPath={can('enterprise:export') ? '/enterprises/list.xlsx' : undefined}
            exportName="企业台账.xlsx"
            actions={actions}
            scrollX={870}
            reloadToken={reloadToken}
            above={({ result }) => (
              <Typography.Paragraph type="secondary" data-testid="enterprise-total" style={{ marginBottom: 12 }}>
                {regionName && region ? `${regionName}：` : ''}
                {result?.total != null ? `共 ${result.total} 家企业` : '…'}
              </Typography.Paragraph>
            )}
          />
        </Card>
      </Col>
      {can('enterprise:import') && (
        <ImportDialog
          open={importOpen}
          onClose={(imported) => {
            setParam('import', undefined);
            if (imported) setReloadToken((n) => n + 1);
          }}
        />
      )}
    </Row>
  );
}
