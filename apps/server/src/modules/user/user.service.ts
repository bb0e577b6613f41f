import type { CreateUserBody, FiltersOf, ListPage, UpdateUserBody, User, UserQuery } from '@taotai/shared';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import type { Actor, RegionAncestry } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { passwordProblems } from '../../platform/auth/password-policy.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import type { Clock } from '../../platform/clock.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { cutPage, idCursor, pageWindow } from '../../platform/http/list-query.ts';
import { loadSecuritySettings } from '../../platform/settings/security-settings.ts';
import { authRepository } from '../auth/index.ts';
import { ancestryOf, type RegionRow, regionInActorScope, regionRepository } from '../region/index.ts';
import { auditView, presentUser } from './user.presenter.ts';
import { COUNTRY_CODE, userPolicy } from './user.policy.ts';
import { type RegionSubtree, type UserFilter, type UserListRow, userRepository } from './user.repository.ts';

const FORBIDDEN_ROLE = '领导小组办公室不能创建或管理系统管理员、审计员账户';

/** The region column that every member of `r`'s subtree shares with `r` (a township has no children). */
function subtreeOf(r: RegionRow): RegionSubtree {
  switch (r.level) {
    case 'province':
      return { column: 'provinceCode', code: r.code };
    case 'prefecture':
      return { column: 'prefectureCode', code: r.code };
    case 'county':
      return { column: 'countyCode', code: r.code };
    default:
      return { column: 'code', code: r.code };
  }
}

/** A filter region outside the actor's subtree is answered 404, like one that does not exist. */
async function subtreeFor(db: Db, actor: Actor, regionCode: string | undefined): Promise<RegionSubtree> {
  const code = regionCode ?? (actor.scope.column === 'all' ? undefined : actor.regionCode);
  if (!code || (code === COUNTRY_CODE && actor.scope.column === 'all')) return 'all';
  return subtreeOf(await regionInActorScope(db, actor, code));
}

/** The list's filters, scoped (a region out of scope: 404): shared by the list and its export. */
export async function userFilter(db: Db, actor: Actor, q: FiltersOf<UserQuery>): Promise<UserFilter> {
  return { subtree: await subtreeFor(db, actor, q.region), q: q.q };
}

/** Accounts are few (thousands at most), so the total is always counted. */
export async function listUsers(db: Db, actor: Actor, q: UserQuery): Promise<ListPage<User>> {
  const w = pageWindow(q, 20);
  const afterId = idCursor(w.cursor) ?? undefined;
  const filter = await userFilter(db, actor, q);
  const [rows, total] = await Promise.all([
    userRepository.list(db, { ...filter, afterId }, w.size + 1, { descending: q.sort === '-id', offset: w.offset }),
    userRepository.count(db, filter),
  ]);
  const { rows: page, nextCursor } = cutPage(rows, w, (last) => String(last.u.id));
  return { items: page.map(presentUser), nextCursor, total, page: w.page, pageSize: w.size };
}

/** Loads an account the actor may see, or 404 — the same answer as an id that does not exist. */
async function visibleUser(db: Db, actor: Actor, id: number): Promise<UserListRow> {
  const row = await userRepository.byId(db, id);
  if (!row) throw notFound('用户');
  const r = await regionRepository.byCode(db, row.u.regionCode);
  if (!userPolicy.canSee(actor, r ? ancestryOf(r) : null)) throw notFound('用户');
  return row;
}

export async function getUser(db: Db, actor: Actor, id: number): Promise<User> {
  return presentUser(await visibleUser(db, actor, id));
}

async function checkPassword(db: Db, password: string, username: string, field: string, what: string): Promise<void> {
  const settings = await loadSecuritySettings(db);
  const problems = passwordProblems(password, settings.passwordPolicy, username);
  if (problems.length) throw invalid(`${what}不符合密码策略：${problems.join('；')}`, [{ path: field, message: problems.join('；') }]);
}

const within = (subtree: RegionSubtree, a: RegionAncestry): boolean =>
  subtree === 'all' || (subtree.column === 'code' ? a.townshipCode === subtree.code : a[subtree.column] === subtree.code);

/**
 * Where the new account belongs: an agency of its region (offices, member agencies), an enterprise
 * in scope (enterprise users), or the region alone (towns, leaders, auditors). Returns the columns to store.
 */
