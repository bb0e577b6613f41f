import {
  INSPECTION_CHECK_LABELS,
  INSPECTION_CHECKS,
  type InspectedLine,
  type InspectionChecklist,
  type InspectionConclusion,
  quantityText as quantity,
  sumByUnit,
  TEAM_ROLE_LABELS,
  type TeamMember,
  perUnitText,
} from '@taotai/shared';
import { type Block, chineseDate, ordinal, renderOfficialDocx } from '../../platform/documents/official/official-document.ts';

/** Everything the written acceptance opinion (验收意见) of one enterprise says. */
export interface OpinionContent {
  /** 版头 (发文机关标志) and the 印发机关 of the 版记. */
  issuingBody: string;
  /** 落款 (发文机关署名) over the date. */
  signingOrgan: string;
  /** 联系人、电话… printed in the 附注 ('' when the office set none). */
  contact: string;
  /** The office's default 抄送, before the team's agencies. */
  copyTo: string[];
  documentNumber: string;
  title: string;
  enterpriseName: string;
  uscc: string;
  roundTitle: string;
  inspectedOn: string;
  team: TeamMember[];
  lines: InspectedLine[];
  checklist: InspectionChecklist;
  notes: string;
  conclusion: InspectionConclusion;
  reasons: string | null;
  /** 成文日期 (the day of the conclusion, Beijing). */
  date: string;
}

/** 2026年5月10日 (Arabic numerals, as GB/T 9704-2012 prescribes for 成文日期). */
export const opinionDate = chineseDate;

/** Capacity per unit, never added across units. */
export function capacityText(lines: InspectedLine[]): string {
  return perUnitText(sumByUnit(lines, (l) => l.unitName, (l) => l.capacity));
}

function body(c: OpinionContent): Block[] {
  const team = [...c.team].sort((a, b) => (a.role === b.role ? 0 : a.role === 'leader' ? -1 : 1));
  const out: Block[] = [
    {
      kind: 'text',
      text: `根据淘汰落后产能工作部署，${c.roundTitle}检查组于${opinionDate(c.inspectedOn)}对你单位（统一社会信用代码：${c.uscc}）淘汰落后产能情况进行了现场检查验收。现将验收意见通知如下：`,
    },
    { kind: 'level1', text: '一、验收范围' },
    { kind: 'text', text: `你单位列入淘汰任务的生产线（设备）共${c.lines.length}条（台、套），合计产能${capacityText(c.lines)}：` },
    ...c.lines.map((l, i): Block => ({
      kind: 'text',
      text: `（${ordinal(i)}）${l.lineName}${l.specification ? `（${l.specification}）` : ''}，产能${quantity(l.capacity)}${l.unitName}${i === c.lines.length - 1 ? '。' : '；'}`,
    })),
    { kind: 'level1', text: '二、检查情况' },
    ...INSPECTION_CHECKS.map((k, i): Block => ({ kind: 'text', text: `（${ordinal(i)}）${INSPECTION_CHECK_LABELS[k]}：${c.checklist[k] ? '符合' : '不符合'}。` })),
  ];
  if (c.notes) out.push({ kind: 'text', text: `（${ordinal(INSPECTION_CHECKS.length)}）其他情况：${c.notes}` });
  out.push({ kind: 'level1', text: '三、检查组成员' });
  out.push({ kind: 'table', header: ['检查组职务', '单位', '姓名', '签字'], rows: team.map((m) => [TEAM_ROLE_LABELS[m.role], m.agencyName, m.personName, '']) });
  out.push({ kind: 'level1', text: '四、验收结论' });
  out.push(
    c.conclusion === 'pass'
      ? { kind: 'text', text: '经检查，你单位上述生产线（设备）已按要求拆除退出，检查组同意通过验收。已完成淘汰的企业名单、设备清单和产能将按规定予以公告。' }
      : { kind: 'text', text: `经检查，你单位淘汰落后产能工作未达到验收要求，检查组不予通过验收。主要问题：${c.reasons ?? ''}。请按要求整改到位后重新申请验收。` },
  );
  return out;
}

/** 抄送: the office's default 抄送, then the member agencies that sat on the team, other than the issuing office itself. */
export function copyToOf(c: OpinionContent): string[] {
  return [...new Set([...c.copyTo, ...c.team.map((m) => m.agencyName)])].filter((a) => a && a !== c.issuingBody && a !== c.signingOrgan);
}

/** The opinion as a Word document in the one official layout (版头, 发文字号, 主送, 落款 with seal room, 版记). */
export async function renderOpinionDocx(c: OpinionContent): Promise<Buffer> {
  return renderOfficialDocx({
    letterhead: { issuingBody: c.issuingBody, documentNumber: c.documentNumber },
    title: c.title,
    addressee: c.enterpriseName,
    body: body(c),
    closing: { kind: 'issuer', issuer: c.signingOrgan, date: c.date },
    annotation: c.contact ? `此件盖章后生效。${c.contact}` : '此件盖章后生效',
    colophon: { copyTo: copyToOf(c), printer: c.issuingBody, printDate: c.date },
  });
}
