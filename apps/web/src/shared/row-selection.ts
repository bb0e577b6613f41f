import type { TableProps } from 'antd';

type RowSelection<T> = NonNullable<TableProps<T>['rowSelection']>;

/**
 * A table's row selection with Chinese names on its boxes. antd names them in English whatever the locale
 * ("Select all", "Select row 3"), which a screen reader reads out to Chinese users (issue 11); `rowName` says what
 * a row is (「选择 巩义市某某公司」), otherwise its number is used.
 */
export function zhRowSelection<T>(selection: RowSelection<T>, rowName?: (row: T) => string): RowSelection<T> {
  const own = selection.getCheckboxProps;
  return {
    ...selection,
    getTitleCheckboxProps: () => ({ 'aria-label': '全选当页', ...selection.getTitleCheckboxProps?.() }),
    getCheckboxProps: (row: T) => ({ 'aria-label': rowName ? `选择 ${rowName(row)}` : '选择此行', ...own?.(row) }),
  };
}
