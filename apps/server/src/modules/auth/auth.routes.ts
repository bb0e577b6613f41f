import { ChangePasswordBody, LoginBody, Me, Ok, SecuritySettings } from '@taotai/shared';
import type { AppContext } from '../../app-context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { SESSION_COOKIE } from '../../platform/http/auth-hook.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import { settingsRepository } from '../../platform/settings/settings.repository.ts';
import { loadSecuritySettings } from '../../platform/settings/security-settings.ts';
import * as service from './auth.service.ts';

export function authRoutes(app: TypedApp, ctx: AppContext): void {
  const cookieOpts = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: ctx.config.secureCookies };

  app.post(
    '/api/v1/auth/login',
    { config: { public: true }, schema: { tags: ['auth'], summary: '登录', body: LoginBody, response: { 200: Me } } },
    async (req, reply) => {
      const { token } = await service.login(ctx.db, ctx.clock, { ...req.body, ip: req.ip });
      const resolved = (await service.resolveSession(ctx.db, ctx.clock, token, req.ip, ctx.config.demoMode))!;
      reply.setCookie(SESSION_COOKIE, token, cookieOpts);
      return service.me(ctx.db, resolved.actor, resolved.mustChangePassword);
    },
  );
  app.post(
    '/api/v1/auth/logout',
    { config: { allowPasswordChangePending: true }, schema: { tags: ['auth'], summary: '退出登录', response: { 200: Ok } } },
    async (req, reply) => {
      await service.logout(ctx.db, ctx.clock, req.actor!, req.cookies[SESSION_COOKIE]!);
      reply.clearCookie(SESSION_COOKIE, cookieOpts);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/v1/auth/me',
    { config: { allowPasswordChangePending: true }, schema: { tags: ['auth'], summary: '当前用户', response: { 200: Me } } },
    async (req) => service.me(ctx.db, req.actor!, (req as any).mustChangePassword),
  );
  app.post(
    '/api/v1/auth/password',
    {
      config: { allowPasswordChangePending: true },
      schema: { tags: ['auth'], summary: '修改密码', body: ChangePasswordBody, response: { 200: Ok } },
    },
    async (req) => {
      await service.changePassword(ctx.db, ctx.clock, req.actor!, req.body.oldPassword, req.body.newPassword);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/v1/settings/security',
    { config: { ability: 'settings:manage' }, schema: { tags: ['settings'], response: { 200: SecuritySettings } } },
    async () => loadSecuritySettings(ctx.db),
  );
  app.put(
    '/api/v1/settings/security',
    {
      config: { ability: 'settings:manage' },
      schema: { tags: ['settings'], summary: '密码策略、锁定与会话超时', body: SecuritySettings, response: { 200: SecuritySettings } },
    },
    async (req) => {
      const before = await loadSecuritySettings(ctx.db);
      await ctx.db.transaction(async (tx) => {
        await settingsRepository.put(tx, 'security', req.body);
        await recordAudit(tx, req.actor!, ctx.clock.now(), { action: 'settings.update', entityType: 'setting', entityId: 'security', before, after: req.body });
      });
      return req.body;
    },
  );
}
