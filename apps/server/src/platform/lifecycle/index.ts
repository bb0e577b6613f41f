// One lifecycle step for every state change (ADR 0012): the machine shape, runTransition, the history, separation of duties.
export * from './duties.ts';
export { checkVersion, type EditRequest, guardedDelete, guardedEdit } from './guarded-edit.ts';
export { presentHistory, readHistory } from './history.ts';
export { type HistoryRow, type LifecycleTable, lifecycleRepository, type VersionedTable } from './lifecycle.repository.ts';
export {
  availableEvents,
  type FieldRefusal,
  type GuardRefusal,
  type Machine,
  nextStatus,
  notApplicable,
  type Relation,
  refusalOf,
  refusalParts,
  type Transition,
  transitionFor,
} from './machine.ts';
export { runTransition, STALE_STATE, type TransitionRequest, type TransitionResult } from './run-transition.ts';
export {
  type AwaitingCandidate,
  type AwaitingSource,
  type Awaiting,
  type AwaitKind,
  AWAIT_KIND_LABELS,
  awaitedEvents,
  awaitedFrom,
  awaitingOf,
  awaitingStates,
  announceArrival,
  onArrival,
} from './awaiting.ts';
