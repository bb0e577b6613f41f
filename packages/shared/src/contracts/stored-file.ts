import { z } from 'zod';

/** An uploaded file as the API describes it; `mime` was read from the content, not the name. */
export const StoredFileInfo = z.object({
  id: z.number().int(),
  fileName: z.string(),
  size: z.number().int(),
  mime: z.string(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type StoredFileInfo = z.infer<typeof StoredFileInfo>;
