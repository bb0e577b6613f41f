import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What the enterprise commits to for one line (002 §二(二)1: sealing needs its public commitment). */
export interface CommitmentContent {
  enterpriseName: string;
  uscc: string;
  legalRepresentative: string;
  regionName: string;
  year: number;
  lineName: string;
  specification: string;
  industryName: string;
  capacity: number;
  unitName: string;
  /** The date by which the line will be dismantled (YYYY-MM-DD). */
  dismantleDeadline: string;
}

export const commitmentTitle = '淘汰落后产能生产线（设备）封存及不再恢复生产公开承诺书';

/** Body in 仿宋 三号, title in 方正小标宋简体 二号 with 宋体 as the fallback name (GB/T 9704). */
const FANGSONG = { ascii: '仿宋_GB2312', eastAsia: '仿宋_GB2312', hAnsi: '仿宋_GB2312', cs: '仿宋_GB2312' };
const XIAOBIAOSONG = { ascii: '方正小标宋简体', eastAsia: '方正小标宋简体', hAnsi: '方正小标宋简体', cs: '方正小标宋简体' };
const SONGTI = { ascii: '宋体', eastAsia: '宋体', hAnsi: '宋体', cs: '宋体' };
const BODY = 32;
const TABLE = 24;
const TITLE = 44;
/** 28pt fixed line spacing in twentieths of a point. */
const LINE = 560;

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

/** 2026-09-30 → 2026年9月30日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const quantityText = (n: number) => String(Math.round(n * 10_000) / 10_000);

const run = (text: string, o: { bold?: boolean; font?: typeof SONGTI; size?: number } = {}) =>
  new TextRun({ text, bold: o.bold, font: o.font ?? FANGSONG, size: o.size ?? BODY });

const para = (text: string, o: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({ children: [run(text)], alignment: o.align, indent: o.indent ? { firstLine: 640 } : undefined, spacing: { line: LINE } });

function cell(text: string, header = false): TableCell {
  return new TableCell({
    verticalAlign: VerticalAlign.CENTER,
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, { bold: header, font: header ? SONGTI : FANGSONG, size: TABLE })] })],
  });
}

function lineTable(c: CommitmentContent): Table {
  const header = ['生产线（设备）名称', '规格型号', '所属行业', '产能', '拆除期限'];
  const row = [c.lineName, c.specification || '—', c.industryName, `${quantityText(c.capacity)}${c.unitName}`, chineseDate(c.dismantleDeadline)];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), new TableRow({ children: row.map((x) => cell(x)) })],
  });
}

/** Seal for the enterprise, signature of its legal representative, and the date, side by side on the right. */
function signatureBlock(c: CommitmentContent): Table {
  const right = new TableCell({
    borders: NO_BORDERS,
    children: [
      para(`承诺企业（盖章）：${c.enterpriseName}`),
      para(''),
      para('法定代表人（签字）：'),
      para(''),
      para('日期：        年    月    日'),
    ],
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    columnWidths: [2600, 6400],
    rows: [new TableRow({ children: [new TableCell({ borders: NO_BORDERS, children: [para('')] }), right] })],
  });
}

/** The commitment as a Word document the enterprise prints, signs, seals and scans back. */
export async function renderCommitmentDocx(c: CommitmentContent): Promise<Buffer> {
  const deadline = chineseDate(c.dismantleDeadline);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400, line: LINE }, children: [run(commitmentTitle, { font: XIAOBIAOSONG, size: TITLE })] }),
    para(`承诺企业：${c.enterpriseName}`),
    para(`统一社会信用代码：${c.uscc}`),
    para(`法定代表人：${c.legalRepresentative || '__________'}`),
    para(`所在地：${c.regionName}`),
    para(`本企业下列生产线（设备）已列入${c.year}年淘汰落后产能计划：`, { indent: true }),
    lineTable(c),
    para('本企业郑重承诺：', { indent: true }),
    para('一、已切断上述生产线（设备）的生产用水、生产用电，拆除动力装置，并对主体设备实施封存。', { indent: true }),
    para('二、封存期间不擅自启封、不恢复生产，不以任何形式转移封存设备用于生产。', { indent: true }),
    para(`三、于${deadline}前完成上述生产线（设备）的拆除；拆除的设备报废或依法出售，不转移至其他地区重新安装使用。`, { indent: true }),
    para('四、本承诺向社会公开，自愿接受政府有关部门和社会公众的监督；如违反承诺，依法承担相应责任。', { indent: true }),
    para('特此承诺。', { indent: true }),
    para(''),
    signatureBlock(c),
  ];
  const doc = new Document({
    creator: 'taotai 落后产能退出综合管理平台',
    title: commitmentTitle,
    styles: { default: { document: { run: { font: FANGSONG, size: BODY } } } },
    // A4 with the margins of GB/T 9704: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (in twips).
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } }, children }],
  });
  return Packer.toBuffer(doc);
}
