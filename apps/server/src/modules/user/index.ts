export { userRoutes } from './user.routes.ts';
import type { Db } from '../../db/client.ts';
import { userRepository } from './user.repository.ts';

/** Active group-office accounts of a region: where notices for that office (objections, reminders) go. */
export const officeUsersOf = (db: Db, regionCode: string) => userRepository.activeAt(db, ['group_office'], [regionCode]);
