import { describe, expect, it } from 'vitest';
import { cellText, enterpriseName, parseDate, parseNumber } from './cell-values.ts';
import { candidateNames, matchTownByName, townCode } from './town-resolver.ts';

describe('survey-form cell values', () => {
  it('reads dates in the forms towns use', () => {
    for (const v of ['2026-09-30', '2026/9/30', '2026.9.30', '2026年9月30日', '２０２６年９月３０日', ' 20260930 ', 46295, new Date(Date.UTC(2026, 8, 30))]) {
      expect(parseDate(v)).toEqual({ ok: true, value: '2026-09-30' });
    }
    expect(parseDate({ formula: 'DATE(2026,9,30)', result: new Date(Date.UTC(2026, 8, 30)) })).toEqual({ ok: true, value: '2026-09-30' });
    expect(parseDate('')).toEqual({ ok: true, value: null });
    expect(parseDate(null)).toEqual({ ok: true, value: null });
    expect(parseDate('2026-02-30').ok).toBe(false);
    expect(parseDate('明年底').ok).toBe(false);
    expect(parseDate(12).ok).toBe(false);
  });

  it('reads numbers, full-width and with thousands separators', () => {
    expect(parseNumber('１２.５')).toEqual({ ok: true, value: 12.5 });
    expect(parseNumber('1,200')).toEqual({ ok: true, value: 1200 });
    expect(parseNumber(6)).toEqual({ ok: true, value: 6 });
    expect(parseNumber({ formula: 'A1*2', result: 3 })).toEqual({ ok: true, value: 3 });
    expect(parseNumber(' ')).toEqual({ ok: true, value: null });
    expect(parseNumber('6万吨')).toEqual({ ok: false, text: '6万吨' });
  });

  it('normalises text cells', () => {
    expect(cellText({ richText: [{ text: '荥阳市' }, { text: '示例' }] })).toBe('荥阳市示例');
    expect(cellText({ text: '链接', hyperlink: 'http://x' })).toBe('链接');
    expect(cellText('　机立窑　 生产线 ')).toBe('机立窑 生产线');
    expect(cellText("'=HYPERLINK(\"x\")")).toBe('=HYPERLINK("x")');
    expect(enterpriseName('荥阳市 示例(集团)有限公司')).toBe('荥阳市示例（集团）有限公司');
  });

  it('reads the town as a code or a name', () => {
    expect(townCode('410182101')).toBe('410182101');
    expect(townCode('410182101000')).toBe('410182101');
    expect(townCode('乔楼镇(410182101)')).toBe('410182101');
    expect(townCode('乔楼镇')).toBeNull();
    expect(candidateNames('荥阳市乔楼镇')).toContain('乔楼镇');
    const towns = [
      { code: '410182101', name: '乔楼镇', fullName: '河南省 / 郑州市 / 荥阳市 / 乔楼镇', level: 'township' },
      { code: '410102001', name: '新华路街道', fullName: '河南省 / 郑州市 / 中原区 / 新华路街道', level: 'township' },
      { code: '410181001', name: '新华路街道', fullName: '河南省 / 郑州市 / 巩义市 / 新华路街道', level: 'township' },
    ];
    expect(matchTownByName('乔楼镇', towns).map((t) => t.code)).toEqual(['410182101']);
    expect(matchTownByName('荥阳市乔楼镇', towns).map((t) => t.code)).toEqual(['410182101']);
    expect(matchTownByName('新华路街道', towns)).toHaveLength(2);
    expect(matchTownByName('巩义市新华路街道', towns).map((t) => t.code)).toEqual(['410181001']);
    expect(matchTownByName('登封市乔楼镇', towns)).toEqual([]);
  });
});
