import { quantityText } from '@taotai/shared';
import { type Block, chineseDate, renderOfficialDocx } from '../../platform/documents/official/official-document.ts';

export { DOCX_MIME } from '../../platform/documents/official/official-document.ts';

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

/** The commitment as a Word document the enterprise prints, signs, seals and scans back (no 版头: it is the enterprise's). */
export async function renderCommitmentDocx(c: CommitmentContent): Promise<Buffer> {
  const deadline = chineseDate(c.dismantleDeadline);
  const body: Block[] = [
    { kind: 'plain', text: `承诺企业：${c.enterpriseName}` },
    { kind: 'plain', text: `统一社会信用代码：${c.uscc}` },
    { kind: 'plain', text: `法定代表人：${c.legalRepresentative || '__________'}` },
    { kind: 'plain', text: `所在地：${c.regionName}` },
    { kind: 'text', text: `本企业下列生产线（设备）已列入${c.year}年淘汰落后产能计划：` },
    {
      kind: 'table',
      header: ['生产线（设备）名称', '规格型号', '所属行业', '产能', '拆除期限'],
      rows: [[c.lineName, c.specification || '—', c.industryName, `${quantityText(c.capacity)}${c.unitName}`, deadline]],
    },
    { kind: 'text', text: '本企业郑重承诺：' },
    { kind: 'text', text: '一、已切断上述生产线（设备）的生产用水、生产用电，拆除动力装置，并对主体设备实施封存。' },
    { kind: 'text', text: '二、封存期间不擅自启封、不恢复生产，不以任何形式转移封存设备用于生产。' },
    { kind: 'text', text: `三、于${deadline}前完成上述生产线（设备）的拆除；拆除的设备报废或依法出售，不转移至其他地区重新安装使用。` },
    { kind: 'text', text: '四、本承诺向社会公开，自愿接受政府有关部门和社会公众的监督；如违反承诺，依法承担相应责任。' },
    { kind: 'text', text: '特此承诺。' },
  ];
  return renderOfficialDocx({
    title: commitmentTitle,
    body,
    closing: {
      kind: 'parties',
      columns: [[`承诺企业（盖章）：${c.enterpriseName}`, '', '法定代表人（签字）：', '', '日期：        年    月    日']],
    },
  });
}
