// Public entry of responsibility letters (目标责任书): drafted from decomposed targets, signed with a scan.
export { responsibilityLetterRoutes } from './responsibility-letter.routes.ts';
export { renderLetterDocx } from './letter-docx.ts';
