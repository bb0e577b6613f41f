import { EVIDENCE_KIND_LABELS, type EvidenceKind } from '@taotai/shared';

/** Slots that take site photos: images only, judged by content (issue 10 §3); the others take PDF or images. */
export const PHOTO_KINDS: ReadonlySet<EvidenceKind> = new Set(['seal_photo', 'photo_before', 'photo_during', 'photo_after']);

/** The dismantling sequence a photo's capture time must follow. */
const ORDER: Partial<Record<EvidenceKind, number>> = { photo_before: 0, photo_during: 1, photo_after: 2 };

/** EXIF time 'YYYY-MM-DDTHH:MM:SS' is the camera's local (Beijing) time: compared as an instant at UTC+8. */
export const exifInstant = (takenAt: string) => new Date(`${takenAt}+08:00`);

/**
 * Doubts about a photo's capture time (pure): none recorded, taken before the plan was approved, or out of
 * the before → during → after order against the task's photos already filed. Each is a sentence in Chinese.
 */
export function photoTimeDoubts(
  kind: EvidenceKind,
  takenAt: string | null,
  planApprovedAt: Date | null,
  others: readonly { kind: string; takenAt: string | null }[],
): string[] {
  const label = EVIDENCE_KIND_LABELS[kind];
  if (!takenAt) return [`${label}没有拍摄时间（EXIF），无法核实拍摄时间`];
  const out: string[] = [];
  if (planApprovedAt && exifInstant(takenAt) < planApprovedAt) {
    out.push(`${label}拍摄于${takenAt.replace('T', ' ')}，早于淘汰计划批准时间`);
  }
  const mine = ORDER[kind];
  if (mine !== undefined) {
    for (const o of others) {
      const theirs = ORDER[o.kind as EvidenceKind];
      if (theirs === undefined || !o.takenAt || theirs === mine) continue;
      const wrong = (theirs < mine && o.takenAt > takenAt) || (theirs > mine && o.takenAt < takenAt);
      if (wrong) {
        const other = EVIDENCE_KIND_LABELS[o.kind as EvidenceKind];
        out.push(`${label}（${takenAt.replace('T', ' ')}）与${other}（${o.takenAt.replace('T', ' ')}）的拍摄顺序颠倒`);
        break;
      }
    }
  }
  return out;
}
