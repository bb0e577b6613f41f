import type { AppContext } from '../app-context.ts';
import type { TypedApp } from '../platform/http/typed-app.ts';
import { announcementRoutes, publicAnnouncementRoutes } from './announcement/index.ts';
import { auditRoutes } from './audit/index.ts';
import { authRoutes } from './auth/index.ts';
import { calendarRoutes } from './calendar/index.ts';
import { catalogueRoutes } from './catalogue/index.ts';
import { dataQualityRoutes } from './data-quality/index.ts';
import { departmentListRoutes } from './department-list/index.ts';
import { eliminationPlanRoutes } from './elimination-plan/index.ts';
import { exitTaskJobRoutes, exitTaskRoutes } from './exit-task/index.ts';
import { filingRequirementRoutes, filingRoutes } from './filing/index.ts';
import { enterpriseRoutes, lineRoutes } from './enterprise/index.ts';
import { healthRoutes } from './health/index.ts';
import { inspectionRoutes } from './inspection/index.ts';
import { caseRoutes } from './non-compliance-case/index.ts';
import { tipRoutes } from './tip/index.ts';
import { jointNoticeRoutes } from './joint-notice/index.ts';
import { jointPunishmentRoutes } from './joint-punishment/index.ts';
import { notificationRoutes } from './notification/index.ts';
import { officeSettingsRoutes } from './office-settings/index.ts';
import { priceMeasureRoutes } from './price-measure/index.ts';
import { progressRoutes } from './progress/index.ts';
import { regionRoutes } from './region/index.ts';
import { responsibilityLetterRoutes } from './responsibility-letter/index.ts';
import { surveyRoutes } from './survey/index.ts';
import { surveyImportRoutes } from './survey-import/index.ts';
import { targetRoutes } from './target/index.ts';
import { publicTipRoutes } from './tip/index.ts';
import { todoRoutes } from './todo/index.ts';
import { userRoutes } from './user/index.ts';
import { workPlanRoutes } from './work-plan/index.ts';

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
  targetRoutes,
  eliminationPlanRoutes,
  responsibilityLetterRoutes,
  workPlanRoutes,
  filingRequirementRoutes,
  filingRoutes,
  surveyRoutes,
  notificationRoutes,
  exitTaskRoutes,
  exitTaskJobRoutes,
  inspectionRoutes,
  announcementRoutes,
  publicAnnouncementRoutes,
  progressRoutes,
  dataQualityRoutes,
  officeSettingsRoutes,
  todoRoutes,
  departmentListRoutes,
  caseRoutes,
  tipRoutes,
  priceMeasureRoutes,
  jointPunishmentRoutes,
  jointNoticeRoutes,
  publicTipRoutes,
];
