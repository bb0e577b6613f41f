import type { Writable } from 'node:stream';
import { REGION_LEVEL_LABELS, type RollupNode, SURVEY_STATE_LABELS } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { type XlsxColumn, writeXlsxExport } from '../../platform/documents/xlsx-export.ts';
import { surveyRollup } from './rollup.service.ts';

/** One region of the tree as a sheet row: its depth below the root and the names on the way down to it. */
interface FlatNode {
  node: RollupNode;
  depth: number;
  path: string;
}

/** Depth first, parents before their children, as the page's tree opens. */
function flatten(nodes: RollupNode[], depth: number, path: string[]): FlatNode[] {
  return nodes.flatMap((node) => [{ node, depth, path: path.join(' / ') }, ...flatten(node.nodes, depth + 1, [...path, node.regionName])]);
}

/** The whole tree is exported (every level down to the towns), however far the page was opened. */
const EXPORT_DEPTH = 4;

/**
 * 摸底排查汇总 as xlsx (issue 11 "xlsx", ADR 0014): the tree kept as rows in tree order, each name indented by
 * its level (full-width spaces, which a filter on the column still finds) with the path of its upper regions
 * in a column of its own; capacity in one numeric column per unit, never added across units.
 */
export async function prepareRollupExport(db: Db, clock: Clock, actor: Actor, q: { region?: string; year: number }) {
  const rollup = await surveyRollup(db, actor, { ...q, depth: EXPORT_DEPTH });
  const rows = flatten(rollup.root.nodes, 0, [rollup.root.regionName]);
  const units = new Map<string, string>();
  for (const r of rows) for (const c of r.node.own.capacity) units.set(c.unitCode, c.unitName);
  const capacity = (r: FlatNode, unit: string) => r.node.own.capacity.find((c) => c.unitCode === unit)?.capacity ?? null;
  const columns: XlsxColumn<FlatNode>[] = [
    { kind: 'coded', header: '区划代码', nameHeader: '区划', code: (r) => r.node.regionCode, name: (r) => `${'　'.repeat(r.depth)}${r.node.regionName}`, nameWidth: 26 },
    { kind: 'text', header: '层级', value: (r) => REGION_LEVEL_LABELS[r.node.level], width: 10 },
    { kind: 'text', header: '上级区划', value: (r) => r.path, width: 30 },
    { kind: 'text', header: '本级报送', value: (r) => SURVEY_STATE_LABELS[r.node.own.state], width: 10 },
    { kind: 'number', header: '报送生产线（条）', value: (r) => (r.node.own.state === 'filed' ? r.node.own.lineCount : null), format: '0', width: 12 },
    ...[...units].map(([code, name]): XlsxColumn<FlatNode> => ({ kind: 'number', header: `报送产能（${name}）`, value: (r) => capacity(r, code), format: '#,##0.####', width: 14 })),
    { kind: 'number', header: '直接下级（个）', value: (r) => r.node.children.regions, format: '0', width: 10 },
    { kind: 'number', header: '下级已报送', value: (r) => r.node.children.filed, format: '0', width: 10 },
    { kind: 'number', header: '下级零报告', value: (r) => r.node.children.zeroReport, format: '0', width: 10 },
    { kind: 'number', header: '下级未报送', value: (r) => r.node.children.silent, format: '0', width: 10 },
    { kind: 'text', header: '与下级汇总', value: (r) => (r.node.matchesChildren === null ? '' : r.node.matchesChildren ? '一致' : '不一致'), width: 10 },
  ];
  return {
    fileName: `${rollup.root.regionName}${q.year}年摸底排查汇总-${todayInChina(clock.now()).replaceAll('-', '')}.xlsx`,
    write: (out: Writable) =>
      writeXlsxExport(out, {
        sheetName: '摸底排查汇总',
        filters: `${rollup.root.regionName} ${q.year}年，按报送关系汇总；不同产能单位分列，不相加`,
        columns,
        batches: [rows],
      }),
  };
}
