export { actorForUser } from './actor-factory.ts';
export { authRoutes } from './auth.routes.ts';
export { login, resolveSession } from './auth.service.ts';
export { authRepository } from './auth.repository.ts';
