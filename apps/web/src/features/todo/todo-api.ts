import type { TodoCount, TodoItem, TodoList } from '@taotai/shared';
import { api } from '../../shared/api.ts';

export const todoApi = {
  list: () => api.get<TodoList>('/todo'),
  count: () => api.get<TodoCount>('/todo/count'),
};

/** 「剩 3 个工作日」/「今日到期」/「已超期 2 个工作日」, or null when the item has no due date. */
export function dueText(i: Pick<TodoItem, 'dueDate' | 'overdue' | 'workingDaysLeft' | 'workingDaysOverdue'>): string | null {
  if (!i.dueDate) return null;
  if (i.overdue) return `已超期 ${i.workingDaysOverdue} 个工作日`;
  return i.workingDaysLeft === 0 ? '今日到期' : `剩 ${i.workingDaysLeft} 个工作日`;
}
