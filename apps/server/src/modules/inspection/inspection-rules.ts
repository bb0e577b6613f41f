import { INSPECTION_CHECK_LABELS, INSPECTION_CHECKS, type InspectionConclusionBody } from '@taotai/shared';

/**
 * A conclusion must be consistent with what was found: passing needs every checklist item met
 * (002 §二(二)1: dismantled so production cannot resume, and the rest), failing needs the reasons,
 * which go back to the tasks. Returns the Chinese refusal with the field it concerns, or null.
 */
export function conclusionRefusal(b: InspectionConclusionBody): { path: string; message: string } | null {
  if (b.conclusion === 'pass') {
    const unmet = INSPECTION_CHECKS.filter((c) => !b[c]);
    if (unmet.length) {
      return { path: unmet[0]!, message: `验收通过须全部检查项符合要求，以下检查项未确认：${unmet.map((c) => INSPECTION_CHECK_LABELS[c]).join('；')}` };
    }
    return null;
  }
  if (!b.reasons) return { path: 'reasons', message: '验收不通过时请填写不通过的原因（将退回退出任务要求整改）' };
  return null;
}
