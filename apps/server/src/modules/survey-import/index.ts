// Public entry of the survey-form (排查登记表) import and the enterprise xlsx export.
export { surveyImportRoutes } from './survey-import.routes.ts';
export { checkFile, importFile, type ImportProgress, type ImportResult } from './survey-import.service.ts';
export { type SurveyFormSpec, surveyFormRows, writeSurveyForm } from './survey-form-maker.ts';
