import type { Letter, LetterStatus, LetterSummary } from '@taotai/shared';
import { presentStoredFile, type StoredFileRow } from '../../platform/files/index.ts';
import type { LetterContent } from './letter-content.ts';
import type { LetterRow } from './responsibility-letter.repository.ts';

export const contentOf = (l: LetterRow) => l.content as LetterContent;

export function presentLetterSummary(l: LetterRow): LetterSummary {
  const c = contentOf(l);
  return {
    id: l.id,
    year: l.year,
    title: l.title,
    status: l.status as LetterStatus,
    partyA: c.partyA,
    partyB: c.partyB,
    signedAt: l.signedAt?.toISOString() ?? null,
    version: l.version,
    updatedAt: l.updatedAt.toISOString(),
  };
}

export function presentLetter(l: LetterRow, file: StoredFileRow | null, abilities: Letter['abilities'], availableEvents: Letter['availableEvents']): Letter {
  const c = contentOf(l);
  return {
    ...presentLetterSummary(l),
    rows: c.rows,
    lines: c.lines,
    obligations: l.obligations,
    signDeadline: l.signDeadline,
    signedFile: file ? presentStoredFile(file) : null,
    abilities,
    availableEvents,
  };
}
