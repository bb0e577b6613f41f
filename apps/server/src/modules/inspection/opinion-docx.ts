import {
  INSPECTION_CHECK_LABELS,
  INSPECTION_CHECKS,
  type InspectedLine,
  type InspectionChecklist,
  type InspectionConclusion,
  TEAM_ROLE_LABELS,
  type TeamMember,
} from '@taotai/shared';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';

/** Everything the written acceptance opinion (验收意见) of one enterprise says. */
export interface OpinionContent {
  issuingBody: string;
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

/** GB/T 9704 fonts, named for East Asian text as well so Word picks them for Chinese characters. */
const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
const FANGSONG = font('仿宋_GB2312');
const XIAOBIAOSONG = font('方正小标宋简体');
const HEITI = font('黑体');
const SONGTI = font('宋体');
/** Half-points: 二号 22pt (title, issuing body), 三号 16pt (body), 四号 14pt (版记, page number), 小四 12pt (tables). */
const ERHAO = 44;
const SANHAO = 32;
const SIHAO = 28;
const XIAOSI = 24;
const RED = 'FF0000';
/** 28pt fixed line spacing (twips), one 三号 character is 320 twips wide. */
const LINE = { line: 560, lineRule: LineRuleType.EXACT };
const CHAR = 320;

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
const run = (text: string, f = FANGSONG, size = SANHAO, color?: string) => new TextRun({ text, font: f, size, color });
const para = (text: string, o: { font?: typeof FANGSONG; indent?: boolean; align?: Align; right?: number; size?: number } = {}) =>
  new Paragraph({
    children: [run(text, o.font, o.size)],
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    indent: { firstLine: o.indent === false ? 0 : 2 * CHAR, right: o.right },
    spacing: LINE,
  });
const blank = () => new Paragraph({ children: [], spacing: LINE });

/** 2026年5月10日 (Arabic numerals, as GB/T 9704-2012 prescribes for 成文日期). */
export const opinionDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

const quantity = (n: number) => String(Math.round(n * 10000) / 10000);

/** Capacity per unit, never added across units. */
export function capacityText(lines: InspectedLine[]): string {
  const byUnit = new Map<string, number>();
  for (const l of lines) byUnit.set(l.unitName, (byUnit.get(l.unitName) ?? 0) + l.capacity);
  return [...byUnit].map(([u, c]) => `${quantity(c)}${u}`).join('、');
}

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ord = (i: number) => ORDINALS[i] ?? String(i + 1);

function cell(text: string, header = false): TableCell {
  return new TableCell({
    verticalAlign: VerticalAlign.CENTER,
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, header ? HEITI : FANGSONG, XIAOSI)] })],
  });
}

function teamTable(team: TeamMember[]): Table {
  const rows = [...team].sort((a, b) => (a.role === b.role ? 0 : a.role === 'leader' ? -1 : 1));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: ['检查组职务', '单位', '姓名', '签字'].map((h) => cell(h, true)) }),
      ...rows.map((m) => new TableRow({ children: [cell(TEAM_ROLE_LABELS[m.role]), cell(m.agencyName), cell(m.personName), cell('')] })),
    ],
  });
}

/** 版头: red issuing body, document number, red separator line (GB/T 9704 §7.2). */
function header(c: OpinionContent): Paragraph[] {
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(c.issuingBody, XIAOBIAOSONG, ERHAO, RED)] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 120, ...LINE },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 8 } },
      children: [run(c.documentNumber)],
    }),
    blank(),
  ];
}

function body(c: OpinionContent): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: LINE, children: [run(c.title, XIAOBIAOSONG, ERHAO)] }),
    blank(),
    para(`${c.enterpriseName}：`, { indent: false }),
    para(`根据淘汰落后产能工作部署，${c.roundTitle}检查组于${opinionDate(c.inspectedOn)}对你单位（统一社会信用代码：${c.uscc}）淘汰落后产能情况进行了现场检查验收。现将验收意见通知如下：`),
    para('一、验收范围', { font: HEITI }),
    para(`你单位列入淘汰任务的生产线（设备）共${c.lines.length}条（台、套），合计产能${capacityText(c.lines)}：`),
    ...c.lines.map((l, i) =>
      para(`（${ord(i)}）${l.lineName}${l.specification ? `（${l.specification}）` : ''}，产能${quantity(l.capacity)}${l.unitName}${i === c.lines.length - 1 ? '。' : '；'}`),
    ),
    para('二、检查情况', { font: HEITI }),
    ...INSPECTION_CHECKS.map((k, i) => para(`（${ord(i)}）${INSPECTION_CHECK_LABELS[k]}：${c.checklist[k] ? '符合' : '不符合'}。`)),
  ];
  if (c.notes) out.push(para(`（${ord(INSPECTION_CHECKS.length)}）其他情况：${c.notes}`));
  out.push(para('三、验收结论', { font: HEITI }));
  out.push(
    c.conclusion === 'pass'
      ? para(`经检查，你单位上述生产线（设备）已按要求拆除退出，检查组同意通过验收。已完成淘汰的企业名单、设备清单和产能将按规定予以公告。`)
      : para(`经检查，你单位淘汰落后产能工作未达到验收要求，检查组不予通过验收。主要问题：${c.reasons ?? ''}。请按要求整改到位后重新申请验收。`),
  );
  out.push(para('四、检查组成员', { font: HEITI }), teamTable(c.team));
  return out;
}

/** Signature and date, right-aligned four characters in, with room above for the seal (印章). */
function signature(c: OpinionContent): Paragraph[] {
  return [
    blank(),
    blank(),
    blank(),
    para(c.issuingBody, { indent: false, align: AlignmentType.RIGHT, right: 2 * CHAR }),
    para(opinionDate(c.date), { indent: false, align: AlignmentType.RIGHT, right: 4 * CHAR }),
    para('（此件盖章后生效）', { indent: true }),
  ];
}

/** 版记: the printing office and date between two lines (GB/T 9704 §7.4). */
function colophon(c: OpinionContent): Paragraph {
  const line = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 };
  return new Paragraph({
    spacing: { before: 600, ...LINE },
    border: { top: line, bottom: line },
    indent: { left: CHAR, right: CHAR },
    children: [run(`${c.issuingBody}`, FANGSONG, SIHAO), run(`\u3000\u3000${opinionDate(c.date)}印发`, FANGSONG, SIHAO)],
  });
}

/** The opinion as a Word document in official-document layout: A4, margins top 37mm, left 28mm. */
export async function renderOpinionDocx(c: OpinionContent): Promise<Buffer> {
  const doc = new Document({
    creator: 'taotai 落后产能退出综合管理平台',
    title: c.title,
    styles: { default: { document: { run: { font: FANGSONG, size: SANHAO } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: SONGTI, size: SIHAO })] })],
          }),
        },
        children: [...header(c), ...body(c), ...signature(c), colophon(c)],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
