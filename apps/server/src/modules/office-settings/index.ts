// Office document settings (issue 11): 版头, 发文字号 prefix, 落款, contact lines and default 抄送 per region office.
export { officeSettingsRoutes } from './office-settings.routes.ts';
export { documentSettingsFor, type EffectiveOfficeSettings } from './office-settings.service.ts';
export { contactLine, documentNumberOf, issuingBody, regionAbbreviation } from './office-settings.rules.ts';
export { officeSettingsRepository } from './office-settings.repository.ts';
