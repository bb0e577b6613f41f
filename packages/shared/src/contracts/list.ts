import { z } from 'zod';

/**
 * The one list-query contract (ADR 0014). Every list takes its own filters plus these fields:
 * - `page` + `pageSize`: numbered pages (OFFSET), what the list page shows with 「共 N 条」;
 * - `cursor` (+ `pageSize`): keyset pages, for deep pages past MAX_OFFSET and for exports;
 * - `sort`: `field` ascending or `-field` descending, only fields on the list's whitelist. A field is on a
 *   whitelist only when an index serves that order (each list names the index beside its whitelist);
 * - `withTotal=true`: count the filtered set (scope applies: rows out of scope are never counted).
 * `limit` is the older name of `pageSize` (keyset clients of earlier releases); `pageSize` wins.
 */
export const MAX_PAGE_SIZE = 200;
/** Numbered pages stop here: deeper, an OFFSET reads and drops every row before the page; use the cursor. */
export const MAX_OFFSET = 10_000;

export type SortOf<F extends string> = F | `-${F}`;

const pageSizeField = (label: string) =>
  z.coerce
    .number({ error: `${label}须为 1–${MAX_PAGE_SIZE} 的整数` })
    .int(`${label}须为 1–${MAX_PAGE_SIZE} 的整数`)
    .min(1, `${label}须为 1–${MAX_PAGE_SIZE} 的整数`)
    .max(MAX_PAGE_SIZE, `${label}不能超过 ${MAX_PAGE_SIZE}`)
    .optional();

/**
 * The paging and sort fields of a list query, to spread into its zod object:
 * `z.object({ region: …, ...listQueryFields({ name: '企业名称', id: '登记顺序' }, '-id') })`.
 * `sortable` maps each whitelisted field to its Chinese name, used in the refusal message.
 */
export function listQueryFields<F extends string>(sortable: Record<F, string>, defaultSort: SortOf<F>) {
  const fields = Object.keys(sortable) as F[];
  const allowed = fields.flatMap((f) => [f, `-${f}`]) as [SortOf<F>, ...SortOf<F>[]];
  const names = fields.map((f) => sortable[f]).join('、');
  return {
    page: z.coerce.number({ error: '页码须为正整数' }).int('页码须为正整数').min(1, '页码须为正整数').optional(),
    pageSize: pageSizeField('每页条数'),
    limit: pageSizeField('每页条数'),
    sort: z
      .enum(allowed, { error: (iss) => `不能按“${String(iss.input)}”排序，本列表只能按${names}排序` })
      .default(defaultSort as never) as z.ZodDefault<z.ZodEnum<{ [K in SortOf<F>]: K }>>,
    cursor: z.string().max(500).optional(),
    withTotal: z.enum(['true', 'false']).optional(),
  };
}

export interface ListQueryFields<S extends string = string> {
  page?: number;
  pageSize?: number;
  limit?: number;
  sort: S;
  cursor?: string;
  withTotal?: 'true' | 'false';
}

/** What a numbered or keyset page answers: `total` is null unless it was asked for (or is free). */
export const listPageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
    total: z.number().int().nullable(),
    page: z.number().int().nullable(),
    pageSize: z.number().int(),
  });

/** The filters of a list query (what an export takes): everything but paging and sort (exports walk the keyset order). */
export type FiltersOf<Q> = Omit<Q, 'page' | 'pageSize' | 'limit' | 'cursor' | 'withTotal' | 'sort'>;

export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
  total: number | null;
  page: number | null;
  pageSize: number;
}
