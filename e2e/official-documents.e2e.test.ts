import { describe, expect, it } from 'vitest';
import { renderCommitmentDocx } from '../apps/server/src/modules/exit-task/exit-task-commitment-docx.ts';
import { renderOpinionDocx } from '../apps/server/src/modules/inspection/opinion-docx.ts';
import { renderLetterDocx } from '../apps/server/src/modules/responsibility-letter/letter-docx.ts';
import { type PdfPage, printDocx } from './support/pdf-pages.ts';

/**
 * The 公文 builder's promises, checked on paper: every .docx is printed to PDF with LibreOffice and read back.
 * A signature block never stands alone on its page, a title never breaks inside a word, the 版记 sits at the foot
 * of the last page, and page numbers alternate sides (GB/T 9704-2012 §7.3.3, §7.4.1, §7.5).
 */
const letter = (obligations: number) =>
  renderLetterDocx({
    title: '巩义市2026年淘汰落后产能目标责任书',
    year: 2026,
    partyA: { kind: 'region', regionCode: '410181', enterpriseId: null, name: '巩义市人民政府', uscc: null },
    partyB: { kind: 'enterprise', regionCode: '410181100', enterpriseId: 7, name: '巩义市示例水泥有限公司', uscc: '91410181TT0000001X' },
    rows: [{ industryCode: 'cement', industryName: '水泥', quantity: 4199.6, unitCode: 'wan_t', unitName: '万吨', enterpriseCount: 1, deadline: '2026-11-30' }],
    lines: [{ lineId: 1, industryName: '水泥', lineName: '1号机立窑', specification: 'Φ3×11m', capacity: 2000, unitName: '万吨', deadline: '2026-09-30' }],
    obligations: Array.from({ length: obligations }, (_, i) => `第${i + 1}项：乙方应当切实履行淘汰落后产能主体责任，按期完成任务并接受监督检查。`).join('\n'),
    signDeadline: '2026-04-30',
  });

/** The office's document settings as the opinion reads them (modules/office-settings); overridden per case. */
const SETTINGS = { signingOrgan: '巩义市淘汰落后产能工作领导小组办公室', contact: '', copyTo: [] as string[] };

const opinion = (settings: Partial<typeof SETTINGS> & { issuingBody?: string } = {}) =>
  renderOpinionDocx({
    ...SETTINGS,
    issuingBody: '巩义市淘汰落后产能工作领导小组办公室',
    documentNumber: '巩淘汰办〔2026〕3号',
    title: '关于巩义市示例水泥有限公司淘汰落后产能验收意见',
    enterpriseName: '巩义市示例水泥有限公司',
    uscc: '91410181TT0000001X',
    roundTitle: '2026年第一批联合验收',
    inspectedOn: '2026-05-08',
    team: [
      { agencyId: 1, role: 'leader', agencyName: '巩义市淘汰落后产能工作领导小组办公室', personName: '李四' },
      { agencyId: 2, role: 'member', agencyName: '巩义市生态环境局', personName: '王五' },
      { agencyId: 3, role: 'member', agencyName: '巩义市市场监督管理局', personName: '赵六' },
    ],
    lines: Array.from({ length: 9 }, (_, i) => ({ taskId: i + 1, lineId: i + 1, lineName: `${i + 1}号机立窑`, specification: 'Φ3×11m', capacity: 20, unitName: '万吨' })),
    checklist: { equipmentDismantled: true, powerCut: true, destinationDocumented: true, workersPlaced: true },
    notes: '',
    conclusion: 'pass',
    reasons: null,
    date: '2026-05-10',
    ...settings,
  });

const pageOf = (pages: PdfPage[], text: string) => pages.find((p) => p.text.replace(/\s+/g, '').includes(text));

