// One lifecycle step for every state change (ADR 0012): the machine shape, runTransition, the history, separation of duties.
export * from './duties.ts';
export { checkVersion, type EditRequest, guardedDelete, guardedEdit } from './guarded-edit.ts';
export { presentHistory, readHistory } from './history.ts';
export { type HistoryRow, type LifecycleTable, lifecycleRepository, type VersionedTable } from './lifecycle.repository.ts';
export { availableEvents, type Machine, nextStatus, notApplicable, type Relation, refusalOf, type Transition, transitionFor } from './machine.ts';
export { runTransition, STALE_STATE, type TransitionRequest, type TransitionResult } from './run-transition.ts';
