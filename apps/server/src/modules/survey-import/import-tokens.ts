import { randomBytes } from 'node:crypto';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Actor } from '../../platform/access/actor.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';

/**
 * A clean preview leaves the uploaded file under dataDir/imports/<token>.xlsx with a sidecar
 * <token>.json saying whose it is and when it was checked. The sidecar's name is its state:
 * `.json` waiting, `.claim.json` being committed, `.used.json` committed. A rename is atomic,
 * so two commits of one token cannot both claim it.
 */

export const TOKEN_TTL_MS = 60 * 60_000;
const TOKEN_RE = /^[A-Za-z0-9_-]{32}$/;

export interface TokenMeta {
  userId: number | null;
  username: string;
  fileName: string;
  sha256: string;
  title: string | null;
  createdAt: string;
  importId?: number;
}

const files = (dir: string, token: string) => ({
  xlsx: path.join(dir, `${token}.xlsx`),
  waiting: path.join(dir, `${token}.json`),
  claimed: path.join(dir, `${token}.claim.json`),
  used: path.join(dir, `${token}.used.json`),
});

const exists = async (p: string) => readFile(p).then(
  () => true,
  () => false,
);

/** Moves the checked upload into place and returns its new token. */
export async function storeToken(dir: string, uploadPath: string, meta: Omit<TokenMeta, 'createdAt'>, now: Date): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  const f = files(dir, token);
  await rename(uploadPath, f.xlsx);
  await writeFile(f.waiting, JSON.stringify({ ...meta, createdAt: now.toISOString() } satisfies TokenMeta));
  return token;
}

/**
 * Takes the token for one commit. Another user's token answers like a missing one;
 * an expired one is removed; a used one says so.
 */
export async function claimToken(dir: string, token: string, actor: Pick<Actor, 'userId'>, now: Date): Promise<{ path: string; meta: TokenMeta }> {
  const missing = () => notFound('导入凭证');
  if (!TOKEN_RE.test(token)) throw missing();
  const f = files(dir, token);
  let meta: TokenMeta;
  try {
    meta = JSON.parse(await readFile(f.waiting, 'utf8'));
  } catch {
    const other = (await exists(f.used)) ? f.used : (await exists(f.claimed)) ? f.claimed : null;
    if (!other) throw missing();
    const m = JSON.parse(await readFile(other, 'utf8')) as TokenMeta;
    if (m.userId !== actor.userId) throw missing();
    if (other === f.used) throw conflict(`该文件已导入（导入批次 ${m.importId}），同一凭证不能重复提交`);
    throw conflict('该文件正在导入，请勿重复提交');
  }
  if (meta.userId !== actor.userId) throw missing();
  if (now.getTime() - Date.parse(meta.createdAt) > TOKEN_TTL_MS) {
    await Promise.all([rm(f.waiting, { force: true }), rm(f.xlsx, { force: true })]);
    throw invalid('导入凭证已过期（有效期1小时），请重新上传文件');
  }
  try {
    await rename(f.waiting, f.claimed);
  } catch {
    throw conflict('该文件正在导入，请勿重复提交');
  }
  return { path: f.xlsx, meta };
}

/** After a successful commit: the file goes, the used marker stays until the sweep. */
export async function finishToken(dir: string, token: string, meta: TokenMeta, importId: number): Promise<void> {
  const f = files(dir, token);
  await writeFile(f.claimed, JSON.stringify({ ...meta, importId }));
  await rename(f.claimed, f.used);
  await rm(f.xlsx, { force: true });
}

/** After a failed commit the token may be tried again (the file is re-checked every time). */
export async function releaseToken(dir: string, token: string): Promise<void> {
  const f = files(dir, token);
  await rename(f.claimed, f.waiting).catch(() => {});
}

/** Removes expired tokens and their files, and stray uploads older than a day. */
export async function sweepTokens(dir: string, now: Date): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (/^upload-[0-9a-f]+\.part$/.test(name)) {
      // Uploads are removed when their request ends; this only catches a crash. Real time, not the clock.
      const st = await stat(path.join(dir, name)).catch(() => null);
      if (st && Date.now() - st.mtimeMs > 24 * 3600_000) await rm(path.join(dir, name), { force: true });
      continue;
    }
    const m = /^([A-Za-z0-9_-]{32})(\.claim|\.used)?\.json$/.exec(name);
    if (!m) continue;
    try {
      const meta = JSON.parse(await readFile(path.join(dir, name), 'utf8')) as TokenMeta;
      if (now.getTime() - Date.parse(meta.createdAt) <= TOKEN_TTL_MS) continue;
    } catch {
      // An unreadable sidecar is as good as expired.
    }
    await rm(path.join(dir, name), { force: true });
    if (!m[2] || m[2] === '.claim') await rm(path.join(dir, `${m[1]}.xlsx`), { force: true });
  }
}
