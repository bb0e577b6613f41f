import type { ExitTask } from '@taotai/shared';
import { Steps } from 'antd';
import { fmtDate } from '../../shared/format.ts';

const ORDER = ['planned', 'sealed', 'dismantled', 'acceptance_requested', 'accepted'] as const;

/**
 * Milestones: listed in the plan → sealed (optional) → dismantled → acceptance requested → accepted. Those
 * reached are done, the next one is in progress; a rejection or a closure by order shows on the step it stopped.
 */
export function TaskSteps({ task }: { task: ExitTask }) {
  const when = (to: string) => task.history.filter((h) => h.toStatus === to).at(-1)?.at;
  const sealed = task.history.some((h) => h.toStatus === 'sealed');
  const reachedStatus = task.status === 'rejected' ? 'dismantled' : task.status === 'closed' ? (sealed ? 'sealed' : 'planned') : task.status;
  const reached = ORDER.indexOf(reachedStatus as (typeof ORDER)[number]);
  const stopped = task.status === 'rejected' || task.status === 'closed' ? reached + 1 : -1;
  const titles = ['列入计划', '封存（可选）', '拆除', '申请验收', '验收通过'];
  const items = ORDER.map((s, i) => {
    const skipped = i === 1 && !sealed && reached > 1;
    const at = when(s);
    return {
      title: i === stopped ? (task.status === 'rejected' ? '验收未通过' : '已依令关闭') : titles[i],
      content: skipped ? '未封存，直接拆除' : i === 0 ? `淘汰期限 ${task.exitDeadline}` : at ? fmtDate(at) : undefined,
      status:
        i === stopped
          ? ('error' as const)
          : i <= reached && !skipped
            ? ('finish' as const)
            : i === reached + 1 && stopped < 0
              ? ('process' as const)
              : ('wait' as const),
    };
  });
  return <Steps items={items} size="small" data-testid="task-steps" />;
}
