import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { migrationVersion } from '../../db/migrate.ts';
import { blobStoreFor } from '../../platform/files/index.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';

export function healthRoutes(app: TypedApp, ctx: AppContext): void {
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['health'],
        response: { 200: z.object({ status: z.literal('ok'), engine: z.enum(['pglite', 'postgres']), migration: z.string(), demoMode: z.boolean(), fileStore: z.enum(['local', 's3']) }) },
      },
    },
    async () => ({
      status: 'ok' as const,
      engine: ctx.database.engine,
      migration: await migrationVersion(ctx.database),
      demoMode: ctx.config.demoMode,
      fileStore: blobStoreFor(ctx.config.dataDir).kind,
    }),
  );
}
