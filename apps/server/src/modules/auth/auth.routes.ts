import { ChangePasswordBody, LoginBody, LoginResult, Me, Ok, SecuritySettings, TotpCodeBody, TotpEnrolment, TotpLoginBody } from '@taotai/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { SESSION_COOKIE } from '../../platform/http/auth-hook.ts';
import { DELAY_HEADER } from '../../platform/http/rate-limit.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import { settingsRepository } from '../../platform/settings/settings.repository.ts';
import { loadSecuritySettings } from '../../platform/settings/security-settings.ts';
import * as service from './auth.service.ts';
import { type LoginOutcome, login, loginTotp } from './login.service.ts';
import * as totp from './totp.service.ts';

const flagsOf = (req: FastifyRequest): service.SessionFlags => (req as any).sessionFlags;

export function authRoutes(app: TypedApp, ctx: AppContext): void {
  const cookieOpts = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: ctx.config.secureCookies };
  const deps = { db: ctx.db, clock: ctx.clock, sealKey: ctx.sealKey, demoMode: ctx.config.demoMode };
  const pending = { allowPasswordChangePending: true, allowTotpEnrolmentPending: true };

  /** A session outcome sets the cookie and answers the user; a TOTP outcome answers the challenge. */
  const answer = async (outcome: LoginOutcome, req: FastifyRequest, reply: FastifyReply) => {
    if (outcome.delayMs) reply.header(DELAY_HEADER, String(outcome.delayMs));
    if (outcome.kind === 'totp') return { totpRequired: true as const, ticket: outcome.ticket, message: '需要动态口令' };
    const resolved = (await service.resolveSession(ctx.db, ctx.clock, outcome.token, req.ip, ctx.config.demoMode))!;
    reply.setCookie(SESSION_COOKIE, outcome.token, cookieOpts);
    return service.me(ctx.db, resolved.actor, resolved);
  };

  app.post(
    '/api/v1/auth/login',
    { config: { public: true }, schema: { tags: ['auth'], summary: '登录（口令步骤；启用动态口令的账户返回 totpRequired）', body: LoginBody, response: { 200: LoginResult } } },
    async (req, reply) => answer(await login(deps, { ...req.body, ip: req.ip }), req, reply),
  );
  app.post(
    '/api/v1/auth/login/totp',
    { config: { public: true }, schema: { tags: ['auth'], summary: '登录（动态口令步骤）', body: TotpLoginBody, response: { 200: Me } } },
    async (req, reply) => (await answer(await loginTotp(deps, { ...req.body, ip: req.ip }), req, reply)) as Me,
  );
  app.post(
    '/api/v1/auth/logout',
    { config: pending, schema: { tags: ['auth'], summary: '退出登录', response: { 200: Ok } } },
    async (req, reply) => {
      await service.logout(ctx.db, ctx.clock, req.actor!, req.cookies[SESSION_COOKIE]!);
      reply.clearCookie(SESSION_COOKIE, cookieOpts);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/v1/auth/me',
    { config: pending, schema: { tags: ['auth'], summary: '当前用户', response: { 200: Me } } },
    async (req) => service.me(ctx.db, req.actor!, flagsOf(req)),
  );
  app.post(
    '/api/v1/auth/password',
    {
      config: pending,
      schema: { tags: ['auth'], summary: '修改密码', body: ChangePasswordBody, response: { 200: Ok } },
    },
    async (req) => {
      await service.changePassword(ctx.db, ctx.clock, req.actor!, req.body.oldPassword, req.body.newPassword);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/v1/auth/totp/enrolment',
    { config: { allowTotpEnrolmentPending: true }, schema: { tags: ['auth'], summary: '动态口令：生成密钥（待确认）', response: { 200: TotpEnrolment } } },
    async (req) => totp.startTotpEnrolment(deps, req.actor!),
  );
  app.post(
    '/api/v1/auth/totp/enrolment/confirm',
    { config: { allowTotpEnrolmentPending: true }, schema: { tags: ['auth'], summary: '动态口令：输入一次口令确认绑定', body: TotpCodeBody, response: { 200: Ok } } },
    async (req) => {
      await totp.confirmTotpEnrolment(deps, req.actor!, req.body.code);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/v1/auth/totp/disable',
    { schema: { tags: ['auth'], summary: '动态口令：停用（须输入当前口令）', body: TotpCodeBody, response: { 200: Ok } } },
    async (req) => {
      await totp.disableTotp(deps, req.actor!, req.body.code);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/v1/settings/security',
    { config: { ability: 'settings:manage' }, schema: { tags: ['settings'], response: { 200: SecuritySettings } } },
    async () => loadSecuritySettings(ctx.db, ctx.config.demoMode),
  );
  app.put(
    '/api/v1/settings/security',
    {
      config: { ability: 'settings:manage' },
      schema: { tags: ['settings'], summary: '密码策略、锁定、会话时限与动态口令', body: SecuritySettings, response: { 200: SecuritySettings } },
    },
    async (req) => {
      const before = await loadSecuritySettings(ctx.db, ctx.config.demoMode);
      await ctx.db.transaction(async (tx) => {
        await settingsRepository.put(tx, 'security', req.body);
        await recordAudit(tx, req.actor!, ctx.clock.now(), { action: 'settings.update', entityType: 'setting', entityId: 'security', before, after: req.body });
      });
      return req.body;
    },
  );
}
