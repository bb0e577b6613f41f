import { MAX_OFFSET } from '@taotai/shared';
import { Alert, App, Table, type TableColumnType, type TableProps } from 'antd';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type Query } from '../api.ts';
import { errorMessage } from '../form-errors.ts';
import { downloadWithProgress, exportPercent } from './export-download.ts';
import { useListSettings } from './list-settings.ts';
import { ListToolbar } from './ListToolbar.tsx';
import { type ListFilterField, QueryForm } from './QueryForm.tsx';
import { type Filters, useListUrl } from './use-list-url.ts';

/** A column of a ListPage: `key` names it in 列设置 and localStorage; `sortField` makes it sortable (server whitelist). */
export type ListColumn<T> = TableColumnType<T> & { key: string; title: string; sortField?: string };

/** What a list endpoint answers (packages/shared ListPage), plus whatever else the list shows (totals). */
export interface ListResult<T> {
  items: T[];
  total: number | null;
  nextCursor?: string | null;
}

/** What ListPage asks the list's fetcher for: the URL's filters, the page, and the sort. */
export interface ListRequest {
  filters: Filters;
  page: number;
  pageSize: number;
  sort: string | undefined;
}

/** The list-query contract's fields as an API query (ADR 0014): page numbers, the sort, and the total. */
export const listQuery = (r: ListRequest): Query => ({ ...r.filters, page: r.page, pageSize: r.pageSize, sort: r.sort, withTotal: 'true' });

export interface ListPageProps<T, R extends ListResult<T> = ListResult<T>> {
  /** Names the list in localStorage (列设置, 密度): stable, e.g. 'exit-task'. */
  listKey: string;
  columns: ListColumn<T>[];
  rowKey: keyof T & string;
  fetchPage: (r: ListRequest) => Promise<R>;
  /** The query form's fields (names as in the API and the URL). */
  filterFields?: ListFilterField[];
  /** Filters set by links or beside the list (a region tree), kept in the URL but not in the form; 重置 keeps them. */
  extraFilterKeys?: string[];
  /** Filters written into the URL when the page opens with none (e.g. status=open): clearing them later shows all. */
  defaultFilters?: Filters;
  /** GET path of the list's export (same filters); omitted: no 导出 button. */
  exportPath?: string;
  /** Fixed query of the export beside the filters (the tab a list shows, e.g. view=issued). */
  exportQuery?: Query;
  exportName?: string;
  /** The list's own buttons (新增…), left of the toolbar. */
  actions?: ReactNode;
  /** Above the table: tags for link filters, totals. Gets the last answer and a way to change the filters. */
  above?: (ctx: { result: R | null; filters: Filters; setFilters: (f: Filters) => void }) => ReactNode;
  defaultPageSize?: number;
  defaultHidden?: string[];
  emptyText?: string;
  scrollX?: number;
  rowSelection?: TableProps<T>['rowSelection'];
  /** Rows that open to show more (the audit log's before/after). */
  expandable?: TableProps<T>['expandable'];
  /** Bump to refetch from outside (after an import). */
  reloadToken?: number;
  testId?: string;
}

/**
 * The one list page (issue 11, ADR 0014): a collapsing query form, 刷新 / 列设置 / 密度 / 导出, sortable columns
 * where the server's whitelist allows, page numbers and size with 「共 N 条」, everything in the URL. It renders
 * no heading: the layout gives every page its one h1.
 */
