/**
 * True when a statement failed on a unique index (SQLSTATE 23505). Drizzle wraps the driver's
 * error in `cause`; node-postgres and PGlite both carry `code`. A pre-check gives the friendly
 * message; this catches the race where two users register the same key at once.
 */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: any = err, i = 0; e && i < 4; e = e.cause, i++) {
    if (e.code === '23505') return true;
  }
  return false;
}
