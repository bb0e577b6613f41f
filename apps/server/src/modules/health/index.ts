// Public entry of the health module (liveness/readiness routes).
export { healthRoutes } from './health.routes.ts';
