export * from './audit.ts';
export * from './region.ts';
export * from './registry.ts';
export * from './user.ts';
export * from './calendar.ts';
