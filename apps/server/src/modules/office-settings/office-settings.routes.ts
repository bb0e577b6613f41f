import { OfficeDocumentSettings, OfficeDocumentSettingsBody } from '@taotai/shared';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import * as service from './office-settings.service.ts';

const Params = z.object({ code: z.string().regex(/^[0-9A-Za-z]{1,12}$/, '行政区划代码不正确') });

export function officeSettingsRoutes(app: TypedApp, ctx: AppContext): void {
  app.get(
    '/api/v1/office-settings/:code',
    { schema: { tags: ['office-settings'], summary: '本级办公室的公文设置（版头、发文字号、落款、联系方式、默认抄送）', params: Params, response: { 200: OfficeDocumentSettings } } },
    async (req) => service.getOfficeSettings(ctx.db, req.actor!, req.params.code),
  );
  app.put(
    '/api/v1/office-settings/:code',
    {
      schema: {
        tags: ['office-settings'],
        summary: '修改本级办公室的公文设置（按版本号防止覆盖他人的修改），下一份公文即按新设置生成',
        params: Params,
        body: OfficeDocumentSettingsBody,
        response: { 200: OfficeDocumentSettings },
      },
    },
    async (req) => service.saveOfficeSettings(ctx.db, ctx.clock, req.actor!, req.params.code, req.body),
  );
}
