import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The seal keyring (issue 13 "rotatable"; ADR 0025 "Key rotation"): the current key seals, retired keys only
 * unseal (until `npm run seal:rotate` has re-sealed everything they sealed), and a lookup key that never rotates
 * keys the equality hashes and derived secrets (`sealedLookupHash`, the audit anchor), which cannot be recomputed
 * on rotation because their inputs (client addresses, receipt codes) are not kept.
 */
export class SealKey {
  /** Short id of the current key, written into every value it seals (`s2:<kid>:…`). */
  readonly kid: string;
  private readonly ring = new Map<string, Buffer>();
  private readonly lookupRoot: Buffer;

  /** `bytes` is the current key; without options it is also the lookup key (a one-key install, as before rotation existed). */
  constructor(
    readonly bytes: Buffer,
    opts: { retired?: readonly Buffer[]; lookup?: Buffer } = {},
  ) {
    this.kid = addKey(this.ring, bytes);
    for (const r of opts.retired ?? []) addKey(this.ring, r);
    this.lookupRoot = checked(opts.lookup ?? bytes);
  }
  /** The current key's halves: the first encrypts, the second authenticates. Never derive lasting values from them. */
  get encKey(): Buffer {
    return this.bytes.subarray(0, 16);
  }
  get macKey(): Buffer {
    return this.bytes.subarray(16, 32);
  }
  /** Ids of every key that can unseal: the current one first, then the retired ones. */
  get kids(): string[] {
    return [...this.ring.keys()];
  }
  /** A key of the ring by id, or undefined when it is not (or no longer) in the ring. */
  keyOf(kid: string): Buffer | undefined {
    return this.ring.get(kid);
  }
  /** The non-rotating lookup key's MAC half: for a one-key install it is the same bytes lookups always used. */
  get lookupMacKey(): Buffer {
    return this.lookupRoot.subarray(16, 32);
  }
  /** The non-rotating lookup key itself, for derived secrets that must outlive rotation (see `sealDerivedSecret`). */
  get lookupKey(): Buffer {
    return this.lookupRoot;
  }
}

function checked(bytes: Buffer): Buffer {
  if (bytes.length !== 32) throw new Error('封存密钥须为 32 字节');
  return bytes;
}

/** First 8 hex of SM3 over a label and the key: names the key in sealed values without revealing it. */
export function sealKeyId(bytes: Buffer): string {
  return createHash('sm3').update('taotai seal key id\u0000').update(checked(bytes)).digest('hex').slice(0, 8);
}

function addKey(ring: Map<string, Buffer>, bytes: Buffer): string {
  const kid = sealKeyId(bytes);
  const had = ring.get(kid);
  if (had && !had.equals(bytes)) throw new Error(`两把不同的封存密钥编号相同（${kid}），请更换其中一把`);
  if (!had) ring.set(kid, bytes);
  return kid;
}

