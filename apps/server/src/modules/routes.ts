import type { AppContext } from '../app-context.ts';
import type { TypedApp } from '../platform/http/typed-app.ts';
import { auditRoutes } from './audit/index.ts';
import { authRoutes } from './auth/index.ts';
import { calendarRoutes } from './calendar/index.ts';
import { catalogueRoutes } from './catalogue/index.ts';
import { enterpriseRoutes, lineRoutes } from './enterprise/index.ts';
import { healthRoutes } from './health/health.routes.ts';
import { regionRoutes } from './region/index.ts';
import { surveyImportRoutes } from './survey-import/index.ts';
import { userRoutes } from './user/index.ts';

/** Each module contributes its routes here; the order does not matter. */
export const MODULE_ROUTES: ((app: TypedApp, ctx: AppContext) => void)[] = [
  healthRoutes,
  authRoutes,
  regionRoutes,
  auditRoutes,
  calendarRoutes,
  catalogueRoutes,
  enterpriseRoutes,
  lineRoutes,
  userRoutes,
  surveyImportRoutes,
];
