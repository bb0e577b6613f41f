export { userRoutes } from './user.routes.ts';
import type { Db } from '../../db/client.ts';
import { userRepository } from './user.repository.ts';

/** Active group-office accounts of a region: where notices for that office (objections, reminders) go. */
export const officeUsersOf = (db: Db, regionCode: string) => userRepository.activeAt(db, ['group_office'], [regionCode]);

/** Active accounts (full rows) of these roles at these regions, and every active admin: who may act on a to-do item. */
export const activeUserRowsAt = (db: Db, roles: string[], regionCodes: string[]) => userRepository.activeRowsAt(db, roles, regionCodes);
export const activeAdminRows = (db: Db) => userRepository.activeRowsWithRole(db, 'admin');

/** Active admin accounts: where notices only the admin can act on go (e.g. next year's holidays missing). */
export const activeAdmins = (db: Db) => userRepository.activeWithRole(db, 'admin');
