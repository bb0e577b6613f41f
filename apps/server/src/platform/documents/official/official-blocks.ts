import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { CHAR, FONTS, type FontSpec, LINE, RED, SIZE, TYPE_AREA_WIDTH } from './gbt9704.ts';

/** What a document's 正文 is made of; the builder decides fonts, sizes, indents and spacing. */
export type Block =
  /** A 正文 paragraph, two characters of first-line indent. */
  | { kind: 'text'; text: string }
  /** A line that starts at the margin (e.g. "承诺企业：…" in a form-like document). */
  | { kind: 'plain'; text: string }
  /** 一级标题 "一、…" in 黑体. */
  | { kind: 'level1'; text: string }
  /** 二级标题 "（一）…" in 楷体. */
  | { kind: 'level2'; text: string }
  | { kind: 'table'; header: string[]; rows: string[][] }
  | { kind: 'blank' };

export interface RunOptions {
  font?: FontSpec;
  size?: number;
  color?: string;
  bold?: boolean;
}

export const run = (text: string, o: RunOptions = {}) =>
  new TextRun({ text, font: o.font ?? FONTS.body, size: o.size ?? SIZE.sanhao, color: o.color, bold: o.bold });

export interface ParaOptions {
  indentChars?: number;
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  rightChars?: number;
  leftChars?: number;
  keepNext?: boolean;
}

export function paragraph(children: ParagraphChild[], o: ParaOptions = {}): Paragraph {
  return new Paragraph({
    children,
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    indent: { firstLine: (o.indentChars ?? 0) * CHAR, right: (o.rightChars ?? 0) * CHAR, left: (o.leftChars ?? 0) * CHAR },
    spacing: LINE,
    keepNext: o.keepNext,
    keepLines: true,
  });
}

export const blank = (keepNext = false) => paragraph([], { keepNext });

function cell(text: string, header: boolean): TableCell {
  return new TableCell({
    verticalAlign: VerticalAlign.CENTER,
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [run(text, { font: header ? FONTS.level1 : FONTS.body, size: SIZE.xiaosi })],
      }),
    ],
  });
}

function grid(header: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c) => cell(c, false)) })),
    ],
  });
}

export function renderBlock(b: Block, keepNext = false): Paragraph | Table {
  switch (b.kind) {
    case 'text':
      return paragraph([run(b.text)], { indentChars: 2, keepNext });
    case 'plain':
      return paragraph([run(b.text)], { keepNext });
    case 'level1':
      // A heading always stays with what follows it.
      return paragraph([run(b.text, { font: FONTS.level1 })], { indentChars: 2, keepNext: true });
    case 'level2':
      return paragraph([run(b.text, { font: FONTS.level2 })], { indentChars: 2, keepNext: true });
    case 'table':
      return grid(b.header, b.rows);
    case 'blank':
      return blank(keepNext);
  }
}

/** 版头: red 发文机关标志, then 发文字号 above a red separator line (§7.2). */
export function letterhead(issuingBody: string, documentNumber: string | undefined): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [run(issuingBody, { font: FONTS.title, size: SIZE.erhao, color: RED })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 120, ...LINE },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 8 } },
      children: documentNumber ? [run(documentNumber)] : [],
    }),
    blank(),
  ];
}

/** Side-by-side signature columns (甲方 / 乙方, or one party on the right), written with a tab stop. */
export function partyLines(columns: string[][]): Paragraph[] {
  const rows = Math.max(...columns.map((c) => c.length));
  const half = 4500;
  // One party signs on the right, its longest line ending two characters from the right margin.
  const longest = Math.max(...columns.flat().map((t) => [...t].length));
  const singleIndent = Math.max(0, TYPE_AREA_WIDTH - (longest + 2) * CHAR);
  const out: Paragraph[] = [];
  for (let i = 0; i < rows; i++) {
    const cells = columns.map((c) => c[i] ?? '');
    const children: ParagraphChild[] = [];
    cells.forEach((text, j) => {
      if (j > 0) children.push(new TextRun({ text: '\t' }));
      children.push(run(text));
    });
    out.push(
      new Paragraph({
        children,
        tabStops: [{ type: TabStopType.LEFT, position: half }],
        indent: columns.length === 1 ? { left: singleIndent } : undefined,
        spacing: LINE,
        keepNext: i < rows - 1,
        keepLines: true,
      }),
    );
  }
  return out;
}
