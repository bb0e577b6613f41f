import { bigint, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * An uploaded file kept unchanged under dataDir/files/<first 2 hex of sha256>/<sha256>.
 * `mime` is what the content's first bytes say it is, never what the name or the browser claims.
 */
export const storedFile = pgTable(
  'stored_file',
  {
    id: serial('id').primaryKey(),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mime: text('mime').notNull(),
    originalName: text('original_name').notNull(),
    uploadedBy: integer('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('stored_file_sha256_idx').on(t.sha256)],
);
