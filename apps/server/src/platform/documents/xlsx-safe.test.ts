import { describe, expect, it } from 'vitest';
import { neutraliseFormula, safeRow, stripFormulaMark } from './xlsx-safe.ts';

describe('formula injection', () => {
  it('prefixes text that a spreadsheet could read as a formula', () => {
    for (const s of ['=HYPERLINK("http://x","点我")', '+1+2', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(neutraliseFormula(s)).toBe(`'${s}`);
    }
  });
  it('leaves ordinary text, numbers and dates alone', () => {
    const d = new Date();
    expect(safeRow(['荥阳市示例建材有限公司', 6, d, null, 'Φ2.5×10m'])).toEqual(['荥阳市示例建材有限公司', 6, d, null, 'Φ2.5×10m']);
    expect(neutraliseFormula('')).toBe('');
  });
  it('round-trips through the importer', () => {
    expect(stripFormulaMark(neutraliseFormula('=1+1'))).toBe('=1+1');
    expect(stripFormulaMark("'普通文本")).toBe("'普通文本");
  });
});
