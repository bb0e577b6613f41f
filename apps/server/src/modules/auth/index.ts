export { actorForUser } from './actor-factory.ts';
export { authRoutes } from './auth.routes.ts';
export { resolveSession } from './auth.service.ts';
export { login, loginTotp } from './login.service.ts';
export { authRepository } from './auth.repository.ts';
