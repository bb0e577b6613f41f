import type { AwaitingSource } from '../../platform/lifecycle/index.ts';
import { announcementTodoSource, objectionTodoSource } from '../announcement/index.ts';
import { planTodoSource } from '../elimination-plan/index.ts';
import { caseExtensionTodoSource, caseTodoSource } from '../non-compliance-case/index.ts';
import { exitTaskTodoSource } from '../exit-task/index.ts';
import { filingTodoSource } from '../filing/index.ts';
import { noticeItemTodoSource } from '../joint-notice/index.ts';
import { entryTodoSource } from '../joint-punishment/index.ts';
import { deliveryTodoSource } from '../price-measure/index.ts';
import { roundTodoSource } from '../inspection/index.ts';
import { targetTodoSource } from '../target/index.ts';
import { tipTodoSource } from '../tip/index.ts';

/**
 * Every lifecycle whose machine marks awaited rows registers its source here (ADR 0016): a new lifecycle
 * gets to-do items, arrival notices and reminders by adding one line.
 */
export const TODO_SOURCES: readonly AwaitingSource<any>[] = [
  planTodoSource,
  announcementTodoSource,
  roundTodoSource,
  exitTaskTodoSource,
  filingTodoSource,
  objectionTodoSource,
  targetTodoSource,
  caseTodoSource,
  caseExtensionTodoSource,
  deliveryTodoSource,
  entryTodoSource,
  noticeItemTodoSource,
  tipTodoSource,
];
