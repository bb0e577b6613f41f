import { z } from 'zod';

export const ImportRowError = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

/** Result of checking an uploaded survey form; nothing is written until `commit` with the same token. */
export const ImportPreview = z.object({
  token: z.string().nullable(),
  fileName: z.string(),
  title: z.string().nullable(),
  rowCount: z.number().int(),
  enterpriseCount: z.number().int(),
  newEnterpriseCount: z.number().int(),
  lineCount: z.number().int(),
  errors: z.array(ImportRowError),
  errorCount: z.number().int(),
  /** Per capacity unit; capacities of different units are never added together. */
  capacityByUnit: z.array(z.object({ unit: z.string(), total: z.number() })),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportCommitBody = z.object({ token: z.string().min(1) });
export const ImportCommitResult = z.object({
  importId: z.number().int(),
  enterprisesCreated: z.number().int(),
  enterprisesMatched: z.number().int(),
  linesCreated: z.number().int(),
});
