import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { chineseDate, finalDeadline, type LetterContent, quantityText } from './letter-content.ts';

/** Government documents: body in 仿宋, title and table headings in 宋体 (names set for East Asian text too). */
const FANGSONG = { ascii: '仿宋', eastAsia: '仿宋', hAnsi: '仿宋', cs: '仿宋' };
const SONGTI = { ascii: '宋体', eastAsia: '宋体', hAnsi: '宋体', cs: '宋体' };
/** Half-points: 三号 16pt for the body, 小四 12pt in tables, 二号 22pt for the title. */
const BODY = 32;
const TABLE = 24;
const TITLE = 44;

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

const run = (text: string, o: { bold?: boolean; font?: typeof SONGTI; size?: number } = {}) =>
  new TextRun({ text, bold: o.bold, font: o.font ?? FANGSONG, size: o.size ?? BODY });

const para = (text: string, o: { bold?: boolean; indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({
    children: [run(text, { bold: o.bold })],
    alignment: o.align,
    // Two characters of first-line indent, as in printed documents.
    indent: o.indent ? { firstLine: 640 } : undefined,
    spacing: { line: 560 },
  });

const heading = (text: string) => new Paragraph({ children: [run(text, { bold: true, font: SONGTI })], spacing: { before: 200, line: 560 } });

function cell(text: string, header = false): TableCell {
  return new TableCell({
    verticalAlign: VerticalAlign.CENTER,
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, { bold: header, font: header ? SONGTI : FANGSONG, size: TABLE })] })],
  });
}

function grid(header: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });
}

function signatureBlock(c: LetterContent): Table {
  const side = (label: '甲方' | '乙方', who: string, signer: string) =>
    new TableCell({
      borders: NO_BORDERS,
      children: [
        para(`${label}（盖章）：`),
        para(who),
        para(''),
        para(`${signer}（签字）：`),
        para(''),
        para('日期：        年    月    日'),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [side('甲方', c.partyA.name, '负责人'), side('乙方', c.partyB.name, c.partyB.kind === 'enterprise' ? '法定代表人' : '负责人')],
      }),
    ],
  });
}

/** The letter as a Word document: parties, target table, deadlines, duties, signature block. */
export async function renderLetterDocx(c: LetterContent): Promise<Buffer> {
  const deadline = finalDeadline(c.rows);
  const targetTable = grid(
    ['序号', '行业', '淘汰落后产能', '产能单位', '涉及企业（家）', '完成时限'],
    c.rows.map((r, i) => [String(i + 1), r.industryName, quantityText(r.quantity), r.unitName, r.enterpriseCount === null ? '—' : String(r.enterpriseCount), chineseDate(r.deadline)]),
  );
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [run(c.title, { bold: true, font: SONGTI, size: TITLE })] }),
    para(`甲方：${c.partyA.name}`),
    para(`乙方：${c.partyB.name}${c.partyB.uscc ? `（统一社会信用代码：${c.partyB.uscc}）` : ''}`),
    para(
      `为确保完成${c.year}年淘汰落后产能目标任务，根据国家和省有关淘汰落后产能工作的部署，经甲乙双方协商，签订本责任书。`,
      { indent: true },
    ),
    heading('一、目标任务'),
    para(`${c.year}年，乙方完成以下淘汰落后产能目标任务（不同产能单位分别计列）：`, { indent: true }),
    targetTable,
  ];
  if (c.lines.length > 0) {
    children.push(
      para('列入淘汰任务的生产线（设备）：', { indent: true }),
      grid(
        ['序号', '行业', '生产线（设备）名称', '规格型号', '产能', '产能单位', '完成时限'],
        c.lines.map((l, i) => [String(i + 1), l.industryName, l.lineName, l.specification, quantityText(l.capacity), l.unitName, chineseDate(l.deadline)]),
      ),
    );
  }
  children.push(heading('二、完成时限'));
  children.push(para(`乙方应于${deadline ? chineseDate(deadline) : `${c.year}年12月31日`}前完成上述全部目标任务，各项任务的完成时限见上表。`, { indent: true }));
  if (c.signDeadline) children.push(para(`本责任书应于${chineseDate(c.signDeadline)}前签订并报甲方备案。`, { indent: true }));
  children.push(heading('三、责任与要求'));
  c.obligations
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)
    .forEach((s, i) => {
      children.push(para(`（${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][i] ?? i + 1}）${s}`, { indent: true }));
    });
  children.push(heading('四、其他'));
  children.push(para('本责任书一式两份，甲乙双方各执一份，自双方签字盖章之日起生效。', { indent: true }));
  children.push(para(''), signatureBlock(c));

  const doc = new Document({
    creator: 'taotai 落后产能退出综合管理平台',
    title: c.title,
    styles: { default: { document: { run: { font: FANGSONG, size: BODY } } } },
    sections: [{ properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } }, children }],
  });
  return Packer.toBuffer(doc);
}