async function placement(db: Db, actor: Actor, body: z.infer<typeof CreateUserBody>) {
  if (body.role === 'admin' || body.role === 'national_auditor') return { regionCode: COUNTRY_CODE, agencyId: null, enterpriseId: null };
  const r = await regionInActorScope(db, actor, body.regionCode);
  switch (body.role) {
    case 'group_office':
    case 'member_agency': {
      if (body.agencyId == null) throw invalid('请选择所属单位', [{ path: 'agencyId', message: '请选择所属单位' }]);
      const a = await regionRepository.agencyById(db, body.agencyId);
      if (!a || a.regionCode !== r.code) {
        throw invalid(`所属单位不属于${r.name}`, [{ path: 'agencyId', message: `请选择${r.name}的单位` }]);
      }
      if (body.role === 'group_office' && !a.isGroupOffice) {
        throw invalid('领导小组办公室账户须属于领导小组办公室所在单位', [{ path: 'agencyId', message: `${a.name}不是领导小组办公室所在单位` }]);
      }
      return { regionCode: r.code, agencyId: a.id, enterpriseId: null };
    }
    case 'enterprise': {
      if (body.enterpriseId == null) throw invalid('请选择企业', [{ path: 'enterpriseId', message: '请选择企业' }]);
      const e = await userRepository.enterpriseLocation(db, body.enterpriseId);
      if (!e || !userPolicy.canSee(actor, { code: e.regionCode, ...e })) throw notFound('企业');
      if (!within(subtreeOf(r), { code: e.regionCode, ...e })) {
        throw invalid(`企业“${e.name}”不在${r.name}`, [{ path: 'enterpriseId', message: '企业不在所选区划内' }]);
      }
      return { regionCode: r.code, agencyId: null, enterpriseId: e.id };
    }
    case 'town':
      if (r.level !== 'township' && r.level !== 'park') {
        throw invalid('乡镇（街道）/园区账户须选择乡镇（街道）或重点园区', [{ path: 'regionCode', message: '请选择乡镇（街道）或园区' }]);
      }
      return { regionCode: r.code, agencyId: null, enterpriseId: null };
    default:
      return { regionCode: r.code, agencyId: null, enterpriseId: null };
  }
}

const usernameTaken = (username: string) => conflict(`用户名“${username}”已被使用，请换一个`);

/** Accounts created here must change their initial password at first login, demo mode or not. */
export async function createUser(db: Db, clock: Clock, actor: Actor, body: z.infer<typeof CreateUserBody>): Promise<User> {
  if (!userPolicy.canHandleRole(actor, body.role)) throw forbidden(FORBIDDEN_ROLE);
  const where = await placement(db, actor, body);
  await checkPassword(db, body.password, body.username, 'password', '初始密码');
  if (await userRepository.usernameTaken(db, body.username)) throw usernameTaken(body.username);
  const passwordHash = await hashPassword(body.password);
  const now = clock.now();
  try {
    const id = await db.transaction(async (tx) => {
      const u = await userRepository.insert(tx, {
        username: body.username,
        displayName: body.displayName,
        passwordHash,
        role: body.role,
        ...where,
        mustChangePassword: true,
        passwordChangedAt: now,
        createdAt: now,
      });
      await recordAudit(tx, actor, now, { action: 'user.create', entityType: 'user', entityId: u.id, regionCode: u.regionCode, after: auditView(u) });
      return u.id;
    });
    return presentUser((await userRepository.byId(db, id))!);
  } catch (e) {
    // Two offices creating the same name at once: the unique index decides, the loser gets 409.
    if (isUniqueViolation(e)) throw usernameTaken(body.username);
    throw e;
  }
}

/**
 * Renames, disables or re-enables an account and/or resets its password. Disabling and resetting
 * end the account's open sessions; a reset also lifts a lockout and forces a new password.
 */
export async function updateUser(db: Db, clock: Clock, actor: Actor, id: number, body: z.infer<typeof UpdateUserBody>): Promise<User> {
  const row = await visibleUser(db, actor, id);
  const before = row.u;
  if (!userPolicy.canHandleRole(actor, before.role as User['role'])) throw forbidden(FORBIDDEN_ROLE);
  if (body.disabled && before.id === actor.userId) throw invalid('不能停用自己的账户', [{ path: 'disabled', message: '不能停用自己的账户' }]);
  const reset = body.resetPassword != null && body.resetPassword !== '';
  if (reset) await checkPassword(db, body.resetPassword!, before.username, 'resetPassword', '重置的密码');
  const passwordHash = reset ? await hashPassword(body.resetPassword!) : null;
  const now = clock.now();
  const changed = body.displayName !== before.displayName || body.disabled !== before.disabled;
  if (!changed && !reset) return presentUser(row);
  await db.transaction(async (tx) => {
    await userRepository.update(tx, id, {
      displayName: body.displayName,
      disabled: body.disabled,
      ...(passwordHash ? { passwordHash, mustChangePassword: true, passwordChangedAt: now, lockedUntil: null } : {}),
    });
    if ((body.disabled && !before.disabled) || reset) await authRepository.revokeUserSessions(tx, id, now);
    const audit = { entityType: 'user', entityId: id, regionCode: before.regionCode };
    if (changed) {
      const action = body.disabled === before.disabled ? 'user.update' : body.disabled ? 'user.disable' : 'user.enable';
      await recordAudit(tx, actor, now, { ...audit, action, before: auditView(before), after: auditView({ ...before, ...body }) });
    }
    if (reset) {
      await recordAudit(tx, actor, now, { ...audit, action: 'user.reset_password', after: { mustChangePassword: true, sessionsRevoked: true } });
    }
  });
  return presentUser((await userRepository.byId(db, id))!);
}
