import { existsSync } from 'node:fs';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from './app-context.ts';
import { fastifyTrustProxy } from './config.ts';
import { resolveSession } from './modules/auth/index.ts';
import { MODULE_ROUTES } from './modules/routes.ts';
import { installAuthHook } from './platform/http/auth-hook.ts';
import { installErrorHandler } from './platform/http/error-handler.ts';
import { installOriginCheck } from './platform/http/origin-check.ts';
import { loggerOptions } from './platform/http/request-log.ts';
import { installSecurityHeaders } from './platform/http/security-headers.ts';
import { installRateLimitHook } from './platform/http/rate-limit-hook.ts';
import type { TypedApp } from './platform/http/typed-app.ts';

// Default zod messages in Chinese; our schemas add field-specific ones.
z.config(z.locales.zhCN());

/** `logger`: true logs to stdout; a stream receives the log instead (tests capture it). Either way redacted (request-log.ts). */
export async function buildApp(ctx: AppContext, opts: { logger?: boolean | NodeJS.WritableStream } = {}): Promise<FastifyInstance> {
  const logger = opts.logger ? loggerOptions(opts.logger === true ? undefined : opts.logger) : false;
  const app = Fastify({ logger, trustProxy: fastifyTrustProxy(ctx.config.trustProxy), bodyLimit: 2 * 1024 * 1024 });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(cookie);
  // After the cookie parser (its onRequest hook runs first), before any body is read.
  installSecurityHeaders(app, { https: ctx.config.secureCookies });
  installOriginCheck(app, { publicOrigins: ctx.config.publicOrigins });
  await app.register(multipart, { limits: { fileSize: ctx.config.uploads.maxBytes, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'taotai 落后产能退出综合管理平台 API', version: '1.0.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'taotai_sid' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  installErrorHandler(app);
  installAuthHook(app, ctx, resolveSession);
  installRateLimitHook(app, ctx);

  const typed = app.withTypeProvider() as unknown as TypedApp;
  for (const register of MODULE_ROUTES) register(typed, ctx);

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  if (existsSync(ctx.config.webDist)) {
    await app.register(fastifyStatic, { root: ctx.config.webDist, wildcard: false });
    // Client-side routes: any non-API GET that is not a file gets the app shell. A catch-all route, not a
    // second not-found handler (the error handler owns that one; Fastify allows one per prefix).
    app.get('/*', { config: { public: true }, schema: { hide: true } }, (req, reply) => {
      if (req.url.startsWith('/api/')) {
        return reply.status(404).send({ error: 'not_found', message: `接口不存在：${req.method} ${req.url}` });
      }
      return reply.sendFile('index.html');
    });
  }
  return app;
}