describe('official documents printed with LibreOffice', () => {
  it('keeps every signature block on a page with text, keeps titles whole, puts the 版记 at the foot', async () => {
    const files: Record<string, Buffer> = {};
    for (let n = 1; n <= 12; n++) files[`letter-${n}`] = await letter(n);
    files.commitment = await renderCommitmentDocx({
      enterpriseName: '巩义市示例水泥有限公司',
      uscc: '91410181TT0000001X',
      legalRepresentative: '张三',
      regionName: '河南省郑州市巩义市米河镇',
      year: 2026,
      lineName: '1号机立窑',
      specification: 'Φ3×11m',
      industryName: '水泥',
      capacity: 20,
      unitName: '万吨',
      dismantleDeadline: '2026-09-30',
    });
    files.opinion = await opinion();
    // The same opinion after the office edited its settings (公文设置): the next document prints them.
    files.edited = await opinion({
      issuingBody: '巩义市淘汰落后产能工作领导小组办公室',
      signingOrgan: '巩义市工业和信息化局（代章）',
      contact: '联系人：王示例；电话：0371-64390000',
      copyTo: ['郑州市淘汰落后产能工作领导小组办公室'],
    });
    const printed = printDocx(files);

    for (let n = 1; n <= 12; n++) {
      const pages = printed[`letter-${n}`]!;
      const signing = pageOf(pages, '甲方（盖章）：')!;
      expect(signing, `letter-${n}: signature printed`).toBeDefined();
      // The last clause of the text travels with the signatures.
      expect(signing.text.replace(/\s+/g, ''), `letter-${n} page ${signing.number}`).toContain('本责任书一式两份');
    }
    const commitment = printed.commitment!;
    expect(pageOf(commitment, '法定代表人（签字）：')!.text.replace(/\s+/g, '')).toContain('特此承诺');
    // The two-line title breaks between words: each of its lines is whole.
    const firstLines = commitment[0]!.text.split('\n').map((l) => l.replace(/\s+/g, ''));
    expect(firstLines).toContain('淘汰落后产能生产线（设备）');
    expect(firstLines).toContain('封存及不再恢复生产公开承诺书');

    const op = printed.opinion!;
    const last = op[op.length - 1]!;
    expect(last.text).toContain('抄送：巩义市生态环境局，巩义市市场监督管理局。');
    const issued = last.words.find((w) => w.text.endsWith('印发'))!;
    const lowest = Math.max(...last.words.filter((w) => !/^[—\d\s-]+$/.test(w.text)).map((w) => w.y));
    expect(issued.y).toBe(lowest);
    expect(issued.y).toBeGreaterThan(last.height * 0.75);
    expect(pageOf(op, '（此件盖章后生效）')).toBeDefined();
    // The 落款 shares its page with the conclusion's text (keep-with-next), never alone.
    expect(pageOf(op, '2026年5月10日')!.text.replace(/\s+/g, '')).toContain('检查组同意通过验收');

    const edited = printed.edited!;
    const editedLast = edited[edited.length - 1]!;
    const flat = (p: PdfPage) => p.text.replace(/\s+/g, '');
    expect(flat(editedLast)).toContain('抄送：郑州市淘汰落后产能工作领导小组办公室，巩义市生态环境局，巩义市市场监督管理局。');
    const signed = pageOf(edited, '巩义市工业和信息化局（代章）')!;
    expect(flat(signed)).toContain('检查组同意通过验收');
    expect(flat(signed)).toContain('联系人：王示例；电话：0371-64390000');
    expect(edited.map(flat).join('')).not.toContain('（此件盖章后生效）'); // the 附注 now carries the contacts
    expect(editedLast.words.find((w) => w.text.endsWith('印发'))!.y).toBeGreaterThan(editedLast.height * 0.75);
    // Page numbers: odd pages on the right, even pages on the left.
    if (op.length >= 2) {
      const numberX = (p: PdfPage) => p.words.filter((w) => w.text.includes(String(p.number)) && w.y > p.height * 0.85).map((w) => w.x)[0]!;
      expect(numberX(op[0]!)).toBeGreaterThan(op[0]!.width / 2);
      expect(numberX(op[1]!)).toBeLessThan(op[1]!.width / 2);
    }
  });
});
