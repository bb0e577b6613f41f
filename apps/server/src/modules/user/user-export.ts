import type { Writable } from 'node:stream';
import { type FiltersOf, ROLE_LABELS, type User, type UserQuery } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import type { Clock } from '../../platform/clock.ts';
import { primeBatches, type XlsxColumn, writeXlsxExport } from '../../platform/documents/xlsx-export.ts';
import { presentUser } from './user.presenter.ts';
import { userRepository } from './user.repository.ts';
import { userFilter } from './user.service.ts';

/** The account's state as the list shows it: disabled, locked (until when) or active. No password data. */
function columns(now: Date): XlsxColumn<User>[] {
  const state = (u: User) => (u.disabled ? '已停用' : u.lockedUntil && new Date(u.lockedUntil) > now ? '锁定' : '正常');
  return [
    { kind: 'number', header: '编号', value: (u) => u.id, width: 8 },
    { kind: 'text', header: '用户名', value: (u) => u.username, width: 16 },
    { kind: 'text', header: '姓名', value: (u) => u.displayName, width: 22 },
    { kind: 'text', header: '角色', value: (u) => ROLE_LABELS[u.role], width: 16 },
    { kind: 'coded', header: '区划代码', nameHeader: '所属区划', code: (u) => u.regionCode, name: (u) => u.regionName, nameWidth: 28 },
    { kind: 'text', header: '所属单位', value: (u) => u.agencyName ?? '', width: 26 },
    { kind: 'text', header: '状态', value: state, width: 8 },
    { kind: 'datetime', header: '锁定至', value: (u) => (u.lockedUntil && new Date(u.lockedUntil) > now ? u.lockedUntil : null) },
    { kind: 'datetime', header: '最近登录', value: (u) => u.lastLoginAt },
  ];
}

const BATCH = 500;

/**
 * 用户 under the list's filters, as xlsx: the whole filtered set walked by the id keyset in batches, oldest
 * account first as the list shows it. The first batch is read before anything is sent (region out of scope: 404).
 */
export async function prepareUserExport(db: Db, clock: Clock, actor: Actor, q: FiltersOf<UserQuery>) {
  const filter = await userFilter(db, actor, q);
  async function* batches(): AsyncGenerator<User[]> {
    let afterId: number | undefined;
    for (;;) {
      const rows = await userRepository.list(db, { ...filter, afterId }, BATCH);
      if (rows.length) yield rows.map(presentUser);
      if (rows.length < BATCH) return;
      afterId = rows.at(-1)!.u.id;
    }
  }
  const primed = await primeBatches(batches());
  const now = clock.now();
  return {
    fileName: `用户-${todayInChina(now).replaceAll('-', '')}.xlsx`,
    write: (out: Writable) => writeXlsxExport(out, { sheetName: '用户', columns: columns(now), batches: primed }),
  };
}
