import { quantityText } from '@taotai/shared';
import { type Block, ordinal, renderOfficialDocx } from '../../platform/documents/official/official-document.ts';
import { chineseDate, finalDeadline, type LetterContent } from './letter-content.ts';

/**
 * The letter as a Word document in the one official layout: parties, target table, deadlines, duties, signatures;
 * 甲方's office contact lines (its document settings) in the 附注 when set.
 */
export async function renderLetterDocx(c: LetterContent, contact = ''): Promise<Buffer> {
  const deadline = finalDeadline(c.rows);
  const body: Block[] = [
    { kind: 'plain', text: `甲方：${c.partyA.name}` },
    { kind: 'plain', text: `乙方：${c.partyB.name}${c.partyB.uscc ? `（统一社会信用代码：${c.partyB.uscc}）` : ''}` },
    { kind: 'text', text: `为确保完成${c.year}年淘汰落后产能目标任务，根据国家和省有关淘汰落后产能工作的部署，经甲乙双方协商，签订本责任书。` },
    { kind: 'level1', text: '一、目标任务' },
    { kind: 'text', text: `${c.year}年，乙方完成以下淘汰落后产能目标任务（不同产能单位分别计列）：` },
    {
      kind: 'table',
      header: ['序号', '行业', '淘汰落后产能', '产能单位', '涉及企业（家）', '完成时限'],
      rows: c.rows.map((r, i) => [String(i + 1), r.industryName, quantityText(r.quantity), r.unitName, r.enterpriseCount === null ? '—' : String(r.enterpriseCount), chineseDate(r.deadline)]),
    },
  ];
  if (c.lines.length > 0) {
    body.push(
      { kind: 'text', text: '列入淘汰任务的生产线（设备）：' },
      {
        kind: 'table',
        header: ['序号', '行业', '生产线（设备）名称', '规格型号', '产能', '产能单位', '完成时限'],
        rows: c.lines.map((l, i) => [String(i + 1), l.industryName, l.lineName, l.specification, quantityText(l.capacity), l.unitName, chineseDate(l.deadline)]),
      },
    );
  }
  body.push({ kind: 'level1', text: '二、完成时限' });
  body.push({ kind: 'text', text: `乙方应于${deadline ? chineseDate(deadline) : `${c.year}年12月31日`}前完成上述全部目标任务，各项任务的完成时限见上表。` });
  if (c.signDeadline) body.push({ kind: 'text', text: `本责任书应于${chineseDate(c.signDeadline)}前签订并报甲方备案。` });
  body.push({ kind: 'level1', text: '三、责任与要求' });
  c.obligations
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)
    .forEach((s, i) => {
      body.push({ kind: 'text', text: `（${ordinal(i)}）${s}` });
    });
  body.push({ kind: 'level1', text: '四、其他' });
  body.push({ kind: 'text', text: '本责任书一式两份，甲乙双方各执一份，自双方签字盖章之日起生效。' });
  const side = (label: '甲方' | '乙方', who: string, signer: string) => [`${label}（盖章）：`, who, '', `${signer}（签字）：`, '', '日期：      年   月   日'];
  return renderOfficialDocx({
    title: c.title,
    body,
    closing: {
      kind: 'parties',
      columns: [side('甲方', c.partyA.name, '负责人'), side('乙方', c.partyB.name, c.partyB.kind === 'enterprise' ? '法定代表人' : '负责人')],
    },
    annotation: contact || undefined,
  });
}
