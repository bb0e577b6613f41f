import type { LetterLineRow, LetterParty, LetterTargetRow } from '@taotai/shared';

/** Everything the .docx is made from, kept with the letter so a later download is the letter drafted. */
export interface LetterContent {
  title: string;
  year: number;
  partyA: LetterParty;
  partyB: LetterParty;
  rows: LetterTargetRow[];
  lines: LetterLineRow[];
  obligations: string;
  signDeadline: string | null;
}

export const letterTitle = (year: number) => `${year}年淘汰落后产能目标责任书`;

/** The latest deadline in the table (ISO dates sort as text): the date by which 乙方 completes everything. */
export const finalDeadline = (rows: readonly { deadline: string }[]) => rows.map((r) => r.deadline).sort().at(-1) ?? '';

/** 2026-09-30 → 2026年9月30日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * Standard duties, from the notices: 002 §二 (survey, announcement, dismantling or sealing, acceptance
 * per enterprise), 003 §四 (yearly survey 1 Sep–30 Nov, report by 15 Dec, zero reports, tips) and §五 (assessment).
 */
export function defaultObligations(kind: LetterParty['kind']): string {
  if (kind === 'enterprise') {
    return [
      '乙方应按本责任书所列生产线（设备）和期限完成淘汰，拆除主体设备，使其不能恢复生产；暂不具备拆除条件的，应立即断水、断电，拆除动力装置，封存主体设备，向社会公开承诺不再恢复生产，并限时拆除。',
      '乙方不得将淘汰的落后设备转移至其他地区，应如实提供淘汰前、淘汰中、淘汰后的照片和设备去向等资料，接受检查验收。',
      '乙方应妥善安置受影响职工，依法做好社会保险关系接续等工作，维护企业和社会稳定。',
      '甲方负责督促指导乙方落实淘汰任务，按规定协调落实奖励资金等支持政策，组织检查验收并逐户出具书面验收意见。',
      '乙方逾期未完成淘汰任务的，依法依规实施差别电价、限制新增授信、停止供电、吊销相关证照等措施，并纳入失信联合惩戒。',
    ].join('\n');
  }
  return [
    '乙方是本行政区域淘汰落后产能工作的主体责任单位，主要负责同志为第一责任人，应将目标任务分解落实到企业和生产线（设备），并与企业签订目标责任书。',
    '乙方应于每年9月1日至11月30日对落后产能进行全面摸排，将摸排结果列入下一年度淘汰计划，并于12月15日前以政府文件形式报送甲方；确无落后产能的，以零报告形式报送。',
    '乙方应在政府门户网站或主管部门网站公告列入淘汰计划的企业名单、落后设备清单和产能，以及已完成淘汰任务的企业名单、设备清单和产能，接受社会监督。',
    '淘汰的落后产能应拆除主体设备，使其不能恢复生产；暂不具备拆除条件的，应立即断水、断电，拆除动力装置，封存主体设备，企业向社会公开承诺不再恢复生产，并限时拆除。',
    '乙方应组织检查验收，逐户出具书面验收意见；设立举报电话，对群众举报的落后产能企业立即组织核查处理，处理情况及时公布。',
    '甲方负责对乙方目标任务完成情况进行监督检查和考核，考核结果纳入政府目标绩效考核；对工作成效突出的予以通报表扬，对工作不力、未完成目标任务的予以通报批评和约谈。',
  ].join('\n');
}
