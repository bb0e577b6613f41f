import { WORK_PLAN_TEMPLATE_LABELS, type WorkPlanTemplate, type WorkPlanTemplateInfo } from '@taotai/shared';

/**
 * Phase templates from the seeds: 002 §二 (摸底排查 by 30 Apr, 组织退出 1 May–30 Sep, 检查验收 1 Oct–30 Nov)
 * and 003 §三 (清零行动: four phases from 8 Oct to 3 Jan of the following year).
 */
export const WORK_PLAN_TEMPLATES_DATA: Record<WorkPlanTemplate, WorkPlanTemplateInfo> = {
  standard: {
    code: 'standard',
    name: WORK_PLAN_TEMPLATE_LABELS.standard,
    source: '大政办发〔2019〕22号 二、落后产能退出工作步骤',
    phases: [
      {
        name: '摸底排查',
        description: '全面摸底排查落后生产设备数量及产能，做到应报尽报，列入年度淘汰计划并公告；现场核查。',
        start: { monthDay: '01-01', yearOffset: 0 },
        end: { monthDay: '04-30', yearOffset: 0 },
      },
      {
        name: '组织退出',
        description: '督促企业拆除主体设备；暂不具备拆除条件的断水断电、拆除动力装置、封存主体设备，公开承诺并限时拆除。',
        start: { monthDay: '05-01', yearOffset: 0 },
        end: { monthDay: '09-30', yearOffset: 0 },
      },
      {
        name: '检查验收',
        description: '联合组织监督检查，逐户出具书面验收意见，公告已完成淘汰任务企业名单及设备清单、产能。',
        start: { monthDay: '10-01', yearOffset: 0 },
        end: { monthDay: '11-30', yearOffset: 0 },
      },
    ],
  },
  clear_zero: {
    code: 'clear_zero',
    name: WORK_PLAN_TEMPLATE_LABELS.clear_zero,
    source: '河南省淘汰落后产能“清零行动”实施方案 三、实施步骤',
    phases: [
      {
        name: '宣传动员',
        description: '宣传动员、全面启动：印发实施方案，召开会议部署“清零行动”。',
        start: { monthDay: '10-08', yearOffset: 0 },
        end: { monthDay: '10-15', yearOffset: 0 },
      },
      {
        name: '年度排查上报',
        description: '年度排查，上报情况：全面调查登记本地落后产能，上报省淘汰落后产能工作领导小组办公室。',
        start: { monthDay: '10-16', yearOffset: 0 },
        end: { monthDay: '11-15', yearOffset: 0 },
      },
      {
        name: '集中攻坚',
        description: '突出重点、集中攻坚：采取有效措施确保淘汰落后产能任务完成。',
        start: { monthDay: '11-16', yearOffset: 0 },
        end: { monthDay: '12-15', yearOffset: 0 },
      },
      {
        name: '检查验收',
        description: '检查验收、推广经验：准备政策文件和企业资料归类成册，组织检查验收。',
        start: { monthDay: '01-01', yearOffset: 1 },
        end: { monthDay: '01-03', yearOffset: 1 },
      },
    ],
  },
};

/** A template's phases with dates for a year. */
export function templatePhases(template: WorkPlanTemplate, year: number) {
  const at = (p: { monthDay: string; yearOffset: number }) => `${year + p.yearOffset}-${p.monthDay}`;
  return WORK_PLAN_TEMPLATES_DATA[template].phases.map((p) => ({
    name: p.name,
    description: p.description,
    startDate: at(p.start),
    endDate: at(p.end),
  }));
}
