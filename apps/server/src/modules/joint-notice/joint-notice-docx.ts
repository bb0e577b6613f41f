import { JOINT_NOTICE_ACTION_LABELS, type JointNoticeAction } from '@taotai/shared';
import { type Block, renderOfficialDocx } from '../../platform/documents/official/official-document.ts';

export { DOCX_MIME } from '../../platform/documents/official/official-document.ts';

export interface NoticeContent {
  issuingBody: string;
  signingOrgan: string;
  documentNumber: string;
  title: string;
  /** The addressed departments (主送). */
  addressees: string[];
  dueWorkingDays: number;
  enterprises: { name: string; uscc: string; ground: string; actions: JointNoticeAction[]; agencies: string[] }[];
  contact: string;
  copyTo: string[];
  date: string;
}

/**
 * 到期关闭后联合通知 (001 第五篇 §五: "到期后政府行文通知各相关部门停止供电、注销工商营业执照，吊销生产许可证、
 * 排污许可证"), in 公文 layout through the one builder.
 */
export async function renderNoticeDocx(c: NoticeContent): Promise<Buffer> {
  const body: Block[] = [
    {
      kind: 'text',
      text: `下列${c.enterprises.length}家企业未在规定期限内完成落后产能淘汰任务，或经整改仍不达标已被责令关闭。按照淘汰落后产能工作有关规定，请各有关单位依法依规办理下表所列事项，并于收到本通知后${c.dueWorkingDays}个工作日内将执行情况（执行日期、文号）在平台登记反馈。`,
    },
    { kind: 'level1', text: '一、企业名单及通知事项' },
    {
      kind: 'table',
      header: ['序号', '企业名称', '统一社会信用代码', '事由', '通知事项', '执行单位'],
      rows: c.enterprises.map((e, i) => [String(i + 1), e.name, e.uscc, e.ground, e.actions.map((a) => JOINT_NOTICE_ACTION_LABELS[a]).join('、'), e.agencies.join('、')]),
    },
    { kind: 'level1', text: '二、工作要求' },
    { kind: 'text', text: '（一）供电部门对上述企业依法停止生产用电；市场监管部门依法注销营业执照、吊销生产许可证（需由上级发证机关办理的，及时报请办理）；生态环境部门依法吊销排污许可证。' },
    { kind: 'text', text: '（二）执行中遇有问题，请及时与本办联系。' },
  ];
  return renderOfficialDocx({
    letterhead: { issuingBody: c.issuingBody, documentNumber: c.documentNumber },
    title: c.title,
    addressee: `${c.addressees.join('、')}：`,
    body,
    closing: { kind: 'issuer', issuer: c.signingOrgan, date: c.date },
    annotation: c.contact || undefined,
    colophon: { copyTo: c.copyTo, printer: c.issuingBody, printDate: c.date },
  });
}
