import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../access/actor.ts';
import { AppError, forbidden, unauthorized } from '../errors.ts';

export const SESSION_COOKIE = 'taotai_sid';

/** What the hook needs of a session; the auth module provides it (platform/ never imports a module, issue 10 §5). */
export interface ResolvedSessionFlags {
  actor: Actor;
  mustChangePassword: boolean;
  mustEnrolTotp: boolean;
}
export type SessionResolver = (
  db: AppContext['db'],
  clock: AppContext['clock'],
  token: string,
  ip: string | null,
  demoMode: boolean,
) => Promise<ResolvedSessionFlags | null>;

/**
 * Every /api route needs a live session unless its config says `public`.
 * A pending password change blocks everything but the routes that let the user change it; so does a pending
 * TOTP enrolment of an administrator (setting 管理员必须启用动态口令).
 */
export function installAuthHook(app: FastifyInstance, ctx: AppContext, resolveSession: SessionResolver): void {
  app.decorateRequest('actor', null);
  app.addHook('preHandler', async (req) => {
    const cfg = req.routeOptions.config;
    if (!req.url.startsWith('/api/') || cfg?.public || !req.routeOptions.url) return;
    const token = req.cookies[SESSION_COOKIE];
    const resolved = token ? await resolveSession(ctx.db, ctx.clock, token, req.ip, ctx.config.demoMode) : null;
    if (!resolved) throw unauthorized('登录已过期或未登录，请重新登录');
    req.actor = resolved.actor;
    (req as any).mustChangePassword = resolved.mustChangePassword;
    (req as any).sessionFlags = resolved;
    if (resolved.mustChangePassword && !cfg?.allowPasswordChangePending) {
      throw new AppError(403, 'password_change_required', '请先修改初始密码或已过期的密码');
    }
    if (resolved.mustEnrolTotp && !cfg?.allowTotpEnrolmentPending) {
      throw new AppError(403, 'totp_enrolment_required', '系统要求管理员启用动态口令，请先在“我的账户”中绑定');
    }
    if (cfg?.ability && !resolved.actor.abilities.has(cfg.ability)) throw forbidden();
  });
}
