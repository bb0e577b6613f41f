import type { Db } from '../../db/client.ts';
import { surveyImport } from '../../db/schema/index.ts';

export type SurveyImportInsert = typeof surveyImport.$inferInsert;

export const surveyImportRepository = {
  async insert(db: Db, row: SurveyImportInsert): Promise<number> {
    const [r] = await db.insert(surveyImport).values(row).returning({ id: surveyImport.id });
    return r!.id;
  },
};
