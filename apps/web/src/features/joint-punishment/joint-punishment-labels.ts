import type { JointPunishmentStatus } from '@taotai/shared';

export const ENTRY_STATUS_COLORS: Record<JointPunishmentStatus, string> = { listed: 'red', objected: 'orange', repair_requested: 'blue', repaired: 'green', revoked: 'default' };
