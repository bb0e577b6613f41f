import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  FrameAnchorType,
  HorizontalPositionAlign,
  type Table,
  TabStopType,
  TextRun,
  VerticalPositionAlign,
} from 'docx';
import { CHAR, chineseDate, FONTS, LINE, PAGE, SIZE, TITLE_CHARS_PER_LINE, TYPE_AREA_WIDTH } from './gbt9704.ts';
import { type Block, blank, letterhead, paragraph, partyLines, renderBlock, run } from './official-blocks.ts';
import { breakTitle } from './title-break.ts';

export type { Block } from './official-blocks.ts';
export { chineseDate, ordinal } from './gbt9704.ts';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 落款: an issuing office that seals (署名 over 成文日期, room for the seal), or parties who sign side by side. */
export type Closing =
  | { kind: 'issuer'; issuer: string; date: string }
  | { kind: 'parties'; columns: string[][] };

/**
 * One official document in GB/T 9704-2012 layout. Every .docx of the platform is built from this: 版头 (optional:
 * an enterprise's commitment has none), 标题 broken between words, 主送, 正文, 附件说明, 落款 kept on one page with
 * the text before it, 附注, and 版记 (抄送, 印发) at the foot of the last page, odd/even page numbers.
 */
export interface OfficialDocumentSpec {
  letterhead?: { issuingBody: string; documentNumber?: string };
  title: string;
  /** 主送机关 or the addressee, at the margin, ending with "：". */
  addressee?: string;
  body: Block[];
  /** 附件说明 lines ("1. 名单"), under the body. */
  attachments?: string[];
  closing?: Closing;
  /** 附注, e.g. "此件公开发布" (printed in brackets under the date). */
  annotation?: string;
  /** 版记. */
  colophon?: { copyTo?: string[]; printer: string; printDate: string };
}

function titleParagraph(title: string): Paragraph {
  const lines = breakTitle(title, TITLE_CHARS_PER_LINE);
  const children = lines.map((l, i) => new TextRun({ text: l, font: FONTS.title, size: SIZE.erhao, break: i > 0 ? 1 : undefined }));
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: LINE, children, keepNext: true, keepLines: true });
}

/** 发文机关署名 centred over 成文日期, which stands four characters from the right, with three lines for the seal. */
function issuerClosing(issuer: string, date: string, annotation: string | undefined): Paragraph[] {
  const dateText = chineseDate(date);
  const dateLen = [...dateText].length;
  const issuerLen = [...issuer].length;
  // Centre the issuer over the date: both end at (4 + half the difference) characters from the right.
  const issuerRight = Math.max(0, 4 + (dateLen - issuerLen) / 2);
  const out = [
    blank(true),
    blank(true),
    blank(true),
    paragraph([run(issuer)], { align: AlignmentType.RIGHT, rightChars: issuerRight, keepNext: true }),
    paragraph([run(dateText)], { align: AlignmentType.RIGHT, rightChars: 4, keepNext: Boolean(annotation) }),
  ];
  if (annotation) out.push(paragraph([run(`（${annotation}）`)], { indentChars: 2 }));
  return out;
}


/**
 * 版记 at the foot of the last page's type area (§7.4.1: "版记应当置于公文最后一面，版记的最后一个要素置于最后一行"):
 * one paragraph in a frame aligned to the bottom margin, between thick lines, 抄送 on its first line(s) and
 * 印发机关 and 印发日期 on its last. One paragraph, not two: LibreOffice lays out a second framed paragraph inline, so
 * the thin line §7.4.1 draws between 抄送 and 印发 is left out.
 */
function colophon(c: NonNullable<OfficialDocumentSpec['colophon']>): Paragraph {
  const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 };
  const children: TextRun[] = [];
  if (c.copyTo?.length) children.push(run(`抄送：${c.copyTo.join('，')}。`, { size: SIZE.sihao }), new TextRun({ break: 1 }));
  children.push(run(c.printer, { size: SIZE.sihao }), new TextRun({ text: '\t' }), run(`${chineseDate(c.printDate)}印发`, { size: SIZE.sihao }));
  return new Paragraph({
    frame: {
      type: 'alignment',
      width: TYPE_AREA_WIDTH,
      anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
      alignment: { x: HorizontalPositionAlign.CENTER, y: VerticalPositionAlign.BOTTOM },
    },
    border: { top: thick, bottom: thick },
    indent: { left: CHAR, right: CHAR },
    spacing: LINE,
    // Word counts tab stops from the margin, LibreOffice from the indent: one character of slack serves both.
    tabStops: [{ type: TabStopType.RIGHT, position: TYPE_AREA_WIDTH - 3 * CHAR }],
    children,
  });
}

/** Page numbers: 4号 宋体 "— 1 —", odd pages one character in from the right, even pages from the left (§7.5). */
function pageFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: CHAR } : { left: CHAR },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: FONTS.pageNumber, size: SIZE.sihao })],
      }),
    ],
  });
}

export function officialDocumentChildren(spec: OfficialDocumentSpec): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  if (spec.letterhead) out.push(...letterhead(spec.letterhead.issuingBody, spec.letterhead.documentNumber));
  out.push(titleParagraph(spec.title), blank());
  if (spec.addressee) out.push(paragraph([run(spec.addressee.endsWith('：') ? spec.addressee : `${spec.addressee}：`)]));
  // The last two body elements keep with the closing, so a signature block never stands alone on a page.
  const keepFrom = spec.closing ? spec.body.length - 2 : spec.body.length;
  for (const [i, b] of spec.body.entries()) out.push(renderBlock(b, i >= keepFrom && !spec.attachments?.length));
  if (spec.attachments?.length) {
    out.push(blank(true));
    for (const [i, a] of spec.attachments.entries()) {
      out.push(paragraph([run(i === 0 ? `附件：${a}` : a)], { indentChars: 0, leftChars: i === 0 ? 2 : 5, keepNext: true }));
    }
  }
  if (spec.closing?.kind === 'issuer') out.push(...issuerClosing(spec.closing.issuer, spec.closing.date, spec.annotation));
  if (spec.closing?.kind === 'parties') out.push(blank(true), ...partyLines(spec.closing.columns));
  if (spec.annotation && spec.closing?.kind !== 'issuer') out.push(paragraph([run(`（${spec.annotation}）`)], { indentChars: 2 }));
  // A floating table must be followed by a paragraph (Word ends a body with one; LibreOffice drops the table otherwise).
  // The frame is anchored to the paragraph after it: a tiny empty one, so nothing visible follows the 版记.
  if (spec.colophon) out.push(colophon(spec.colophon), new Paragraph({ children: [], spacing: { line: 20, lineRule: 'exact' } }));
  return out;
}

/** The document as .docx bytes. */
export async function renderOfficialDocx(spec: OfficialDocumentSpec): Promise<Buffer> {
  const doc = new Document({
    creator: 'taotai 落后产能退出综合管理平台',
    title: spec.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: FONTS.body, size: SIZE.sanhao } } } },
    sections: [
      {
        properties: { page: PAGE },
        footers: { default: pageFooter('odd'), even: pageFooter('even') },
        children: officialDocumentChildren(spec),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