const HEX64 = /^[0-9a-fA-F]{64}$/;
function hexKey(value: string, name: string): Buffer {
  const v = value.trim();
  if (!HEX64.test(v)) throw new Error(`${name} 须为 64 位十六进制字符`);
  return Buffer.from(v, 'hex');
}
/** A list of keys: comma- or newline-separated; `#` starts a comment in a file. */
function hexKeys(value: string, name: string): Buffer[] {
  return value
    .split('\n')
    .flatMap((line) => line.replace(/#.*/, '').split(','))
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => hexKey(s, name));
}

export interface SealKeySources {
  dataDir: string;
  /** TAOTAI_SEAL_KEY: the current key. Set → the whole ring comes from the environment and no file is read. */
  envKey?: string | undefined;
  /** TAOTAI_SEAL_KEYS_RETIRED: keys that only unseal, comma-separated. */
  envRetired?: string | undefined;
  /** TAOTAI_SEAL_LOOKUP_KEY: the non-rotating lookup key; required while retired keys are configured. */
  envLookup?: string | undefined;
}

/** The three variables, read once by each entry point (server, CLIs, tests). */
export const sealKeyEnv = (env: NodeJS.ProcessEnv = process.env) => ({
  envKey: env.TAOTAI_SEAL_KEY || undefined,
  envRetired: env.TAOTAI_SEAL_KEYS_RETIRED || undefined,
  envLookup: env.TAOTAI_SEAL_LOOKUP_KEY || undefined,
});

export const SEAL_KEY_FILE = 'seal.key';
export const SEAL_RETIRED_FILE = 'seal-retired.keys';
export const SEAL_LOOKUP_FILE = 'seal-lookup.key';

/**
 * The keyring. Environment (production keeps keys outside the data directory and its backups): `TAOTAI_SEAL_KEY`,
 * `TAOTAI_SEAL_KEYS_RETIRED`, `TAOTAI_SEAL_LOOKUP_KEY` (unset → the current key, as before rotation existed; so it
 * must be set, to the key the hashes were made with, before any key is retired). Otherwise files in DATA_DIR:
 * `seal.key` (generated on first start, mode 0600), `seal-retired.keys` (optional, one key a line) and
 * `seal-lookup.key` (written once: a copy of an existing `seal.key`, so hashes made before it keep matching, or a
 * fresh key on a new install).
 */
export function loadSealKey(opts: SealKeySources): SealKey {
  if (opts.envKey) {
    const retired = opts.envRetired ? hexKeys(opts.envRetired, 'TAOTAI_SEAL_KEYS_RETIRED') : [];
    if (retired.length > 0 && !opts.envLookup) {
      throw new Error('设置 TAOTAI_SEAL_KEYS_RETIRED 时须同时设置 TAOTAI_SEAL_LOOKUP_KEY（取轮换前的封存密钥），否则查找摘要和审计锚点密钥会随轮换改变');
    }
    const lookup = opts.envLookup ? hexKey(opts.envLookup, 'TAOTAI_SEAL_LOOKUP_KEY') : undefined;
    return new SealKey(hexKey(opts.envKey, 'TAOTAI_SEAL_KEY'), { retired, lookup });
  }
  if (opts.envRetired || opts.envLookup) {
    throw new Error('TAOTAI_SEAL_KEYS_RETIRED 和 TAOTAI_SEAL_LOOKUP_KEY 只能与 TAOTAI_SEAL_KEY 一起使用（未设置时密钥全部取自数据目录中的文件）');
  }
  const file = (name: string) => path.join(opts.dataDir, name);
  const hadKey = existsSync(file(SEAL_KEY_FILE));
  mkdirSync(opts.dataDir, { recursive: true });
  if (!hadKey) writeOnce(file(SEAL_KEY_FILE), randomBytes(32).toString('hex'));
  const current = readFileSync(file(SEAL_KEY_FILE), 'utf8');
  const retiredFile = file(SEAL_RETIRED_FILE);
  const retired = existsSync(retiredFile) ? hexKeys(readFileSync(retiredFile, 'utf8'), SEAL_RETIRED_FILE) : [];
  if (!existsSync(file(SEAL_LOOKUP_FILE))) {
    // seal.key was replaced by hand before the lookup key was pinned: which key made the hashes is not known here.
    if (retired.length > 0) throw new Error(`缺少 ${SEAL_LOOKUP_FILE}：请把轮换前的封存密钥写入该文件（查找摘要由它生成）后再启动`);
    writeOnce(file(SEAL_LOOKUP_FILE), hadKey ? current.trim() : randomBytes(32).toString('hex'));
  }
  return new SealKey(hexKey(current, SEAL_KEY_FILE), {
    retired,
    lookup: hexKey(readFileSync(file(SEAL_LOOKUP_FILE), 'utf8'), SEAL_LOOKUP_FILE),
  });
}

/** Creates a key file with mode 0600; another process that got there first wins (its content is then read). */
function writeOnce(file: string, content: string): void {
  try {
    writeFileSync(file, content, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
}

/**
 * File mode only (`npm run seal:rotate -- --new-key`): a new current key; the old one is appended to
 * `seal-retired.keys`, and the lookup key stays. Returns the new and the retired key ids.
 */
export function rotateSealKeyFiles(dataDir: string): { kid: string; retiredKid: string } {
  const old = loadSealKey({ dataDir }); // also pins seal-lookup.key before the current key changes
  const fresh = randomBytes(32);
  const retiredFile = path.join(dataDir, SEAL_RETIRED_FILE);
  const before = existsSync(retiredFile) ? readFileSync(retiredFile, 'utf8') : '';
  const line = `${old.bytes.toString('hex')} # ${old.kid}, retired ${new Date().toISOString()}\n`;
  writeFileSync(retiredFile, before && !before.endsWith('\n') ? `${before}\n${line}` : before + line, { mode: 0o600 });
  const tmp = path.join(dataDir, `${SEAL_KEY_FILE}.new`);
  writeFileSync(tmp, fresh.toString('hex'), { mode: 0o600 });
  renameSync(tmp, path.join(dataDir, SEAL_KEY_FILE));
  return { kid: sealKeyId(fresh), retiredKid: old.kid };
}
