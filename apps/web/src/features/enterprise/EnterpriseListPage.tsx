import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { EnterpriseSummary } from '@taotai/shared';
import { Alert, App, Button, Card, Col, Row, Space, Table, type TableProps, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useCan } from '../../app/session.tsx';
import { errorMessage } from '../../shared/form-errors.ts';
import { fmtDate } from '../../shared/format.ts';
import { RegionTree } from '../region/RegionTree.tsx';
import { ImportDialog } from '../survey-import/ImportDialog.tsx';
import { type EnterpriseFilters, enterpriseApi } from './enterprise-api.ts';
import { EnterpriseFilterBar } from './EnterpriseFilterBar.tsx';
import { StatusTag } from './labels.tsx';
import { useEnterprisePages } from './use-enterprise-pages.ts';

const FILTER_KEYS = ['region', 'industry', 'criterion', 'status', 'q', 'sort'] as const;

/** 企业台账: region tree + filters + keyset table; filters live in the URL so a link reproduces the view. */
export default function EnterpriseListPage() {
  const [params, setParams] = useSearchParams();
  const can = useCan();
  const nav = useNavigate();
  const { message } = App.useApp();
  const [regionName, setRegionName] = useState<string>();
  const [exporting, setExporting] = useState(false);

  const filters = useMemo(() => {
    const f: EnterpriseFilters = {};
    for (const k of FILTER_KEYS) {
      const v = params.get(k);
      if (v) f[k] = v;
    }
    return f;
  }, [params]);
  const importOpen = params.get('import') === '1';
  const pages = useEnterprisePages(filters);

  const setFilters = (f: EnterpriseFilters) => {
    const next = new URLSearchParams();
    for (const k of FILTER_KEYS) if (f[k]) next.set(k, f[k]!);
    setParams(next, { replace: true });
  };
  const setImportOpen = (open: boolean) => {
    const next = new URLSearchParams(params);
    if (open) next.set('import', '1');
    else next.delete('import');
    setParams(next, { replace: true });
  };

  const doExport = async () => {
    setExporting(true);
    try {
      const name = await enterpriseApi.export(filters);
      message.success(`已导出：${name}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const columns: TableProps<EnterpriseSummary>['columns'] = [
    {
      title: '企业名称',
      dataIndex: 'name',
      key: 'name',
      width: 240,
      sorter: true,
      sortOrder: filters.sort === 'name' ? 'ascend' : filters.sort === '-name' ? 'descend' : null,
      render: (name: string, r) => <Link to={`/enterprises/${r.id}`}>{name}</Link>,
    },
    { title: '统一社会信用代码', dataIndex: 'uscc', width: 172, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: '所在区划', dataIndex: 'regionName', width: 120, ellipsis: true },
    { title: '行业', dataIndex: 'industryName', width: 84 },
    { title: '生产线', dataIndex: 'lineCount', width: 70, align: 'right', render: (n: number) => `${n} 条` },
    { title: '状态', dataIndex: 'status', width: 72, render: (s: EnterpriseSummary['status']) => <StatusTag status={s} /> },
    {
      title: '更新时间',
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      width: 112,
      sorter: true,
      sortOrder: filters.sort === 'updatedAt' ? 'ascend' : filters.sort === '-updatedAt' ? 'descend' : null,
      render: fmtDate,
    },
  ];

  const onTableChange: TableProps<EnterpriseSummary>['onChange'] = (_p, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = s?.columnKey as string | undefined;
    const sort = field && s?.order ? (s.order === 'descend' ? `-${field}` : field) : undefined;
    setFilters({ ...filters, sort });
  };

  return (
    <Row gutter={16} wrap={false}>
      <Col flex="240px">
        <RegionTree
          selected={filters.region}
          onSelect={(code, name) => {
            setRegionName(name);
            setFilters({ ...filters, region: code });
          }}
        />
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        <Card>
          <div className="page-toolbar">
            <Typography.Title level={4} style={{ margin: 0 }}>
              企业台账{regionName && filters.region ? ` · ${regionName}` : ''}
            </Typography.Title>
            <Space wrap>
              {can('enterprise:write') && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => nav(`/enterprises/new${filters.region ? `?region=${filters.region}` : ''}`)}>
                  新增企业
                </Button>
              )}
              {can('enterprise:import') && (
                <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)}>
                  导入排查登记表
                </Button>
              )}
              {can('enterprise:export') && (
                <Button icon={<DownloadOutlined />} loading={exporting} onClick={doExport}>
                  导出
                </Button>
              )}
            </Space>
          </div>
          <EnterpriseFilterBar value={filters} onChange={setFilters} />
          {pages.error && <Alert type="error" showIcon title={pages.error.message} style={{ marginTop: 12 }} />}
          <Table<EnterpriseSummary>
            style={{ marginTop: 12 }}
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={pages.items}
            loading={pages.loading}
            pagination={false}
            onChange={onTableChange}
            scroll={{ x: 870 }}
            data-testid="enterprise-table"
          />
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 12 }}>
            <Typography.Text type="secondary" data-testid="enterprise-total">
              {pages.total !== null ? `共 ${pages.total} 家企业，已显示 ${pages.items.length} 家` : `已显示 ${pages.items.length} 家`}
            </Typography.Text>
            {pages.hasMore && (
              <Button onClick={pages.loadMore} loading={pages.loading}>
                加载更多
              </Button>
            )}
          </div>
        </Card>
      </Col>
      {can('enterprise:import') && (
        <ImportDialog
          open={importOpen}
          onClose={(imported) => {
            setImportOpen(false);
            if (imported) pages.reload();
          }}
        />
      )}
    </Row>
  );
}
