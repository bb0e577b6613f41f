export * from './audit.ts';
export * from './region.ts';
export * from './registry.ts';
export * from './user.ts';
export * from './calendar.ts';
export * from './files.ts';
export * from './plan-target.ts';
export * from './year-work.ts';
