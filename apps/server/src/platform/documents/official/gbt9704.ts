import { LineRuleType } from 'docx';

/**
 * The one font set and the measures of GB/T 9704-2012 (党政机关公文格式) for every .docx the platform writes.
 * Font names are given for East Asian text too, so Word picks them for Chinese characters; where a reader lacks a
 * font (方正小标宋简体 is not free) it substitutes, but every document asks for the same ones.
 */
const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
export type FontSpec = ReturnType<typeof font>;

export const FONTS = {
  /** 正文 and most elements: 仿宋_GB2312 (§7.3.4). */
  body: font('仿宋_GB2312'),
  /** 发文机关标志 and 标题: 方正小标宋简体 (§7.2.2, §7.3.3). */
  title: font('方正小标宋简体'),
  /** 一级标题 "一、": 黑体 (§7.3.4). */
  level1: font('黑体'),
  /** 二级标题 "（一）": 楷体_GB2312 (§7.3.4). */
  level2: font('楷体_GB2312'),
  /** 页码: 宋体 (§7.5). */
  pageNumber: font('宋体'),
} as const;

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt. */
export const SIZE = { erhao: 44, sanhao: 32, sihao: 28, xiaosi: 24 } as const;

/** 28 pt fixed line spacing (in twips), as the issue and common practice for 22 lines of 28 characters ask. */
export const LINE = { line: 560, lineRule: LineRuleType.EXACT };
/** One 三号 character, in twips: indents are counted in characters. */
export const CHAR = 320;
export const RED = 'FF0000';

/** A4 with the margins of §5.2.1: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (in twips); 版心 156 × 225 mm. */
export const PAGE = {
  size: { width: 11906, height: 16838 },
  margin: { top: 2098, bottom: 1984, left: 1588, right: 1474, footer: 1134 },
} as const;
/** Width of the type area (版心, 156 mm) in twips. */
export const TYPE_AREA_WIDTH = PAGE.size.width - PAGE.margin.left - PAGE.margin.right;
/** Characters of a 二号 title per line of the 版心 (8,844 twips / 440). */
export const TITLE_CHARS_PER_LINE = 20;

/** 2026-05-10 → 2026年5月10日 (Arabic numerals, §7.3.5.4). */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
/** 0 → 一: numbering of 一级 and 二级 headings. */
export const ordinal = (i: number): string => ORDINALS[i] ?? String(i + 1);
