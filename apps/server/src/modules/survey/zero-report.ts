import { ZERO_REPORT_REASON_LABELS, type ZeroReportExplanation } from '@taotai/shared';

/** A registry line still un-eliminated in the filer's region, as the zero-report check names it. */
export interface OpenLine {
  lineId: number;
  enterpriseName: string;
  lineName: string;
  capacity: number | string;
  capacityUnitName: string;
  capacityUnit: string;
}

export interface ExplainedLine extends ZeroReportExplanation {
  enterpriseName: string;
  lineName: string;
  capacity: number;
  capacityUnit: string;
}

const lineLabel = (l: OpenLine) => `${l.enterpriseName}“${l.lineName}”（${Number(l.capacity)}${l.capacityUnitName}）`;

/**
 * A zero report against the registry (issue 10 §3; 003 §四(一): 底清数明). With un-eliminated lines in
 * the region it is refused, naming them, unless every one is explained (already eliminated, wrongly
 * registered, moved). Pure: returns the refusal, or the explained lines to record and flag.
 */
export function checkZeroReport(
  regionName: string,
  open: readonly OpenLine[],
  explanations: readonly ZeroReportExplanation[],
): { refusal: { message: string; fields: { path: string; message: string }[] } } | { explained: ExplainedLine[] } {
  const byId = new Map(open.map((l) => [l.lineId, l]));
  const stray = explanations.find((x) => !byId.has(x.lineId));
  if (stray) {
    const message = `说明中的生产线（编号${stray.lineId}）不是${regionName}台账中未淘汰的生产线`;
    return { refusal: { message, fields: [{ path: 'lineExplanations', message }] } };
  }
  const given = new Map(explanations.map((x) => [x.lineId, x]));
  const unexplained = open.filter((l) => !given.has(l.lineId));
  if (unexplained.length > 0) {
    const shown = unexplained.slice(0, 20).map(lineLabel).join('；');
    const more = unexplained.length > 20 ? `等${unexplained.length}条` : '';
    const message =
      `${regionName}台账中尚有${open.length}条未淘汰的落后产能生产线，不能报送零报告：${shown}${more}。` +
      `请列入排查结果；如确已淘汰、属错误登记或已迁出，请逐条说明（${Object.values(ZERO_REPORT_REASON_LABELS).join('、')}）`;
    return {
      refusal: {
        message,
        fields: unexplained.map((l) => ({ path: `lineExplanations.${l.lineId}`, message: `${lineLabel(l)}尚未说明` })),
      },
    };
  }
  return {
    explained: open.map((l) => {
      const x = given.get(l.lineId)!;
      return { ...x, enterpriseName: l.enterpriseName, lineName: l.lineName, capacity: Number(l.capacity), capacityUnit: l.capacityUnit };
    }),
  };
}

/**
 * The flag's message: counts per reason and the first lines in words, so a list stays readable when an office
 * explains a hundred lines at once; every line stays in the flag's details.
 */
export function explanationSummary(xs: readonly ExplainedLine[], shown = 3): string {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(ZERO_REPORT_REASON_LABELS[x.reason], (counts.get(ZERO_REPORT_REASON_LABELS[x.reason]) ?? 0) + 1);
  const byReason = [...counts].map(([label, n]) => `${label}${n}条`).join('、');
  const first = xs
    .slice(0, shown)
    .map((x) => `${x.enterpriseName}“${x.lineName}”：${ZERO_REPORT_REASON_LABELS[x.reason]}，${x.note}`)
    .join('；');
  return `（${byReason}）${first}${xs.length > shown ? `等${xs.length}条，明细见标记详情` : ''}`;
}
