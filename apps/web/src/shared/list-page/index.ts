/**
 * The one list page (issue 11, ADR 0014). A list is:
 *
 * ```tsx
 * <ListPage<ExitTaskSummary, ExitTaskPage>
 *   listKey="exit-task"                       // 列设置 / 密度 stored under this name
 *   rowKey="id"
 *   columns={[{ key: 'id', title: '编号', dataIndex: 'id', sortField: 'id' }, …]}  // sortField: on the server whitelist
 *   filterFields={[{ name: 'q', label: '名称', node: <Input allowClear /> }, …]}    // names as in the API query
 *   extraFilterKeys={['enterprise']}          // link-only filters: in the URL, not in the form
 *   fetchPage={(r) => api.get<ExitTaskPage>('/exit-tasks', listQuery(r))}
 *   exportPath="/exit-tasks/export.xlsx"      // same filters; the server streams the whole filtered set
 *   actions={<Button>新增</Button>}
 *   above={({ result }) => <Tag>…</Tag>}
 * />
 * ```
 * Server side: the query extends `listQueryFields(whitelist, default)` (packages/shared contracts/list.ts),
 * the service calls `pageWindow` / `cutPage` (platform/http/list-query.ts), the export `writeXlsxExport`
 * (platform/documents/xlsx-export.ts).
 */
export { type ListColumn, ListPage, type ListPageProps, type ListRequest, type ListResult, listQuery } from './ListPage.tsx';
export type { ListFilterField } from './QueryForm.tsx';
export type { Filters } from './use-list-url.ts';
