import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { defaultObligations, type LetterContent } from './letter-content.ts';
import { renderLetterDocx } from './letter-docx.ts';

const content: LetterContent = {
  title: '2026年淘汰落后产能目标责任书',
  year: 2026,
  partyA: { kind: 'region', regionCode: '410181', enterpriseId: null, name: '巩义市人民政府', uscc: null },
  partyB: { kind: 'enterprise', regionCode: '410181100', enterpriseId: 7, name: '巩义市示范水泥有限公司', uscc: '91410181TT0000001X' },
  rows: [{ industryCode: 'cement', industryName: '水泥', quantity: 4199.6, unitCode: 'wan_t', unitName: '万吨', enterpriseCount: 1, deadline: '2026-11-30' }],
  lines: [{ lineId: 1, industryName: '水泥', lineName: '1号机立窑', specification: 'Φ3×11m', capacity: 2000, unitName: '万吨', deadline: '2026-09-30' }],
  obligations: defaultObligations('enterprise'),
  signDeadline: '2026-04-30',
};

async function documentXml(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  return zip.file('word/document.xml')!.async('string');
}

describe('responsibility letter .docx', () => {
  it('holds parties, the target table, deadlines, duties and the signature block', async () => {
    const xml = await documentXml(await renderLetterDocx(content));
    const text = xml.replace(/<[^>]+>/g, '');
    for (const s of [
      '2026年淘汰落后产能目标责任书',
      '甲方：巩义市人民政府',
      '乙方：巩义市示范水泥有限公司（统一社会信用代码：91410181TT0000001X）',
      '水泥4199.6万吨1',
      '2026年11月30日',
      '1号机立窑',
      '乙方应于2026年11月30日前完成上述全部目标任务',
      '本责任书应于2026年4月30日前签订',
      '（二）乙方不得将淘汰的落后设备转移至其他地区',
      '甲方（盖章）：',
      '乙方（盖章）：',
      '法定代表人（签字）：',
      '负责人（签字）：',
    ]) {
      expect(text).toContain(s);
    }
  });
  it('uses the one font set of the official layout (仿宋_GB2312 body, 黑体 headings, 方正小标宋简体 title)', async () => {
    const xml = await documentXml(await renderLetterDocx(content));
    expect(xml).toMatch(/<w:rFonts [^>]*w:eastAsia="仿宋_GB2312"/);
    expect(xml).toMatch(/<w:rFonts [^>]*w:eastAsia="黑体"/);
    expect(xml).toMatch(/<w:rFonts [^>]*w:eastAsia="方正小标宋简体"/);
    expect(xml).not.toMatch(/w:eastAsia="仿宋"/);
  });
});