export function ListPage<T extends object, R extends ListResult<T> = ListResult<T>>(props: ListPageProps<T, R>) {
  const { message } = App.useApp();
  const defaultPageSize = props.defaultPageSize ?? 20;
  const filterKeys = [...(props.filterFields ?? []).map((f) => f.name), ...(props.extraFilterKeys ?? [])];
  const url = useListUrl(filterKeys, defaultPageSize);
  const settings = useListSettings(props.listKey, props.defaultHidden);
  const [result, setResult] = useState<R | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError>();
  const [exporting, setExporting] = useState<{ bytes: number } | null>(null);
  const run = useRef(0);
  const fetchRef = useRef(props.fetchPage);
  fetchRef.current = props.fetchPage;
  const requestKey = JSON.stringify({ f: url.filters, p: url.page, s: url.pageSize, o: url.sort });
  const [opensWithDefaults] = useState(() => !!props.defaultFilters && Object.keys(url.filters).length === 0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the page opens without filters
  useEffect(() => {
    if (opensWithDefaults && props.defaultFilters) url.setFilters(props.defaultFilters);
  }, [opensWithDefaults]);

  const load = useCallback(async () => {
    const mine = ++run.current;
    setLoading(true);
    try {
      const req = JSON.parse(requestKey) as { f: Filters; p: number; s: number; o?: string };
      const got = await fetchRef.current({ filters: req.f, page: req.p, pageSize: req.s, sort: req.o });
      if (mine !== run.current) return; // a late answer to an earlier view
      setResult(got);
      setError(undefined);
    } catch (e) {
      if (mine !== run.current) return;
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
      setResult(null);
    } finally {
      if (mine === run.current) setLoading(false);
    }
  }, [requestKey]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadToken is the outside's way to ask for a refetch
  useEffect(() => {
    load();
  }, [load, props.reloadToken]);

  const extras = props.extraFilterKeys ?? [];
  const keepExtras = (f: Filters) => {
    const next: Filters = { ...f };
    for (const k of extras) if (url.filters[k]) next[k] = url.filters[k];
    return next;
  };

  const doExport = async () => {
    if (!props.exportPath) return;
    setExporting({ bytes: 0 });
    try {
      const name = await downloadWithProgress(props.exportPath, { ...props.exportQuery, ...url.filters }, props.exportName ?? '导出.xlsx', (bytes) => setExporting({ bytes }));
      message.success(`已导出：${name}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(null);
    }
  };

  const columns = props.columns
    .filter((c) => !settings.hidden.has(c.key))
    .map((c) => {
      // Each cell names its column (`data-col`), so tests and styles find a column whatever is hidden or added.
      const named = { ...c, onCell: (row: T, i?: number) => ({ ...c.onCell?.(row, i), 'data-col': c.key }) } as ListColumn<T>;
      if (!c.sortField) return named;
      const order = url.sort === c.sortField ? 'ascend' : url.sort === `-${c.sortField}` ? 'descend' : null;
      return { ...named, sorter: true, sortOrder: order, sortDirections: ['ascend', 'descend'] } as ListColumn<T>;
    });

  const onChange: TableProps<T>['onChange'] = (_p, _f, sorter, extra) => {
    if (extra.action !== 'sort') return;
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const col = props.columns.find((c) => c.key === s?.columnKey);
    const field = col?.sortField;
    url.setSort(field && s?.order ? (s.order === 'descend' ? `-${field}` : field) : undefined);
  };

  const total = result?.total ?? null;
  // Numbered pages stop at MAX_OFFSET rows (deeper: narrow the filters or export, which walks the cursor).
  const pagedTotal = total === null ? null : Math.min(total, MAX_OFFSET);
  const rowSelection = props.rowSelection
    ? { ...props.rowSelection, getTitleCheckboxProps: () => ({ 'aria-label': '全选当页' }) as never }
    : undefined;

  return (
    <div data-testid={props.testId}>
      {props.filterFields && props.filterFields.length > 0 && (
        <QueryForm
          fields={props.filterFields}
          value={url.filters}
          onSubmit={(v) => url.setFilters(keepExtras(v))}
          onReset={() => url.setFilters(keepExtras({}))}
        />
      )}
      <ListToolbar
        extra={props.actions}
        onReload={load}
        loading={loading}
        columns={props.columns.map((c) => ({ key: c.key, title: c.title }))}
        hidden={settings.hidden}
        onHiddenChange={settings.setHidden}
        onResetColumns={settings.reset}
        density={settings.density}
        onDensityChange={settings.setDensity}
        onExport={props.exportPath ? doExport : undefined}
        exporting={!!exporting}
        exportPercent={exporting ? exportPercent({ bytes: exporting.bytes, rows: total }) : null}
        exportBytes={exporting?.bytes ?? 0}
      />
      {props.above?.({ result, filters: url.filters, setFilters: url.setFilters })}
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      {total !== null && total > MAX_OFFSET && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`共 ${total} 条，按页码可查看前 ${MAX_OFFSET} 条；请缩小筛选范围，或导出全部结果。`} />
      )}
      <Table<T>
        rowKey={props.rowKey}
        size={settings.density}
        columns={columns}
        dataSource={result?.items ?? []}
        loading={loading}
        onChange={onChange}
        rowSelection={rowSelection}
        expandable={props.expandable}
        scroll={props.scrollX ? { x: props.scrollX } : undefined}
        locale={props.emptyText ? { emptyText: props.emptyText } : undefined}
        data-testid={props.testId ? `${props.testId}-table` : undefined}
        pagination={{
          current: url.page,
          pageSize: url.pageSize,
          total: pagedTotal ?? (url.page - 1) * url.pageSize + (result?.items.length ?? 0) + (result?.nextCursor ? 1 : 0),
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: total === null ? undefined : () => `共 ${total} 条`,
          onChange: (page, pageSize) => url.setPage(page, pageSize),
        }}
      />
    </div>
  );
}
