import { useCursorPages } from '../../shared/use-cursor-pages.ts';
import { exitTaskApi, type TaskFilters } from './exit-task-api.ts';

/** Keyset pages of the task list, with the capacity per unit of everything the filters match. */
export function useTaskPages(filters: TaskFilters) {
  const pages = useCursorPages(filters, exitTaskApi.list);
  return { ...pages, capacityByUnit: pages.head?.capacityByUnit ?? [] };
}
