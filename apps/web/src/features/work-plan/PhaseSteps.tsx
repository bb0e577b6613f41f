import type { WorkPlanPhase } from '@taotai/shared';
import { Steps } from 'antd';

/** The plan's phases as steps; the phase containing `today` is the current one, earlier ones are done. */
export function PhaseSteps({ phases, today }: { phases: WorkPlanPhase[]; today: string | undefined }) {
  const idx = today ? phases.findIndex((p) => p.startDate <= today && today <= p.endDate) : -1;
  const done = today ? phases.filter((p) => p.endDate < today).length : 0;
  return (
    <Steps
      data-testid="phase-steps"
      current={idx >= 0 ? idx : done}
      status={idx >= 0 ? 'process' : done === phases.length ? 'finish' : 'wait'}
      items={phases.map((p) => ({
        title: p.name,
        content: `${p.startDate} 至 ${p.endDate}`,
      }))}
    />
  );
}
